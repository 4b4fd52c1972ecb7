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

    /// `next(into:unmade:)` reads what `next(into:)` reads, on generated text with every quoting edge and random
    /// columns left unmade: the same records and cells; an unmade cell's text (`cell`, `withCell`) is the cell as
    /// made; what stands in the row is blank exactly when the cell is (`OrderImport.isBlank`) and is the cell itself
    /// unless it is `""` or `"·"`; a cell with a line break in it is always in the row as read (`finish` looks there).
    @Test func unmadeCellsReadAsMadeOnes() {
        var rng = SplitMix64(seed: 20261204)
        var unmadeSeen = 0
        let pieces = Self.pieces + ["\u{3000}", "\u{A0}x", " 1.5", "交易成功", "2026-03-02 09:05"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let unmade = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Bool.random(using: &rng) }
            for d: Unicode.Scalar in [",", "\t"] {
                let made = CSVRecordReader(text: text, delimiter: d), lazy = CSVRecordReader(text: text, delimiter: d)
                var a: [String] = [], b: [String] = []
                while made.next(into: &a) {
                    #expect(lazy.next(into: &b, unmade: unmade))
                    #expect(a.count == b.count, "\(Array(text.unicodeScalars.map(\.value)))")
                    for k in a.indices where k < b.count {
                        guard k < unmade.count && unmade[k] else { #expect(a[k] == b[k]); continue }
                        unmadeSeen += 1
                        #expect(lazy.cell(k) == a[k], "\(Array(text.unicodeScalars.map(\.value))) cell \(k)")
                        #expect(lazy.withCell(k) { Array($0) } == Array(a[k].utf8))
                        #expect(OrderImport.isBlank([b[k]]) == OrderImport.isBlank([a[k]]))
                        #expect(b[k] == a[k] || b[k] == "" || b[k] == "·")
                        if a[k].contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { #expect(b[k] == a[k]) }
                    }
                }
                #expect(!lazy.next(into: &b, unmade: unmade))
            }
        }
        #expect(unmadeSeen > 5_000)
        // By hand: an amount and an empty cell unmade, a quoted one made; a blank cell stands in as "".
        let r = CSVRecordReader(text: "1,798.10,,\"1,234.00\",  ,连衣裙\n")
        var row: [String] = []
        #expect(r.next(into: &row, unmade: [false, true, true, true, true, true]))
        #expect(row == ["1", "·", "", "1,234.00", "", "·"])
        #expect(r.cell(1) == "798.10" && r.cell(2) == "" && r.cell(3) == "1,234.00" && r.cell(4) == "  " && r.cell(5) == "连衣裙")
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
