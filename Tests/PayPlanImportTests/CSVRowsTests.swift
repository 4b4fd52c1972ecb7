import CSV
import Foundation
import Testing
import TestSupport
@testable import PayPlanImport

/// The import's byte-level CSV reader gives the rows yaslab/CSV.swift gives (the reference),
/// on well-formed and malformed text, and the right fields by hand.
@Suite struct CSVRowsTests {
    func reference(_ text: String, _ delimiter: UnicodeScalar = ",") throws -> [[String]] {
        let r = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        return rows
    }
    func mine(_ text: String, _ delimiter: UInt8 = 0x2C) -> [[String]] {
        let r = CSVRows(text: text, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        return rows
    }

    static let texts = [
        "", "a", "a,b\n", "a,b\r\nc,d", "a,b\rc,d\r", "a,,\n,\n", ",", "\n\n", "\r\n\r\n", "订单编号,金额\n2026031001,12.50\n",
        "\"a,b\",c\n", "\"line\nbreak\",x\r\n", "\"say \"\"hi\"\"\",y", "\"=\"\"2026\"\"\",z", "\"ab\"xy,z\n", "\"unclosed,x\ny",
        "\"a\"", "\"a\"\r", "\"\",\"\"", "a\"b,c", " \"a\" ,b", "a,\"b\"\r\nc", "小美,\"CS01 成交\",☃\n", "x\r\r\ny",
    ]

    @Test func rowsAsTheLibraryReadsThem() throws {
        for t in Self.texts {
            #expect(mine(t) == (try reference(t)), "\(t.debugDescription)")
            let tabbed = t.replacingOccurrences(of: ",", with: "\t")
            #expect(mine(tabbed, 0x09) == (try reference(tabbed, "\t")), "\(tabbed.debugDescription)")
        }
        // Random texts over the characters that matter.
        var rng = SplitMix(seed: 42)
        let alphabet: [String] = [",", "\"", "\n", "\r", "a", "元", " "]
        for _ in 0..<2000 {
            let t = (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }.joined()
            #expect(mine(t) == (try reference(t)), "\(t.debugDescription)")
        }
    }

    @Test func fieldsByHand() {
        #expect(mine("T001,\"1,200.00\",\"改地址—CS02—3/5 14:20;\nCS01 成交\"\r\nT002,5,\n")
                == [["T001", "1,200.00", "改地址—CS02—3/5 14:20;\nCS01 成交"], ["T002", "5", ""]])
    }
}
