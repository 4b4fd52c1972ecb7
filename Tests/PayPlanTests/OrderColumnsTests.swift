import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The typed order columns (`OrderColumns`): an order rule reads a field by the column the
/// compiler resolved, and gets what the order's own fields say, of every kind.
@Suite struct OrderColumnsTests {
    let jia = Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)!)
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }
    func n(_ s: String) -> Value { .number(Fixed(decimalText: s)!) }
    func value(_ e: Engine, _ rule: String, _ id: String) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, order: e.orderIndex(id: id)!)!)
    }

    /// A month rule `by_FIELD` summing the amounts of one agent's `orders` by the date field `field` (with the
    /// default `day` when given): its value in a month.
    func byField(_ field: String, default day: String?, _ orders: [Order]) throws -> (String) -> Value {
        let plan = try Plan.parse(lines: [
            "field amount default 0",
            day.map { "field \(field) default \($0)" } ?? "field \(field)",
            "month by_\(field) = sum(amount over orders by \(field))",
        ])
        var w = Workspace(name: "t", plan: plan, agents: [jia])
        w.setOrders(orders)
        let e = try Engine(workspace: w)
        return { m in e.value(ofCell: e.cell(rule: e.plan.ruleIndex["by_\(field)"]!, agent: 0, period: Period(text: m)!)!) }
    }

    /// Orders with a field of every kind (one column holding an amount, a text, a flag and a date
    /// in different orders), a field one order lacks, a declared field no order holds, and the
    /// standard fields. Every expected value is read off the orders below.
    func workspace() throws -> Workspace {
        let plan = try Plan.parse(lines: [
            "field amount default 0",
            "field terms default \"cash\"",
            "field note default \"none\"",
            "field paid",
            "order twice = amount * 2",
            "order cash = terms = \"cash\"",
            "order mixed = kind",
            "order noted = note",
            "order wait = if missing(paid) then -1 else days_between(date, paid)",
            "order first = id = \"O1\"",
            "order mine = agent = \"甲\"",
            "month sales = sum(amount over orders)",
        ])
        var w = Workspace(name: "t", plan: plan, agents: [jia])
        w.setOrders([
            Order(id: "O1", agent: "甲", date: d(2026, 3, 2), fields: ["amount": .number(Fixed(decimalText: "1234.56")!), "terms": .text("cash"), "kind": .number(Fixed(5)), "paid": .date(d(2026, 3, 12))]),
            Order(id: "O2", agent: "甲", date: d(2026, 3, 9), fields: ["amount": .number(Fixed(decimalText: "-0.01")!), "terms": .text("net30"), "kind": .text("abc")]),
            Order(id: "O3", agent: nil, date: d(2026, 4, 1), fields: ["terms": .text("cash"), "kind": .flag(true), "paid": .date(d(2027, 2, 28))]),
            Order(id: "O10", agent: "甲", date: d(2026, 12, 31), fields: ["amount": .number(Fixed(decimalText: "0.000000000001")!), "kind": .date(d(2024, 2, 29))]),
        ])
        return w
    }

    /// Orders grouped by a field (`by paid`) are booked in the month of the date their column holds, in the month of
    /// the field's default when they hold none, and in no month when they hold no date there. By hand: O1 (100, paid
    /// 2026-03-05) and O4 (4,000, paid 2026-03-31) in March, O2 (20, no paid) in the default's May (none without a
    /// default), O3 (3, paid a text) nowhere; the January and February of their own dates hold nothing.
    @Test func ordersGroupedByAFieldAreBookedByItsColumn() throws {
        for withDefault in [true, false] {
            let month = try byField("paid", default: withDefault ? "2026-05-15" : nil, [
                Order(id: "O1", agent: "甲", date: d(2026, 1, 10), fields: ["amount": .number(Fixed(100)), "paid": .date(d(2026, 3, 5))]),
                Order(id: "O2", agent: "甲", date: d(2026, 1, 11), fields: ["amount": .number(Fixed(20))]),
                Order(id: "O3", agent: "甲", date: d(2026, 2, 1), fields: ["amount": .number(Fixed(3)), "paid": .text("abc")]),
                Order(id: "O4", agent: "甲", date: d(2026, 2, 2), fields: ["amount": .number(Fixed(4000)), "paid": .date(d(2026, 3, 31))]),
            ])
            #expect(month("2026-03") == n("4100"))
            #expect(month("2026-05") == n(withDefault ? "20" : "0"))
            #expect(month("2026-01") == n("0") && month("2026-02") == n("0"))
        }
        // A field no order holds: every order in its default's month (July: 100 + 20 + 3 + 4,000), or in none.
        for withDefault in [true, false] {
            let month = try byField("shipped", default: withDefault ? "2026-07-01" : nil, [100, 20, 3, 4000].enumerated().map { k, a in
                Order(id: "O\(k + 1)", agent: "甲", date: d(2026, 1, 10 + k), fields: ["amount": .number(Fixed(a))])
            })
            #expect(month("2026-07") == n(withDefault ? "4123" : "0"))
            #expect(month("2026-01") == n("0"))
        }
    }

    @Test func everyKindOfFieldIsReadByItsColumn() throws {
        let w = try workspace()
        let e = try Engine(workspace: w)
        // amount × 2: 1,234.56 → 2,469.12; −0.01 → −0.02; O3 holds none → the default 0; 10⁻¹² → 2 × 10⁻¹².
        #expect(value(e, "twice", "O1") == n("2469.12"))
        #expect(value(e, "twice", "O2") == n("-0.02"))
        #expect(value(e, "twice", "O3") == n("0"))
        #expect(value(e, "twice", "O10") == n("0.000000000002"))
        // terms: "cash" (O1, O3, one interned text), "net30", and O10's default "cash".
        #expect(value(e, "cash", "O1") == .bool(true))
        #expect(value(e, "cash", "O2") == .bool(false))
        #expect(value(e, "cash", "O3") == .bool(true))
        #expect(value(e, "cash", "O10") == .bool(true))
        // One column of four kinds: what each order holds, as it holds it.
        #expect(value(e, "mixed", "O1") == n("5"))
        #expect(value(e, "mixed", "O2") == .text("abc"))
        #expect(value(e, "mixed", "O3") == .bool(true))
        #expect(value(e, "mixed", "O10") == .date(d(2024, 2, 29)))
        // A declared field no order holds: every order reads its default.
        for id in ["O1", "O2", "O3", "O10"] { #expect(value(e, "noted", id) == .text("none")) }
        // 2026-03-02 → 2026-03-12 is 10 days; O3 2026-04-01 → 2027-02-28: 29 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 = 333.
        #expect(value(e, "wait", "O1") == n("10"))
        #expect(value(e, "wait", "O2") == n("-1"))
        #expect(value(e, "wait", "O3") == n("333"))
        // The standard fields come from the order itself.
        #expect(value(e, "first", "O1") == .bool(true))
        #expect(value(e, "first", "O10") == .bool(false))
        #expect(value(e, "mine", "O2") == .bool(true))
        #expect(value(e, "mine", "O3").isError)   // credited to nobody: no agent to compare
        // March: 1,234.56 − 0.01 = 1,234.55.
        #expect(e.value(ofCell: e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: Period(text: "2026-03")!)!) == n("1234.55"))
        #expect(e._checkInvariants(against: w).isEmpty)
    }

    /// An order edit in place rewrites the order's columns: a field changing kind, a field taken
    /// away that another order still holds, a new text; undone by the inverse edit.
    @Test func anOrderEditInPlaceRewritesItsColumns() throws {
        var w = try workspace()
        let e = try Engine(workspace: w)
        let o2 = e.orderIndex(id: "O2")!
        let was = e.orders[o2]
        var new = was
        new.fields["kind"] = .number(Fixed(decimalText: "7.5")!)
        new.fields["terms"] = .text("net60")          // a text no order held
        new.fields["amount"] = nil                    // O1 and O10 still hold amounts
        new.fields["paid"] = .date(d(2026, 3, 19))
        #expect(e.replaceOrder(at: o2, with: new) != nil)
        _ = w.upsert(new)
        #expect(value(e, "mixed", "O2") == n("7.5"))
        #expect(value(e, "cash", "O2") == .bool(false))
        #expect(value(e, "twice", "O2") == n("0"))     // no amount: the default 0
        #expect(value(e, "wait", "O2") == n("10"))     // 2026-03-09 → 2026-03-19
        // March: 1,234.56 + 0 = 1,234.56.
        #expect(e.value(ofCell: e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: Period(text: "2026-03")!)!) == n("1234.56"))
        #expect(e._checkInvariants(against: w).isEmpty)
        #expect(e.replaceOrder(at: o2, with: was) != nil)
        _ = w.upsert(was)
        #expect(value(e, "mixed", "O2") == .text("abc"))
        #expect(value(e, "twice", "O2") == n("-0.02"))
        #expect(e._checkInvariants(against: w).isEmpty)
    }

    /// Only the columns a formula reads are filled (a Taobao import's buyer names and notes are read by no
    /// rule: not typed, not interned); a rule edit, or a rule added at the end of the plan, that comes to
    /// read another field fills its column then, and reads what the orders hold there. Expected values are
    /// read off the orders: notes "vip" on O1 and O10, "regular" on O2, none on O3 (the default "none").
    @Test func onlyTheColumnsTheRulesReadAreFilled() throws {
        var w = try workspace()
        w.setOrders(w.orders.map { o in
            var o = o
            o.fields["buyer"] = .text("tb" + o.id)
            switch o.id { case "O1", "O10": o.fields["note"] = .text("vip"); case "O2": o.fields["note"] = .text("regular"); default: break }
            return o
        })
        // Reading amount and terms only (note, buyer, kind and paid unread).
        w.plan = try Plan.parse(lines: [
            "field amount default 0",
            "field terms default \"cash\"",
            "field note default \"none\"",
            "order twice = amount * 2",
            "order cash = terms = \"cash\"",
            "month sales = sum(amount over orders)",
        ])
        let e = try Engine(workspace: w)
        let filled = Set(e.orderColumns.names.indices.filter { e.orderColumns.filled[$0] }.map { e.orderColumns.names[$0] })
        #expect(filled == ["amount", "terms"])
        #expect(e.orderColumns.number(ofText: "tbO1") == nil && e.orderColumns.number(ofText: "vip") == nil)
        #expect(value(e, "twice", "O1") == n("2469.12"))
        #expect(e._checkInvariants(against: w).isEmpty)

        // A rule edit reads note: its column is filled, and each order reads its own note or the default.
        var edited = w
        edited.plan.define(try Definition(source: "order twice = if note = \"vip\" then amount * 2 else 0"))
        #expect(e.redefine(edited.plan) != nil)
        #expect(e.orderColumns.filled[e.orderColumns.names.firstIndex(of: "note")!])
        #expect(value(e, "twice", "O1") == n("2469.12"))    // vip: 1,234.56 × 2
        #expect(value(e, "twice", "O2") == n("0"))          // regular
        #expect(value(e, "twice", "O3") == n("0"))          // no note: "none"
        #expect(value(e, "twice", "O10") == n("0.000000000002"))
        #expect(e._checkInvariants(against: edited).isEmpty)
        let fresh = try Engine(workspace: edited)
        #expect(fresh.values == e.values)

        // A team figure added at the end reads buyer over the orders: 1 order of 4 is tbO2's.
        var appended = edited
        appended.plan.define(try Definition(source: "team month by_o2 = count(orders where buyer = \"tbO2\")"))
        let x = try #require(e.appending(appended.plan.definitions.last!, in: appended.plan, workspace: appended))
        #expect(x.orderColumns.filled[x.orderColumns.names.firstIndex(of: "buyer")!])
        #expect(x.value(ofCell: x.cell(rule: x.plan.ruleIndex["by_o2"]!, agent: 0, period: Period(text: "2026-03")!)!) == n("1"))
        #expect(x.value(ofCell: x.cell(rule: x.plan.ruleIndex["by_o2"]!, agent: 0, period: Period(text: "2026-04")!)!) == n("0"))
        #expect(x.values == (try Engine(workspace: appended)).values)
        #expect(x._checkInvariants(against: appended).isEmpty)

        // An order edit in place writes the filled columns: O2's note becomes vip.
        let o2 = x.orderIndex(id: "O2")!
        var new = x.orders[o2]
        new.fields["note"] = .text("vip")
        new.fields["buyer"] = .text("tbX")
        #expect(x.replaceOrder(at: o2, with: new) != nil)
        _ = appended.upsert(new)
        #expect(value(x, "twice", "O2") == n("-0.02"))
        #expect(x.value(ofCell: x.cell(rule: x.plan.ruleIndex["by_o2"]!, agent: 0, period: Period(text: "2026-03")!)!) == n("0"))
        #expect(x._checkInvariants(against: appended).isEmpty)
    }

    /// The field names an engine is compiled with (`Engine.fieldNames`) are those a set of every order's names
    /// holds, past the 32 names compared before a set is used, and with names equal but for Unicode normalisation
    /// (é as one scalar or as e and a combining accent) counted once, as a set counts them.
    @Test func fieldNamesAreEveryOrdersNames() {
        var rng = SplitMix64(seed: 20261203)
        let day = Day(year: 2026, month: 1, day: 1)!
        for round in 0..<60 {
            let pool = (0..<(round % 3 == 0 ? 50 : 8)).map { "f\($0)" } + ["caf\u{E9}", "cafe\u{301}", "备注"]
            let orders = (0..<Int.random(in: 0...80, using: &rng)).map { k in
                var fields: [String: AttributeValue] = [:]
                for _ in 0..<Int.random(in: 0...6, using: &rng) { fields[pool[Int.random(in: 0..<pool.count, using: &rng)]] = .number(Fixed(k)) }
                return Order(id: "O\(k)", agent: nil, date: day, fields: fields)
            }
            var reference = Set<String>()
            for o in orders { reference.formUnion(o.fields.keys) }
            #expect(Engine.fieldNames(of: orders) == reference, "round \(round)")
        }
    }
    /// An order moved in place to another day and month reads its new date in every rule that reads `date`,
    /// and its old and new months' aggregations follow it. By hand: O2 (−0.01, 2026-03-09) moved to 2026-04-02
    /// with paid 2026-04-12 waits 10 days; 甲's March sales are then O1's 1,234.56 alone and April's O2's −0.01
    /// (O3 in April is credited to nobody); moved back, March is 1,234.55 again and April 0.
    @Test func anOrderMovedInPlaceReadsItsNewDate() throws {
        var w = try workspace()
        let e = try Engine(workspace: w)
        let o2 = e.orderIndex(id: "O2")!
        let was = e.orders[o2]
        var moved = was
        moved.date = d(2026, 4, 2)
        moved.fields["paid"] = .date(d(2026, 4, 12))
        func sales(_ m: String) -> Value { e.value(ofCell: e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: Period(text: m)!)!) }
        #expect(sales("2026-03") == n("1234.55") && sales("2026-04") == n("0"))
        #expect(e.replaceOrder(at: o2, with: moved) != nil)
        _ = w.upsert(moved)
        #expect(value(e, "wait", "O2") == n("10"))
        #expect(sales("2026-03") == n("1234.56") && sales("2026-04") == n("-0.01"))
        #expect(e._checkInvariants(against: w).isEmpty)
        #expect(e.replaceOrder(at: o2, with: was) != nil)
        _ = w.upsert(was)
        #expect(value(e, "wait", "O2") == n("-1"))
        #expect(sales("2026-03") == n("1234.55") && sales("2026-04") == n("0"))
        #expect(e._checkInvariants(against: w).isEmpty)
    }

    /// The cells an order edit recomputes for its buckets (`bucketReaders`) are, for a per-agent month rule that
    /// aggregates over orders, the agent's cell of that month alone, and none of a rule that reads no orders; for
    /// an order credited to nobody, none of a per-agent aggregation. By hand from the plan of `workspace()`: `sales`
    /// is the only rule aggregating over orders.
    @Test func anOrderEditRecomputesOnlyTheCellsOfItsBuckets() throws {
        let e = try Engine(workspace: try workspace())
        let sales = e.plan.ruleIndex["sales"]!
        for m in 0..<12 {
            #expect(e.bucketReaders(agent: 0, months: [m]) == [e.cell(rule: sales, agent: 0, period: .month(Month(year: 2026, month: m + 1)))!])
            #expect(e.bucketReaders(agent: -1, months: [m]).isEmpty)
        }
        #expect(e.bucketReaders(agent: 0, months: [-1]).isEmpty && e.bucketReaders(agent: 0, months: [12]).isEmpty)
    }

    /// Each order's agent number (`Engine.agentNumbers`) is what the name's lookup gives (−1 for nobody or a
    /// name that is no agent's), whether the orders name a few agents (matched by bytes first), many (past the
    /// 16 names matched by bytes and the 64 misses after which every name is looked up at once), or names equal
    /// but for Unicode normalisation (é as one scalar or as e and a combining accent), which the lookup takes as one.
    @Test func orderAgentNumbersAreTheNamesLookups() {
        var rng = SplitMix64(seed: 20261206)
        for round in 0..<40 {
            let agentCount = [1, 5, 16, 17, 200][round % 5]
            var byName: [String: Int] = [:]
            for a in 0..<agentCount { byName["a\(a)"] = a }
            byName["caf\u{E9}"] = agentCount
            let names: [String?] = (0..<agentCount).map { "a\($0)" } + ["cafe\u{301}", "caf\u{E9}", "nobody", nil]
            let orders = (0..<Int.random(in: 0...600, using: &rng)).map { k in
                Order(id: "O\(k)", agent: names[Int.random(in: 0..<names.count, using: &rng)], date: d(2026, 1, 1))
            }
            let reference = orders.map { o in o.agent.flatMap { byName[$0] } ?? -1 }
            #expect(Engine.agentNumbers(of: orders, agentByName: byName) == reference, "round \(round)")
        }
    }
}
