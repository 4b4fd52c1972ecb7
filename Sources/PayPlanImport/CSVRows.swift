/// The rows of a CSV (or tab-separated) text, read from its UTF-8 bytes.
///
/// The rules are those of yaslab/CSV.swift's reader, which the import used
/// before and whose scalar-at-a-time field building took a seventh of a
/// 100,000-order import: a field in double quotes may hold the delimiter and line
/// breaks, `""` inside it is a quote; a row ends at LF, CR or CR LF; the end of
/// the text ends the last row. A quote followed by anything else inside a quoted
/// field is kept and the character after it dropped, as that reader does.
/// Delimiters, quotes and line breaks are ASCII, so working on bytes splits
/// UTF-8 text exactly where working on characters would.
public final class CSVRows {
    let bytes: [UInt8]
    let delimiter: UInt8
    var i = 0
    /// A reading error; none can occur for text already in memory (kept for the callers' checks).
    public private(set) var error: Error? = nil

    /// - Parameter delimiter: an ASCII delimiter, `,` or a tab.
    public init(text: String, delimiter: UInt8 = 0x2C) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter
    }

    /// The next row's fields, or `nil` after the last row.
    /// - Complexity: O(bytes of the row).
    public func next() -> [String]? {
        guard i < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            var row: [String] = []
            while true {
                let (field, end) = i < b.count && b[i] == 0x22 ? quoted(b) : plain(b)
                row.append(field)
                if end { return row }
            }
        }
    }

    /// An unquoted field from `i`; true at the end of the row.
    func plain(_ b: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == delimiter {
                let s = text(b, start, i); i += 1; return (s, false)
            }
            if c == 0x0A || c == 0x0D {
                let s = text(b, start, i)
                i += 1
                if c == 0x0D, i < b.count, b[i] == 0x0A { i += 1 }
                return (s, true)
            }
            i += 1
        }
        return (text(b, start, i), true)
    }

    /// A quoted field from its opening quote at `i`; true at the end of the row.
    func quoted(_ b: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        i += 1
        var out: [UInt8] = []
        var start = i
        while i < b.count {
            let c = b[i]
            i += 1
            guard c == 0x22 else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]))
            guard i < b.count else { return (String(decoding: out, as: UTF8.self), true) }
            let n = b[i]
            i += 1
            if n == 0x0D || n == 0x0A {
                if n == 0x0D, i < b.count, b[i] == 0x0A { i += 1 }
                return (String(decoding: out, as: UTF8.self), true)
            }
            if n == delimiter { return (String(decoding: out, as: UTF8.self), false) }
            // `""` is a quote; a quote before anything else is kept and that character (all its bytes) dropped.
            out.append(0x22)
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        return (String(decoding: out, as: UTF8.self), true)
    }

    func text(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
    }
}
