/// Text from the user's data (order numbers, names, notes from an import or a scenario file) made safe
/// for a terminal: a control character would otherwise be obeyed, not shown — an ESC sequence in a CSV's
/// order number cleared the screen when `orders` printed it (fresh-user finding M4, 2026-12-02).
///
/// Each C0 control but the tab and the line break is shown as its Unicode control picture (ESC as ␛,
/// U+241B), DEL as ␡ and each C1 control (U+0080–U+009F) as �. The data itself is kept as it is;
/// only what is printed changes. Machine-read output (CSV, JSON, Markdown) is printed exactly.
enum TerminalText {
    /// `text` with its control characters shown, or `text` itself when it has none.
    /// - Complexity: O(n) over the UTF-8 bytes, no allocation when there is nothing to show.
    static func safe(_ text: String) -> String {
        guard needsShowing(text) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A: out.append(u)
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Whether `text` has a byte `safe` would change: a C0 control but the tab and the line break,
    /// DEL, or the lead byte 0xC2 of a C1 control (U+0080–U+009F; other U+0080–U+00BF characters
    /// share it and go the careful way too).
    /// - Complexity: O(n) over the UTF-8 bytes, read in place for a native string (a report of
    ///   10,000 agents shows 1.7 MB of lines: a generic walk of the UTF-8 view cost 37 instructions a byte).
    static func needsShowing(_ text: String) -> Bool {
        @inline(__always) func shown(_ c: UInt8) -> Bool { (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F || c == 0xC2 }
        if let found = text.utf8.withContiguousStorageIfAvailable({ b -> Bool in
            for c in b where shown(c) { return true }
            return false
        }) { return found }
        return text.utf8.contains(where: shown)
    }
}
