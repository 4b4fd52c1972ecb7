import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The byte-level readers and writers behind scenario files and imports (issue 10):
/// each is checked against an independent reference (Int128 arithmetic, `String(format:)`,
/// the pay-language parser, `Character`-wise comparison), not against its own output.
@Suite struct ByteParsingTests {
    @Test func decimalTextIsExact() {
        // raw = value × 10¹², worked out by hand.
        #expect(Fixed(decimalText: "0.1")?.raw == 100_000_000_000)
        #expect(Fixed(decimalText: "0.2")?.raw == 200_000_000_000)
        #expect(Fixed(decimalText: "12345678901234.56")?.raw == 12_345_678_901_234_560_000_000_000)
        #expect(Fixed(decimalText: "-0.691")?.raw == -691_000_000_000)
        #expect(Fixed(decimalText: "+5")?.raw == 5_000_000_000_000)
        #expect(Fixed(decimalText: "1.")?.raw == 1_000_000_000_000)
        #expect(Fixed(decimalText: ".5")?.raw == 500_000_000_000)
        #expect(Fixed(decimalText: "0.000000000001")?.raw == 1)
        // 0.1 + 0.2 is 0.3 exactly, and reads back as written.
        #expect((Fixed(decimalText: "0.1")! + Fixed(decimalText: "0.2")!).description == "0.3")
    }

    @Test func decimalTextRefusesEverythingElse() {
        for bad in ["", "-", "+", ".", "-.", "1.2.3", "1e5", "1,000", " 1", "1 ", "１２", "٣", "0x10", "--1",
                    "0.0000000000001", // 13 decimals
                    "1" + String(repeating: "0", count: 30), // beyond ±10²⁶
                    "100000000000000000000000000.000000000001", "-100000000000000000000000001"] { // just beyond ±10²⁶
            #expect(Fixed(decimalText: bad) == nil, "\(bad)")
        }
    }

    /// Where the parser and the printer change paths (18 whole digits gathered in 64 bits; a magnitude
    /// that fits 64 bits split by a 64-bit division), each side of the edge against values by hand.
    @Test func decimalTextAtTheSixtyFourBitEdges() {
        // 18 and 19 whole digits: raw = digits × 10¹², by hand.
        #expect(Fixed(decimalText: "999999999999999999")?.raw == 999_999_999_999_999_999_000_000_000_000)
        #expect(Fixed(decimalText: "1000000000000000000")?.raw == 1_000_000_000_000_000_000_000_000_000_000)
        #expect(Fixed(decimalText: "-999999999999999999.999999999999")?.raw == -999_999_999_999_999_999_999_999_999_999)
        #expect(Fixed(decimalText: "1234567890123456789.5")?.raw == 1_234_567_890_123_456_789_500_000_000_000)
        // Leading zeros count as digits but add nothing; 13 decimals are refused on either path.
        #expect(Fixed(decimalText: "0000000000000000000000001.25")?.raw == 1_250_000_000_000)
        #expect(Fixed(decimalText: "1.0000000000001") == nil)
        #expect(Fixed.decimalTextProblem("1.0000000000001") == .tooManyDecimals(13))
        #expect(Fixed.decimalTextProblem("1234567890123456789.0000000000001") == .tooManyDecimals(13))
        // 10²⁶ is the largest amount; one more in the last place is too large.
        #expect(Fixed(decimalText: "100000000000000000000000000")?.raw == 100_000_000_000_000_000_000_000_000_000_000_000_000)
        #expect(Fixed.decimalTextProblem("100000000000000000000000000.000000000001") == .tooLarge)
        // 2⁶⁴ − 1 raw (18,446,744.073709551615) is the last magnitude split in 64 bits; 2⁶⁴ raw the first beyond.
        #expect(Fixed(raw: 18_446_744_073_709_551_615).description == "18446744.073709551615")
        #expect(Fixed(raw: 18_446_744_073_709_551_616).description == "18446744.073709551616")
        #expect(Fixed(raw: -18_446_744_073_709_551_615).moneyText == "-18,446,744.073709551615")
        #expect(Fixed(raw: 18_446_744_000_000_000_000).moneyText == "18,446,744.00")
        #expect(Fixed(raw: 999_999_999_999).moneyText == "0.999999999999")
        for raw: Int128 in [18_446_744_073_709_551_614, 18_446_744_073_709_551_615, 18_446_744_073_709_551_616, 1 << 70, -(1 << 64)] {
            #expect(Fixed(raw: raw).description == reference(Fixed(raw: raw), minimum: 0, grouping: false))
            #expect(Fixed(decimalText: Fixed(raw: raw).description)?.raw == raw)
        }
    }

    /// The reference: integer and fraction parts by Int128 division, padded and trimmed as text.
    func reference(_ x: Fixed, minimum: Int, grouping: Bool) -> String {
        let m = x.raw.magnitude
        var intText = String(m / 1_000_000_000_000)
        if grouping {
            var g = ""
            for (i, c) in intText.enumerated() {
                if i > 0 && (intText.count - i) % 3 == 0 { g.append(",") }
                g.append(c)
            }
            intText = g
        }
        var frac = String(m % 1_000_000_000_000)
        frac = String(repeating: "0", count: 12 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        while frac.count < minimum { frac += "0" }
        return (x.raw < 0 ? "-" : "") + intText + (frac.isEmpty ? "" : "." + frac)
    }

    @Test func formattingMatchesTheReference() {
        var rng = SplitMix(seed: 2026)
        var values: [Fixed] = [.zero, Fixed(raw: 1), Fixed(raw: -1), Fixed(raw: Int128.max), Fixed(raw: Int128.min + 1),
                               Fixed(decimalText: "12345678901234.56")!, Fixed(decimalText: "-999.995")!]
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...38, using: &rng)
            var raw: Int128 = 0
            for _ in 0..<digits { raw = raw * 10 + Int128(Int.random(in: 0...9, using: &rng)) }
            values.append(Fixed(raw: Bool.random(using: &rng) ? raw : -raw))
        }
        for v in values {
            #expect(v.description == reference(v, minimum: 0, grouping: false))
            #expect(v.moneyText == reference(v, minimum: 2, grouping: true))
            #expect(v.format(minimumFractionDigits: 1, grouping: false) == reference(v, minimum: 1, grouping: false))
            // And the text reads back to the same value, when it is within ±10²⁶ (Int128 holds more).
            #expect(Fixed(decimalText: v.description) == (v.raw.magnitude <= UInt128(Fixed.maxRaw) ? v : nil))
        }
    }

    @Test func daysAndPeriodsMatchTheirFormatText() {
        // Every day of 1999–2101 and of a few odd years, against String(format:).
        for year in Array(1999...2101) + [1, 999, 9999] {
            for month in 1...12 {
                let m = Month(year: year, month: month)
                let text = String(format: "%04d-%02d", year, month)
                #expect(m.description == text)
                #expect(Period(text: text) == .month(m))
                for day in 1...Day.daysIn(year: year, month: month) {
                    let d = Day(year: year, month: month, day: day)!
                    let t = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(d.description == t)
                    #expect(Day(text: t) == d)
                }
            }
            #expect(Period(grain: .quarter, start: Month(year: year, month: 4)).description == String(format: "%04d-Q2", year))
            #expect(Period(grain: .year, start: Month(year: year, month: 1)).description == String(format: "%04d", year))
        }
        // Shapes the fast path leaves to the general reader, and impossible days.
        #expect(Day(text: "2026/3/2") == Day(year: 2026, month: 3, day: 2))
        #expect(Day(text: "2026-03-02 09:05") == Day(year: 2026, month: 3, day: 2))
        #expect(Day(text: "2026-02-30") == nil)
        #expect(Day(text: "2026-13-01") == nil)
        #expect(Period(text: "2026-00") == nil)
        #expect(Period(text: "2026-13") == nil)
        #expect(Period(text: "0000-03") == nil)
        #expect(Period(text: "2026-3") == .month(Month(year: 2026, month: 3)))
        #expect(Period(text: "2026-q1") == Period(grain: .quarter, start: Month(year: 2026, month: 1)))
    }

    /// The byte classifier gives what the pay-language parser gives, on every shape files and exports hold.
    @Test func attributeValuesAreTypedAsTheParserTypesThem() {
        let texts = ["3000", "3000.1", "-5", "-0", "007", "0.000000000001", "0.0000000000001", "5.", ".5", "-.5", "1.5万", "¥1,200",
                     "1,200", "12k", "2%", "138-1234-5678", "2026-03-02", "2026-3-2", "2026/3/2", "2026-02-30", "2026-03", "2026",
                     "2026-Q1", "yes", "no", "Yes", "cash", "net30", "net 30", "李雷", "小美3.5", "１２", "１２万", "", "-", "--5",
                     "1e5", "+5", " 5", "5 ", "(5)", "2*3", "true", "¥", "万", "#1", "O0000001", "T002#CS01",
                     "1" + String(repeating: "0", count: 30), "99999999999999999999999999"]
        for t in texts {
            #expect(AttributeValue(text: t) == AttributeValue.parsed(t), "\(t)")
        }
        // Worked by hand: the fast path's answers.
        #expect(AttributeValue(text: "3000.10") == .number(Fixed(raw: 3_000_100_000_000_000)))
        #expect(AttributeValue(text: "2026-03-02") == .date(Day(year: 2026, month: 3, day: 2)!))
        #expect(AttributeValue(text: "cash") == .text("cash"))
        #expect(AttributeValue(text: "no") == .flag(false))
    }

    @Test func orderNumbersCompareAsByCharacters() {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("AO019#-x")
        var ids = ["", "1", "01", "O2", "O10", "O010", "A9", "AB1", "O1a", "O" + String(repeating: "9", count: 25), "O9"]
        for _ in 0..<400 {
            ids.append(String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }))
        }
        for a in ids { for b in ids { #expect(Order.idPrecedes(a, b) == Order.idPrecedesByCharacters(a, b), "\(a) \(b)") } }
        // By hand: digits by value when the prefixes agree.
        #expect(Order.idPrecedes("O2", "O10"))
        #expect(!Order.idPrecedes("O10", "O2"))
        #expect(Order.idPrecedes("订单2", "订单10"))
    }

    /// Sorting by ID skips the sort for orders already in order or in reverse order, and gives what a
    /// sort gives otherwise, also for IDs neither of which precedes the other (O01 and O1: both read 1).
    @Test func sortByIDEqualsASort() {
        var rng = SplitMix(seed: 12)
        let day = Day(year: 2026, month: 3, day: 2)!
        let pool = ["O1", "O01", "O001", "O2", "O10", "A", "B", "A1", "订单2", "订单10", "O9", "O09"]
        for round in 0..<300 {
            var list = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
            list = Array(Set(list))
            if round % 3 == 0 { list.sort(by: Order.idPrecedes) } else if round % 3 == 1 { list.sort(by: Order.idPrecedes); list.reverse() }
            var orders = list.map { Order(id: $0, agent: nil, date: day) }
            let expected = orders.sorted { Order.idPrecedes($0.id, $1.id) }
            Workspace.sortByID(&orders)
            #expect(orders.map(\.id) == expected.map(\.id), "\(list)")
        }
    }

    /// `merge` leaves the same orders, in the same order, as one `upsert` per order.
    @Test func mergeEqualsUpsertOneByOne() {
        var rng = SplitMix(seed: 11)
        let day = Day(year: 2026, month: 3, day: 2)!
        func order(_ n: Int, _ amount: Int) -> Order {
            Order(id: "O\(n)", agent: nil, date: day, fields: ["amount": .number(Fixed(amount))])
        }
        for round in 0..<20 {
            var base = Workspace()
            for _ in 0..<Int.random(in: 0...50, using: &rng) { base.upsert(order(Int.random(in: 0...120, using: &rng), 1)) }
            let incoming = (0..<Int.random(in: 0...80, using: &rng)).map { _ in order(Int.random(in: 0...120, using: &rng), round) }
            var oneByOne = base
            let expected = incoming.map { oneByOne.upsert($0) }
            var merged = base
            let replaced = merged.merge(incoming)
            #expect(merged.orders == oneByOne.orders)
            #expect(replaced == expected)
        }
        // Imports into an empty workspace, newest first (IDs descending), in order, and shuffled:
        // the same as one upsert per order. By hand: O2 before O10 (digits by value), O10 replaced by the later one.
        for shape in 0..<3 {
            var ids = Array(1...200)
            if shape == 0 { ids.reverse() } else if shape == 2 { ids.shuffle(using: &rng) }
            let incoming = ids.map { order($0, 1) } + [order(10, 7)]
            var oneByOne = Workspace()
            let expected = incoming.map { oneByOne.upsert($0) }
            var merged = Workspace()
            let replaced = merged.merge(incoming)
            #expect(merged.orders == oneByOne.orders && replaced == expected)
            #expect(merged.orders.prefix(3).map(\.id) == ["O1", "O2", "O3"] && merged.orders[9].fields["amount"] == .number(Fixed(7)))
            #expect(replaced.last! == order(10, 1))
        }
        // Removing and adding in one step.
        var w = Workspace()
        w.merge([order(1, 1), order(2, 1), order(3, 1)])
        w.merge([order(4, 1)], removing: ["O2"])
        #expect(w.orders.map(\.id) == ["O1", "O3", "O4"])
    }
}
