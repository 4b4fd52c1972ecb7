import Foundation
import Testing
@testable import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// The shortcuts of an import at shop scale (issue 10, point 2) give what the long way gives: white space from its
/// list, one row buffer for a whole file, statuses and agents matched by their bytes before `==` and hashing.
@Suite struct ImportAtScaleTests {
    /// `isWhiteSpace` (a list) is Unicode's White_Space property, for every scalar there is.
    @Test func whiteSpaceListIsTheProperty() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue } // surrogates
            if OrderImport.isWhiteSpace(u) != u.properties.isWhitespace { differing.append(v) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        // By hand: the ideographic space and NBSP are white space; the byte-order mark is not (cleanCell trims it apart).
        #expect(OrderImport.isWhiteSpace("\u{3000}") && OrderImport.isWhiteSpace("\u{A0}") && !OrderImport.isWhiteSpace("\u{FEFF}"))
        #expect(OrderImport.trimmable("\u{FEFF}") && !OrderImport.trimmable("成"))
    }

    /// `lineBreaks` counting eight bytes at a time gives what counting byte by byte gives (LF, and CR not before
    /// LF), on generated texts: LF, CR and CRLF at every place of a word, a CR ending a word before its LF,
    /// Chinese text, and texts shorter than a word; and by hand.
    @Test func lineBreaksCountedByWordsAsByBytes() {
        func reference(_ s: String) -> Int {
            let b = Array(s.utf8)
            var n = 0
            for i in b.indices where b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) { n += 1 }
            return n
        }
        var rng = SplitMix64(seed: 20261205)
        let pieces = ["\n", "\r", "\r\n", "a", "订单", "12.50,", "       ", "\n\n", "\r\r"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(OrderImport.lineBreaks(text) == reference(text), "\(Array(text.utf8))")
        }
        // By hand: 7 bytes then CRLF across the word's end is one break; CR CR LF is two; a CR at the very end one.
        #expect(OrderImport.lineBreaks("abcdefg\r\nx") == 1)
        #expect(OrderImport.lineBreaks("\r\r\n") == 2)
        #expect(OrderImport.lineBreaks("12345678\r") == 1)
        #expect(OrderImport.lineBreaks("1\n2\n3\n4\n5\n6\n7\n8\n") == 8)
        #expect(OrderImport.lineBreaks("") == 0)
    }

    /// `quotesAreOdd` counting eight bytes at a time says what counting byte by byte says, on generated texts with
    /// quotes at every place of a word, Chinese text and texts shorter than a word; and by hand.
    @Test func quotesCountedByWordsAsByBytes() {
        var rng = SplitMix64(seed: 20261207)
        let pieces = ["\"", "\"\"", "a", "订单", "12.50,", "       ", "\r\n", "=\"\"1\"\""]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let quotes = text.utf8.filter { $0 == 0x22 }.count
            #expect(OrderImport.quotesAreOdd(text) == (quotes % 2 == 1), "\(Array(text.utf8))")
        }
        #expect(OrderImport.quotesAreOdd("1234567\"") && OrderImport.quotesAreOdd("12345678\"") && !OrderImport.quotesAreOdd(""))
        #expect(!OrderImport.quotesAreOdd("\"\"\"\"\"\"\"\"") && OrderImport.quotesAreOdd("\"\"\"\"\"\"\"\"\""))
    }

    /// `NoteMemo` gives back the attribution held for a note of the same bytes, nothing for other bytes (a note equal
    /// only under normalisation included), and holds the last 16 notes met: the 17th replaces the first.
    @Test func noteMemoHoldsTheLastNotesByTheirBytes() {
        let people = [Attribution.Person(name: "小美", id: "CS01", isSales: true)]
        let attributor = Attribution.Attributor(agents: people)
        var memo = NoteMemo()
        let first = attributor.attribute(note: "CS01 成交")
        memo.remember("CS01 成交", first)
        #expect(memo.result(for: "CS01 成交") == first && first.credited == ["小美"])
        #expect(memo.result(for: "CS01 成交 ") == nil)
        memo.remember("caf\u{E9}", attributor.attribute(note: "caf\u{E9}"))
        #expect(memo.result(for: "cafe\u{301}") == nil)
        for k in 0..<15 { memo.remember("note \(k)", attributor.attribute(note: "note \(k)")) }
        #expect(memo.result(for: "CS01 成交") == nil) // the 17th note met replaced the first
        #expect(memo.result(for: "caf\u{E9}") != nil && memo.result(for: "note 14")?.isSilent == true)
    }

    /// `hasSameBytes` (the memos' match) says whether two texts are the same UTF-8 bytes, on generated pairs of
    /// small, native and bridged-from-bytes texts; texts equal only under normalisation are not the same bytes.
    @Test func sameBytesIsEqualUTF8() {
        var rng = SplitMix64(seed: 20261206)
        let pieces = ["a", "交易成功", "e", "\u{301}", "\u{E9}", "0123456789abcdef", ""]
        for _ in 0..<3000 {
            var a = "", b = ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) { a += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            b = Bool.random(using: &rng) ? String(decoding: Array(a.utf8), as: UTF8.self) : ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) where b.isEmpty { b += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            #expect(a.hasSameBytes(as: b) == (Array(a.utf8) == Array(b.utf8)), "\(Array(a.utf8)) \(Array(b.utf8))")
        }
        #expect("caf\u{E9}" == "cafe\u{301}" && !"caf\u{E9}".hasSameBytes(as: "cafe\u{301}"))
        #expect("".hasSameBytes(as: "") && "交易成功".hasSameBytes(as: String("交易成功交易关闭".prefix(4))))
    }

    /// One buffer through a whole file holds each record as a fresh array would, and after the last record
    /// it still holds that record (what `read` hands to `finish`).
    @Test func oneRowBufferReadsAsFreshRows() {
        var rng = SplitMix64(seed: 20261203)
        let pieces = ["\"", "\"\"", ",", "\n", "\r\n", "a", "订单", "12.50", "", " ", "=\"", "x\""]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let fresh = CSVRecordReaderTests.records(text)
            let r = CSVRecordReader(text: text)
            var row: [String] = [], buffered: [[String]] = []
            while r.next(into: &row) { buffered.append(row) }
            #expect(buffered == fresh, "\(Array(text.unicodeScalars.map(\.value)))")
            #expect(row == (fresh.last ?? []))
        }
        // By hand: a short record after a long one has only its own cells.
        let r = CSVRecordReader(text: "a,b,c\nd\n")
        var row: [String] = []
        #expect(r.next(into: &row) && row == ["a", "b", "c"])
        #expect(r.next(into: &row) && row == ["d"])
        #expect(!r.next(into: &row) && row == ["d"])
    }

    /// Orders with the given statuses (amount 10.00 each) as a read file, one row each from row 2.
    func file(statuses: [String]) -> OrderFile {
        var f = OrderFile(encoding: "UTF-8")
        f.columns = [("订单编号", "id"), ("订单状态", "status"), ("金额", "amount")]
        f.orders = statuses.enumerated().map { k, s in
            (k + 2, Order(id: "O\(k)", agent: nil, date: Day(year: 2026, month: 3, day: 1)!, fields: ["status": .text(s), "amount": .number(Fixed(10))]))
        }
        return f
    }

    /// Statuses counted per text in order of first appearance, as before the byte memo: two spellings of one
    /// text (é composed and e + U+0301) are one status; more than 16 texts are all counted; outcomes by hand.
    @Test func statusesCountedAsTexts() {
        var statuses = ["é", "e\u{301}", "é"]
        for k in 0..<20 { statuses += Array(repeating: "S\(k)", count: k % 3 + 1) }
        statuses += ["S0", "S19", "e\u{301}"]
        var f = file(statuses: statuses)
        let s = PlatformImport.normalise(&f, preset: .generic)
        var expected: [(String, Int)] = [("é", 4)]
        for k in 0..<20 { expected.append(("S\(k)", k % 3 + 1 + (k == 0 || k == 19 ? 1 : 0))) }
        #expect(s.byStatus.map { $0.text } == expected.map { $0.0 })
        #expect(s.byStatus.map { $0.count } == expected.map { $0.1 })
        #expect(s.orders == statuses.count && s.byOutcome[.paid] == statuses.count) // generic: any status is paid

        // Taobao: 交易成功 ×3 paid, 等待买家付款 ×2 unpaid, 交易关闭 ×1 closed, 拒收 a bad row (row 5), in the order met.
        var t = file(statuses: ["交易成功", "等待买家付款", "交易成功", "拒收", "交易关闭", "等待买家付款", "交易成功"])
        let u = PlatformImport.normalise(&t, preset: .taobao)
        #expect(u.byStatus.map { $0.text } == ["交易成功", "等待买家付款", "交易关闭"])
        #expect(u.byStatus.map { $0.count } == [3, 2, 1])
        #expect(u.byOutcome[.paid] == 3 && u.byOutcome[.unpaid] == 2 && u.byOutcome[.closed] == 1 && u.byOutcome[.refunded] == nil)
        #expect(t.problems.map(\.row) == [5])
        #expect(u.paid == .number(Fixed(30))) // three paid orders of 10.00
    }

    /// The understood lines credit every agent, beyond the 16 matched by bytes first: 20 agents, agent k with
    /// k + 1 orders of 10.00 (one of agent 0's closed: 0), in the order first credited; silent orders apart.
    @Test func creditedLineCoversManyAgents() {
        var groups: [TaobaoImport.Group] = []
        var row = 2
        func add(_ agent: String?, status: String) {
            let o = Order(id: "O\(row)", agent: agent, date: Day(year: 2026, month: 3, day: 1)!, fields: ["status": .text(status), "amount": .number(Fixed(10))])
            groups.append(TaobaoImport.Group(row: row, base: o.id, parts: [o], attribution: Attribution.Result(credited: agent.map { [$0] } ?? [], findings: [])))
            row += 1
        }
        for round in 0..<20 { for k in round..<20 { add("客服\(k)", status: round == 0 && k == 0 ? "交易关闭" : "交易成功") } }
        add(nil, status: "交易成功"); add(nil, status: "等待买家付款")
        let lines = Session.understoodLines(PlatformImport.Summary(), groups: groups)
        guard case .credited(let agents, let silentOrders, let silentAmount, _, let total)? = lines.last else { Issue.record("no credited line"); return }
        #expect(agents.map { $0.name } == (0..<20).map { "客服\($0)" })
        #expect(agents.map { $0.orders } == (0..<20).map { $0 + 1 })
        #expect(agents.map { $0.amount } == (0..<20).map { .number(Fixed(10 * ($0 + 1) - ($0 == 0 ? 10 : 0))) })
        #expect(silentOrders == 2 && silentAmount == .number(Fixed(10)))
        // 210 orders credited, one closed: 2,090.00; silent 10.00 more.
        #expect(total == .number(Fixed(2100)))
    }

    /// Duplicate order numbers found as a dictionary of the good rows finds them (the definition), on generated
    /// files: runs falling and rising, breaks, repeats near and far, non-ASCII numbers (é written two ways, equal as
    /// strings), and rows that turn bad after their number (not taken).
    @Test func duplicateNumbersAsADictionaryFindsThem() {
        var rng = SplitMix64(seed: 1203)
        for round in 0..<400 {
            var seen = OrderNumbersSeen(), reference: [String: Int] = [:]
            var orders: [(row: Int, order: Order)] = []
            var n = Int.random(in: 0...1000, using: &rng)
            let falling = round % 2 == 0
            for row in 2..<(2 + Int.random(in: 1...60, using: &rng)) {
                let id: String
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: id = orders.isEmpty ? "T0" : orders[Int.random(in: 0..<orders.count, using: &rng)].order.id // a repeat
                case 1: id = ["é1", "e\u{301}1", "小美1", "T\(n)"][Int.random(in: 0..<4, using: &rng)]
                case 2: id = "T\(Int.random(in: 0...1000, using: &rng))" // a break (most likely)
                default: n += falling ? -Int.random(in: 1...3, using: &rng) : Int.random(in: 1...3, using: &rng); id = String(format: "T%05d", n + 5000)
                }
                let found = seen.earlierRow(of: id, orders: orders)
                #expect(found == reference[id], "round \(round), row \(row): \(id)")
                guard found == nil, Int.random(in: 0..<8, using: &rng) > 0 else { continue } // a duplicate, or a row bad elsewhere
                seen.take(id, row: row, orders: orders)
                reference[id] = row
                orders.append((row, Order(id: id, agent: nil, date: Day(year: 2026, month: 1, day: 1)!)))
            }
        }
        // By hand: a falling run, then 5 again (row 2's), then é in two spellings (one string).
        var s = OrderNumbersSeen()
        var orders: [(row: Int, order: Order)] = []
        for (k, id) in ["9", "7", "5", "5", "é", "e\u{301}"].enumerated() {
            let row = k + 2
            if let earlier = s.earlierRow(of: id, orders: orders) {
                #expect((id, earlier) == ("5", 4) || (id, earlier) == ("e\u{301}", 6), "\(id) \(earlier)")
                continue
            }
            s.take(id, row: row, orders: orders)
            orders.append((row, Order(id: id, agent: nil, date: Day(year: 2026, month: 1, day: 1)!)))
        }
        #expect(orders.map(\.order.id) == ["9", "7", "5", "é"])
    }
}
