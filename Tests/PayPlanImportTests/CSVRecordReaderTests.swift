import CSV
import Foundation
import Testing
import PayPlan
@testable import PayPlanImport

/// payplan's byte-level CSV reader (issue 10) splits text exactly as yaslab/CSV.swift, the library it replaced,
/// which stays here as the oracle: on generated text with every quoting edge, and on hand-worked records.
@Suite struct CSVRecordReaderTests {
    /// Every record `CSVRecordReader` reads from `text`.
    static func records(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
        let r = CSVRecordReader(text: text, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        return rows
    }

    /// Every record the library reads from `text` (the oracle).
    static func oracle(_ text: String, delimiter: Unicode.Scalar = ",") throws -> [[String]] {
        let r = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        #expect(r.error == nil)
        return rows
    }

    /// Pieces CSV text is made of: quotes opening, closing, doubled and stray, delimiters of both kinds,
    /// LF / CR / CRLF, a BOM, multi-byte characters (after a stray quote too), spaces, empty cells.
    static let pieces = [
        "\"", "\"\"", "\"\"\"", ",", "\t", "\n", "\r", "\r\n", "\u{FEFF}", "a", "12.50", "订单", "小美", "é", "a\u{0301}",
        " ", "=\"", "\"x", "x\"", "\"\u{4E2D}", "\"é", ",\"", "\",", "\"\n", "\"\r", "\"\r\n", "\n\n", "\r\r", "😀", "-",
    ]

    /// Random text from `pieces`, compared record for record and cell for cell (both delimiters).
    @Test func splitsGeneratedTextAsTheLibraryDoes() throws {
        var rng = SplitMix64(seed: 20261201)
        var compared = 0
        for _ in 0..<4000 {
            let n = Int.random(in: 0...24, using: &rng)
            var text = ""
            for _ in 0..<n { text += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }
            for d: Unicode.Scalar in [",", "\t"] {
                let mine = Self.records(text, delimiter: d), theirs = try Self.oracle(text, delimiter: d)
                #expect(mine == theirs, "\(d == "," ? "comma" : "tab"): \(Array(text.unicodeScalars.map(\.value)))")
                compared += mine.count
            }
        }
        #expect(compared > 10_000) // the generator makes records, not only empty text
    }

    /// Export-shaped rows (the benchmark's Taobao report: `="…"` IDs, quoted titles with commas and `""`,
    /// multi-line notes) read as the library reads them.
    @Test func splitsExportShapedRowsAsTheLibraryDoes() throws {
        var rng = SplitMix64(seed: 7)
        var text = "订单编号,买家会员名,买家实际支付金额,订单状态,卖家备注,宝贝标题\r\n"
        for i in 0..<2000 {
            let id = Int.random(in: 0..<3, using: &rng) == 0 ? "\"=\"\"2026\(i)\"\"\"" : "2026\(i)"
            let title = ["连衣裙夏季新款", "\"连衣裙, 夏季 \"\"新款\"\"\"", "\"两行\n标题\"", ""][Int.random(in: 0..<4, using: &rng)]
            let end = ["\r\n", "\n", "\r"][Int.random(in: 0..<3, using: &rng)]
            text += "\(id),tb\(i),\(i).50,交易成功,CS0\(i % 4) 成交,\(title)\(end)"
        }
        let mine = Self.records(text)
        #expect(mine == (try Self.oracle(text)))
        #expect(mine.count == 2001)
    }

    /// By hand, from RFC 4180 and the library's reading of the edges.
    @Test func recordsByHand() {
        #expect(Self.records("") == [])
        #expect(Self.records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]]) // a break at the end starts no record
        #expect(Self.records("a\n\nb") == [["a"], [""], ["b"]]) // a blank line is one empty cell
        #expect(Self.records("a,\r1") == [["a", ""], ["1"]]) // CR alone ends a record
        #expect(Self.records("a,") == [["a", ""]])
        #expect(Self.records("\"x, y\",\"say \"\"hi\"\"\"\n") == [["x, y", "say \"hi\""]])
        #expect(Self.records("\"two\r\nlines\",z") == [["two\r\nlines", "z"]])
        #expect(Self.records("5\"x,\"") == [["5\"x", ""]]) // a quote inside an unquoted cell is text; `"` at the end: empty quoted cell
        #expect(Self.records("\"ab\"cd\",e") == [["ab\"d", "e"]]) // a stray quote stays, the character after it goes
        #expect(Self.records("\"ab\"中d\",e") == [["ab\"d", "e"]]) // … a whole character, not a byte of it
        #expect(Self.records("\"never closed,\nx") == [["never closed,\nx"]])
        #expect(Self.records("\u{FEFF}订单编号,金额") == [["\u{FEFF}订单编号", "金额"]]) // the BOM is text (cleanHeader drops it)
        #expect(Self.records("a\tb,c", delimiter: "\t") == [["a", "b,c"]])
    }
}
