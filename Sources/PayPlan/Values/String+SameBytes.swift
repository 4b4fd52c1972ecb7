import Foundation

extension String {
    /// Whether this text and `other` are the same UTF-8 bytes: a stricter test than `==`, which also takes
    /// texts equal under Unicode normalisation (é as one scalar or two) and normalises non-ASCII text to tell.
    /// Memos of the few texts a file's column holds (statuses, agents) match a cell by its bytes first and fall
    /// back to `==` or hashing only when no bytes match.
    ///
    /// - Complexity: O(length): a length check and one `memcmp` for a native or small string.
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        } ?? nil
        return fast ?? utf8.elementsEqual(other.utf8)
    }
}
