import Glibc

/// Terminal column width of text, from the C library's `wcwidth`.
///
/// CJK characters take 2 columns, ASCII 1, combining marks and control
/// characters 0. The width tables live in LC_CTYPE, so the lookup runs under
/// a private C.UTF-8 locale (thread-local `uselocale`) and neither depends on
/// nor changes the process locale. No libedit dependency.
public enum DisplayWidth {
    /// Immutable once created; glibc allows sharing a locale_t across threads.
    nonisolated(unsafe) private static let utf8Locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// glibc declares `wcwidth` only under _XOPEN_SOURCE, which Swift's Glibc
    /// module is built without, so it is looked up at run time.
    private static let wcwidth: @convention(c) (wchar_t) -> Int32 =
        unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!, to: (@convention(c) (wchar_t) -> Int32).self)

    /// Number of terminal columns `s` occupies.
    /// - Complexity: O(n) in the UTF-8 bytes; printable ASCII is read in place, one column a byte.
    public static func of(_ s: String) -> Int {
        // Printable ASCII (most figures and names in a big table): one column a byte.
        if isPrintableASCII(s) { return s.utf8.count }
        let previous = uselocale(utf8Locale)
        defer { uselocale(previous) }
        return s.unicodeScalars.reduce(0) { sum, scalar in
            sum + max(0, Int(wcwidth(wchar_t(bitPattern: scalar.value))))
        }
    }

    /// Whether every byte of `s` is printable ASCII (0x20–0x7E), read in place for a native string.
    static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in
            for c in b where c &- 0x20 >= 0x5F { return false }
            return true
        } ?? s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `s` padded with spaces to `width` columns (left-aligned unless
    /// `alignRight`); text already that wide or wider is returned unchanged.
    public static func padded(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(s)))
        return alignRight ? padding + s : s + padding
    }
}
