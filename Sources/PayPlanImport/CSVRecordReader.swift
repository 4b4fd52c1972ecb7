/// Splits CSV text (RFC 4180, as spreadsheets export it) into records of cells, reading UTF-8 bytes.
///
/// Why payplan's own reader and not a library: the CSV library the importer used (yaslab/CSV.swift 2.5.2) reads
/// one Unicode scalar at a time through an `AnyIterator` and grows each cell a scalar at a time: 298 ms of CPU for
/// 100,000 Taobao rows (about 3 s at a million, most of the 4 s import budget). SwiftCSV 0.10.0, the other CSV
/// package available, walks grapheme clusters with a closure per character and measured 2.2–2.4× slower than that
/// on the same file. This reader scans bytes and copies a cell in one piece; it splits text exactly as yaslab's
/// reader does (`CSVRecordReaderTests` compares the two on generated text with every quoting edge, the library
/// kept as the test oracle):
///
/// - a cell that starts with `"` is quoted: it runs to a `"` followed by the delimiter, a line break or the end;
///   `""` inside it is one `"`; a `"` followed by any other character keeps the `"` and drops that character
///   (the library's reading of a stray quote); a quote that is never closed takes the rest of the text;
/// - a `"` inside a cell that does not start with one is text;
/// - records end at LF, CR or CRLF; a blank line is a record of one empty cell; a line break at the very end
///   starts no record; a byte-order mark is text (decoding takes a UTF-8 one off; `cleanHeader` the rest).
///
/// The text is UTF-8 already (GB18030 and UTF-16 files are decoded upstream, `TextDecoding`); the delimiter, `"`,
/// CR and LF are ASCII, so they are never part of a multi-byte character.
public final class CSVRecordReader {
    /// The text, kept contiguous in UTF-8.
    private var text: String
    /// The byte offset of the next record.
    private var position = 0
    private let delimiter: UInt8
    /// Reused for quoted cells with `""` or a stray quote (the only cells not copied straight from the text).
    private var unescaped: [UInt8] = []

    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// A reader of `text` with cells split at `delimiter` (`,` or a tab; ASCII).
    public init(text: String, delimiter: Unicode.Scalar = ",") {
        precondition(delimiter.isASCII, "the CSV delimiter is ASCII")
        var t = text
        t.makeContiguousUTF8()
        self.text = t
        self.delimiter = UInt8(delimiter.value)
    }

    /// The next record's cells, or `nil` after the last.
    /// - Complexity: O(record's bytes).
    public func next() -> [String]? {
        var row: [String] = []
        return next(into: &row) ? row : nil
    }

    /// Reads the next record's cells into `row` (emptied first, its storage kept: one buffer for a whole file);
    /// `false`, with `row` left as it was, after the last.
    /// - Complexity: O(record's bytes).
    public func next(into row: inout [String]) -> Bool { next(into: &row, unmade: []) }

    /// Where the cells left unmade by the last `next(into:unmade:)` lie in the text: byte offsets `start ..< end`,
    /// by cell number (entries of other cells are left as they were).
    ///
    /// Unchecked for exclusive access, as the engine's stored arrays are: the reader is used from one place at a time,
    /// and the dynamic check per cell written was a quarter of the reader's instructions.
    @exclusivity(unchecked) private var spans: [Range<Int>] = []
    /// A quoted cell of an unmade column, made as `next(into:)` makes it (its text is not its bytes in the text),
    /// by cell number; `nil` for a cell left unmade.
    @exclusivity(unchecked) private var madeCells: [String?] = []

    /// `next(into:)` that leaves unmade the unquoted cells of the columns where `unmade[k]` is true (cell `k` of
    /// the record, below `unmade.count`): no `String` is made for such a cell (most of a numeric column's cost);
    /// `withCell(k)` gives its bytes (of a quoted cell, its text as made), `cell(k)` its text. In `row` the cell
    /// stands in as far as blankness goes:
    /// `""` when all its bytes are ASCII white space (none included), one space-free stand-in (`"·"`) when its first
    /// character is no white space; any other unquoted cell, and every quoted one, is made as `next(into:)` makes it
    /// (so a cell with a line break in it is always in `row` as read).
    /// - Complexity: O(record's bytes).
    public func next(into row: inout [String], unmade: [Bool]) -> Bool {
        if spans.count < unmade.count {
            spans = Array(repeating: 0..<0, count: unmade.count)
            madeCells = Array(repeating: nil, count: unmade.count)
        }
        return text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard position < b.count else { return false }
            row.removeAll(keepingCapacity: true)
            var i = position
            while true {
                let k = row.count
                if i == b.count { // after a delimiter at the very end
                    if k < unmade.count { spans[k] = i..<i; madeCells[k] = nil }
                    row.append(""); break
                }
                let end: Bool
                if b[i] == Self.quote {
                    let (cell, e) = quoted(b, &i)
                    if k < unmade.count && unmade[k] { madeCells[k] = cell }
                    row.append(cell); end = e
                } else if k < unmade.count && unmade[k] {
                    madeCells[k] = nil
                    let start = i
                    var e = true
                    while i < b.count {
                        let c = b[i]
                        if c == delimiter { e = false; break }
                        if c == Self.lf || c == Self.cr { break }
                        i += 1
                    }
                    spans[k] = start..<i
                    row.append(Self.standIn(b, start, i))
                    if i < b.count {
                        let c = b[i]
                        i += 1
                        if c == Self.cr, i < b.count, b[i] == Self.lf { i += 1 }
                    }
                    end = e
                } else {
                    let (cell, e) = unquoted(b, &i)
                    row.append(cell); end = e
                }
                if end { break }
            }
            position = i
            return true
        }! // a contiguous UTF-8 string always has contiguous storage
    }

    /// What stands in `row` for an unmade cell (`next(into:unmade:)`): `""`, `"·"`, or the cell itself.
    private static func standIn(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        var k = from
        while k < to, b[k] == 0x20 || (0x09...0x0D).contains(b[k]) { k += 1 }
        if k == to { return "" }
        if k == from, let first = firstScalar(b, from), !OrderImport.isWhiteSpace(first) { return "·" }
        return string(b, from, to)
    }

    /// The scalar whose UTF-8 bytes start at `i` (the text is valid UTF-8 and `i` starts a scalar).
    private static func firstScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        let c = UInt32(b[i])
        if c < 0x80 { return Unicode.Scalar(c) }
        let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        guard i + n <= b.count else { return nil }
        var v = c & (0xFF >> UInt32(n + 1))
        for j in 1..<n { v = v << 6 | UInt32(b[i + j] & 0x3F) }
        return Unicode.Scalar(v)
    }

    /// The bytes of unmade cell `k` of the last record (`next(into:unmade:)`).
    /// - Complexity: O(1) and the body.
    @inline(__always) public func withCell<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if var made = madeCells[k] { return made.withUTF8(body) }
        let span = spans[k]
        return text.utf8.withContiguousStorageIfAvailable { b in body(UnsafeBufferPointer(rebasing: b[span])) }!
    }

    /// The text of unmade cell `k` of the last record, as `next(into:)` would have made it.
    /// - Complexity: O(the cell's bytes).
    public func cell(_ k: Int) -> String {
        if let made = madeCells[k] { return made }
        return withCell(k) { String(decoding: $0, as: UTF8.self) }
    }

    /// An unquoted cell from `i` to the delimiter, a line break or the end; `i` moves past what ends it.
    private func unquoted(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (String, Bool) {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == delimiter {
                defer { i += 1 }
                return (Self.string(b, start, i), false)
            }
            if c == Self.lf || c == Self.cr {
                let cell = Self.string(b, start, i)
                i += 1
                if c == Self.cr, i < b.count, b[i] == Self.lf { i += 1 }
                return (cell, true)
            }
            i += 1
        }
        return (Self.string(b, start, i), true)
    }

    /// A quoted cell: `i` is at its opening quote and moves past what ends it.
    private func quoted(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (String, Bool) {
        i += 1
        let start = i
        // Straight from the text while the cell has no `""` nor stray quote (the usual case).
        while i < b.count, b[i] != Self.quote { i += 1 }
        let text = i
        if let end = closing(b, &i) { return (Self.string(b, start, text), end) }
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<text]))
        while true {
            // At a quote that does not close the cell: a character follows it (`closing`).
            let c = b[i + 1]
            unescaped.append(Self.quote)
            i += 2
            if c != Self.quote {
                // The library keeps the quote and drops the character after it (a whole character).
                while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
            }
            let run = i
            while i < b.count, b[i] != Self.quote { i += 1 }
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
            if let end = closing(b, &i) { return (String(decoding: unescaped, as: UTF8.self), end) }
        }
    }

    /// At `i` (a quote or the end of the text): when that ends the quoted cell, moves `i` past the quote and what
    /// follows it (the delimiter or a line break) and says whether the record ends there; `nil`, with `i`
    /// unchanged, for a quote followed by another character (`""`, or a stray quote).
    private func closing(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool? {
        if i == b.count { return true } // never closed: the rest of the text
        guard i + 1 < b.count else { i += 1; return true }
        let c = b[i + 1]
        if c == delimiter { i += 2; return false }
        if c == Self.lf { i += 2; return true }
        if c == Self.cr {
            i += 2
            if i < b.count, b[i] == Self.lf { i += 1 }
            return true
        }
        return nil
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
    }
}
