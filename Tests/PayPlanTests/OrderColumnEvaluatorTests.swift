import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The order rules computed column-wise (`Engine+OrderColumnEvaluator`): a full compute evaluates
/// an order rule's formula over runs of orders node by node, and a lane that is not an amount,
/// flag, date or text is computed again by the tree walk; sums and counts over orders read the
/// order cells and columns straight. Figures worked out by hand below; generated orders hold every
/// order cell and every aggregation to the tree walk (`compute(c)`, what a cell-by-cell recompute
/// uses), error values with their messages and origins included.
@Suite struct OrderColumnEvaluatorTests {
    static let agents = [
        Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)!, base: Fixed(3000)),
        Agent(name: "乙", hired: Day(year: 2025, month: 6, day: 1)!, base: Fixed(4000)),
    ]
    static func day(_ m: Int, _ d: Int, year: Int = 2026) -> Day { Day(year: year, month: m, day: d)! }
    func n(_ s: String) -> Value { .number(Fixed(decimalText: s)!) }
    func value(_ e: Engine, _ rule: String, _ id: String) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, order: e.orderIndex(id: id)!)!)
    }
    func month(_ e: Engine, _ rule: String, _ agent: Int, _ period: String) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, agent: agent, period: Period(text: period)!)!)
    }
    /// Every cell equals what the tree walk computes for it from the others.
    static func disagreements(_ e: Engine) -> [String] {
        (0..<e.cellCount).compactMap { c in
            let tree = e.compute(c)
            return tree == e.value(ofCell: c) ? nil : "\(e.name(ofCell: c)): columns \(e.value(ofCell: c)), tree walk \(tree)"
        }
    }

    static let plan = [
        "field amount default 0",
        "field paid",
        "field terms",
        "param rate = 10%",
        "order net = amount - round(amount * rate)",
        "order cash = terms = \"cash\"",
        "order due = if cash then workdays_after(date, 2) else date + 30",
        "order late = if missing(paid) then as_of > due else paid > due",
        "order wait = days_between(date, paid)",
        "order per = 100 / amount",
        "order far = date + amount",
        "order due_month = month_of(due)",
        "order bigger = max(amount, 500, net)",
        "order label = if cash then \"现金\" else terms",
        "order base_of = base",
        "order silent = missing(agent)",
        "month sales = sum(amount over orders where not late)",
        "month late_orders = count(orders where late)",
        "month nets = sum(net over orders)",
    ]

    /// Four orders, as of 2026-04-30, weekends off:
    /// - O1 甲 Fri 2026-03-06, 1,000 cash, paid 03-10: net 1,000 − 100 = 900; due the second working day
    ///   after, Tue 03-10; paid on the day, not late; waited 4 days; 100 / 1,000 = 0.1; 1,000 days on:
    ///   2028-11-30; due in March; max(1,000, 500, 900) = 1,000; 现金; 甲's base 3,000.
    /// - O2 乙 2026-03-20, no amount (0), net30, not paid: net 0; due 03-20 + 30 = 04-19; not paid and
    ///   04-30 > 04-19: late; wait #MISSING (no paid); 100 / 0 #DIV/0!; far the day itself; due in April;
    ///   max(0, 500, 0) = 500; net30; base 4,000.
    /// - O3 nobody 2026-04-01, 3,333.33 net60, paid 05-15: net 3,333.33 − 333.33 = 3,000; due 05-01;
    ///   05-15 > 05-01: late; 44 days; 100 / 3,333.33 = 0.030000030000 (to 12 digits); due in May;
    ///   3,333.33; net60; base: credited to nobody, #MISSING; the only silent order (missing(agent)).
    /// - O4 甲 Tue 2026-03-31, 5,000,000 cash, paid 04-01: due Thu 04-02, not late; 5,000,000 days on
    ///   is past 9999-12-31: #RANGE; net 4,500,000.
    /// Sums: 甲 March sales (not late) 1,000 + 5,000,000 = 5,001,000, nets 900 + 4,500,000 = 4,500,900;
    /// 乙 March sales 0, one late order.
    static func workspace() throws -> Workspace {
        var w = Workspace(name: "t", plan: try Plan.parse(lines: plan), agents: agents)
        w.asOf = day(4, 30)
        w.setOrders([
            Order(id: "O1", agent: "甲", date: day(3, 6), fields: ["amount": .number(Fixed(1000)), "terms": .text("cash"), "paid": .date(day(3, 10))]),
            Order(id: "O2", agent: "乙", date: day(3, 20), fields: ["terms": .text("net30")]),
            Order(id: "O3", agent: nil, date: day(4, 1), fields: ["amount": .number(Fixed(decimalText: "3333.33")!), "terms": .text("net60"), "paid": .date(day(5, 15))]),
            Order(id: "O4", agent: "甲", date: day(3, 31), fields: ["amount": .number(Fixed(5_000_000)), "terms": .text("cash"), "paid": .date(day(4, 1))]),
        ])
        return w
    }

    @Test func orderRulesByHand() throws {
        let w = try Self.workspace()
        let e = try Engine(workspace: w)
        #expect(value(e, "net", "O1") == n("900"))
        #expect(value(e, "net", "O2") == n("0"))
        #expect(value(e, "net", "O3") == n("3000"))
        #expect(value(e, "net", "O4") == n("4500000"))
        #expect(value(e, "cash", "O1") == .bool(true))
        #expect(value(e, "cash", "O2") == .bool(false))
        #expect(value(e, "due", "O1") == .date(Self.day(3, 10)))
        #expect(value(e, "due", "O2") == .date(Self.day(4, 19)))
        #expect(value(e, "due", "O3") == .date(Self.day(5, 1)))
        #expect(value(e, "due", "O4") == .date(Self.day(4, 2)))
        #expect(value(e, "late", "O1") == .bool(false))
        #expect(value(e, "late", "O2") == .bool(true))
        #expect(value(e, "late", "O3") == .bool(true))
        #expect(value(e, "late", "O4") == .bool(false))
        #expect(value(e, "wait", "O1") == n("4"))
        #expect(value(e, "wait", "O3") == n("44"))
        guard case .error(let noPaid) = value(e, "wait", "O2") else { Issue.record("O2 wait is no error"); return }
        #expect(noPaid.kind == .missing)
        #expect(noPaid.origin?.description == "O2.wait")
        #expect(value(e, "per", "O1") == n("0.1"))
        #expect(value(e, "per", "O3") == n("0.03000003"))
        guard case .error(let byZero) = value(e, "per", "O2") else { Issue.record("O2 per is no error"); return }
        #expect(byZero.kind == .divisionByZero)
        #expect(value(e, "far", "O1") == .date(Self.day(11, 30, year: 2028)))
        #expect(value(e, "far", "O2") == .date(Self.day(3, 20)))
        guard case .error(let offCalendar) = value(e, "far", "O4") else { Issue.record("O4 far is no error"); return }
        #expect(offCalendar.kind == .outOfRange)
        #expect(offCalendar.origin?.description == "O4.far")
        #expect(value(e, "due_month", "O1") == n("3"))
        #expect(value(e, "due_month", "O2") == n("4"))
        #expect(value(e, "due_month", "O3") == n("5"))
        #expect(value(e, "bigger", "O1") == n("1000"))
        #expect(value(e, "bigger", "O2") == n("500"))
        #expect(value(e, "bigger", "O3") == n("3333.33"))
        #expect(value(e, "label", "O1") == .text("现金"))
        #expect(value(e, "label", "O2") == .text("net30"))
        #expect(value(e, "label", "O3") == .text("net60"))
        #expect(value(e, "base_of", "O1") == n("3000"))
        #expect(value(e, "base_of", "O2") == n("4000"))
        #expect(value(e, "base_of", "O3").isError)
        #expect(["O1", "O2", "O3", "O4"].map { value(e, "silent", $0) } == [.bool(false), .bool(false), .bool(true), .bool(false)])
        #expect(month(e, "sales", 0, "2026-03") == n("5001000"))
        #expect(month(e, "nets", 0, "2026-03") == n("4500900"))
        #expect(month(e, "sales", 1, "2026-03") == n("0"))
        #expect(month(e, "late_orders", 1, "2026-03") == n("1"))
        #expect(month(e, "late_orders", 0, "2026-03") == n("0"))
        #expect(Self.disagreements(e).isEmpty)
        #expect(e._checkInvariants(against: w).isEmpty)
    }

    /// Sums and counts over orders that the accumulator refuses or overflows: the error is the
    /// tree walk's. A filter that is no flag (`where amount`), a sum past 10²⁶, a text summed, a
    /// value missing with no default, and `count` of texts (not counted, no error).
    @Test func aggregationsTheAccumulatorRefusesAreTheTreeWalks() throws {
        var w = Workspace(name: "t", plan: try Plan.parse(lines: [
            "field amount default 0",
            "field extra",
            "order big = amount * 10000000000000000000000",
            "order word = \"x\"",
            "month by_amount = sum(amount over orders where amount)",
            "month too_big = sum(big over orders)",
            "month words = sum(word over orders)",
            "month extras = sum(extra over orders)",
            "month counted_words = count(word over orders)",
            "month flags = sum(amount > 0 over orders)",
        ]), agents: Self.agents)
        w.setOrders([
            Order(id: "O1", agent: "甲", date: Self.day(1, 5), fields: ["amount": .number(Fixed(60_000))]),
            Order(id: "O2", agent: "甲", date: Self.day(1, 6), fields: ["amount": .number(Fixed(50_000)), "extra": .number(Fixed(1))]),
        ])
        let e = try Engine(workspace: w)
        #expect(month(e, "by_amount", 0, "2026-01").isError)
        // 6 × 10²⁶ and 5 × 10²⁶: each order's own cell overflows, and the sum reads the first error.
        guard case .error(let tooBig) = month(e, "too_big", 0, "2026-01") else { Issue.record("no error"); return }
        #expect(tooBig.kind == .overflow)
        #expect(month(e, "words", 0, "2026-01").isError)
        guard case .error(let noExtra) = month(e, "extras", 0, "2026-01") else { Issue.record("no error"); return }
        #expect(noExtra.kind == .missing)
        #expect(month(e, "counted_words", 0, "2026-01") == n("0"))
        #expect(month(e, "flags", 0, "2026-01") == n("2"))
        #expect(Self.disagreements(e).isEmpty)
    }

    /// Random orders with fields of every kind, some missing, texts no constant names, dates near
    /// the calendar's ends and amounts that overflow or divide by zero: every order cell and every
    /// aggregation equals the tree walk's, for plans of every node the column evaluator knows.
    @Test func generatedOrdersEqualTheTreeWalk() throws {
        let lines = [
            "field amount default 0",
            "field paid",
            "field terms default \"cash\"",
            "field flag",
            "param limit = 50",
            "order a1 = if amount > limit then amount * 3 / 7 else -amount",
            "order a2 = round(a1, 1) + floor(a1) - ceil(a1) + abs(a1) + min(a1, amount) + max(a1, 1, 2)",
            "order d1 = if terms = \"net30\" then date + 30 else if terms = \"cash\" then workdays_after(date, 2) else date - amount",
            "order d2 = days_between(d1, paid) + (paid - date)",
            "order f1 = (flag or amount < 0) and not missing(paid) or terms != \"other\"",
            "order f2 = flag = yes and d1 <= as_of",
            "order f3 = missing(agent) or (not missing(agent) and f2)",
            "order t1 = if f1 then terms else \"其他\"",
            "order m1 = month_of(d1) + year_of(paid) + day_of(date)",
            "order q = 1000 / amount",
            "order sum_prev = sales + a1",
            "input month sales default 7",
            "month s1 = sum(a1 over orders where f1)",
            "month s2 = count(orders where not f2)",
            "month s3 = sum(amount over orders by paid)",
            "team month s4 = sum(q over orders where f1)",
            "month s5 = count(t1 over orders)",
        ]
        var rng = SplitMix64(seed: 20261202)
        var w = Workspace(name: "t", plan: try Plan.parse(lines: lines), agents: Self.agents)
        w.asOf = Self.day(6, 30)
        w.calendar.holidays = [Self.day(5, 1), Self.day(5, 4)]
        w.calendar.workdays = [Self.day(4, 26)]
        let terms = ["cash", "net30", "net60", "other", "现金"]
        var orders: [Order] = []
        for i in 0..<700 {
            var fields: [String: AttributeValue] = [:]
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: break
            case 1: fields["amount"] = .number(.zero)
            case 2: fields["amount"] = .number(Fixed(raw: Int128(Int64.random(in: Int64.min...Int64.max, using: &rng)) * 10_000_000))
            case 3: fields["amount"] = .text("abc")
            case 4: fields["amount"] = .number(Fixed(Int.random(in: 3_000_000...4_000_000, using: &rng)))
            default: fields["amount"] = .number(Fixed(raw: Int128(Int.random(in: -100_000_000...100_000_000, using: &rng)) * 1_000_000_000))
            }
            if Int.random(in: 0..<4, using: &rng) > 0 { fields["paid"] = .date(Self.day(Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng))) }
            if Int.random(in: 0..<5, using: &rng) > 0 { fields["terms"] = .text(terms[Int.random(in: 0..<terms.count, using: &rng)]) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: fields["flag"] = .flag(Bool.random(using: &rng))
            case 1: fields["flag"] = .number(Fixed(1))
            default: break
            }
            let year = [2026, 2026, 2026, 9999, 1].randomElement(using: &rng)!
            let agent = [Optional("甲"), "乙", nil].randomElement(using: &rng)!
            orders.append(Order(id: String(format: "O%04d", i), agent: agent, date: Self.day(Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng), year: year), fields: fields))
        }
        w.setOrders(orders)
        let e = try Engine(workspace: w)
        let wrong = Self.disagreements(e)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // Not every lane bailed: most order cells are amounts, flags, dates or texts.
        var plain = 0
        for r in e.plan.rules.indices where e.plan.rules[r].dimension.perOrder {
            for c in e.cells(ofRule: r) where !e.value(ofCell: c).isError { plain += 1 }
        }
        #expect(plain > 700 * 5)
    }
}
