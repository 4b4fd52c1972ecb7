import Foundation
import PayPlan

/// The Taobao/Tmall seller order report (卖家中心 → 已卖出的宝贝 → 导出订单) as a preset on `OrderImport`:
/// `orders import FILE.csv --format taobao`.
///
/// Columns: 订单编号 → id, 买家会员名 → buyer, 买家实际支付金额 → amount, 订单状态 → status,
/// 订单备注 / 卖家备注 / 商家备注 → note (the first that exists), 订单付款时间 (else 订单创建时间) → date,
/// 退款金额 → refund, 退款时间 → refund_date (when the export has it). Other columns are ignored
/// unless `--map` names them.
///
/// The agent is not a column: each order is credited by `Attribution` on its note with the scenario's
/// settings. Under `split` an order that credits several agents becomes one order per agent, ID
/// `订单编号#工号`, with amount and refund split to the fen (`Attribution.Result.shares`).
///
/// Re-imports are keyed by 订单编号: an order's old parts are replaced as a whole. A refund that grew
/// since the last import, in a file without 退款时间, needs the day it became known (`--refunds-known`):
/// when that day lies in a later month than the order, the increase is clawed back in that month and
/// what was already deducted stays in the paid month (field `refund_earlier`).
public enum TaobaoImport {
    /// Target → the report's column names for it, in preference order.
    public static let columns: [(target: String, headers: [String])] = [
        ("id", ["订单编号", "订单号", "主订单编号"]),
        ("buyer", ["买家会员名", "买家昵称"]),
        ("amount", ["买家实际支付金额", "实付金额", "买家实付金额"]),
        ("status", ["订单状态"]),
        ("note", ["订单备注", "卖家备注", "商家备注"]),
        ("date", ["订单付款时间", "付款时间"]),
        ("refund", ["退款金额"]),
        ("refund_date", ["退款时间", "退款完结时间"]),
    ]
    /// The column whose date counts when an order has no payment time (never paid).
    public static let createdColumns = ["订单创建时间", "创建时间", "下单时间"]

    /// The mapping for a file with `header`: every column of the report the file has, the rest ignored (`-`).
    /// - Returns: the mapping and the fallback date column (订单创建时间) if any.
    public static func mapping(header: [String]) -> (mapping: [String: String], dateFallback: String?) {
        var m: [String: String] = [:]
        for h in header where !h.isEmpty { m[h] = "-" }
        var fallback = createdColumns.first { header.contains($0) }
        for (target, names) in columns {
            if let h = names.first(where: { header.contains($0) }) { m[h] = target }
        }
        // A report with only a creation time: that is the date.
        if !m.values.contains("date"), let f = fallback { m[f] = "date"; fallback = nil }
        return (m, fallback)
    }

    /// An order of the file as it will be stored: its parts (one, or one per agent under `split`).
    ///
    /// The first part is held apart from the others, so that an order of one part (nearly all) needs no array of
    /// its own: a million orders made a million arrays (about 110 MB of heap) only to hold one order each.
    public struct Group: Sendable {
        public var row: Int
        public var base: String
        /// The first part (the order itself unless it is split); `nil` for a split into no parts.
        public var first: Order?
        /// The parts after the first (empty unless split: no array allocated).
        public var more: [Order]
        public var attribution: Attribution.Result

        /// Every part, `first` then `more`. Made on each read: loops over many groups use `first` and `more`.
        public var parts: [Order] {
            get { (first.map { [$0] } ?? []) + more }
            set { first = newValue.first; more = Array(newValue.dropFirst()) }
        }
        /// How many parts: 1 unless split.
        public var partCount: Int { (first == nil ? 0 : 1) + more.count }

        public init(row: Int, base: String, parts: [Order], attribution: Attribution.Result) {
            self.init(row: row, base: base, first: parts.first, more: Array(parts.dropFirst()), attribution: attribution)
        }

        /// A group of the parts `first` and `more` (no array made for one part).
        public init(row: Int, base: String, first: Order?, more: [Order] = [], attribution: Attribution.Result) {
            self.row = row; self.base = base; self.first = first; self.more = more; self.attribution = attribution
        }
    }

    /// What the preset made of a read file.
    public struct Result: Sendable {
        public var groups: [Group] = []
        public var problems: [ImportProblem] = []
    }

    /// Credits each order of `file` by its note and reconciles refunds with what `w` holds.
    /// - Parameters:
    ///   - refundsKnown: the day a refund that grew since the last import became known (`--refunds-known`).
    public static func credit(_ file: OrderFile, workspace w: Workspace, people: [Attribution.Person],
                              match: Attribution.Match, mode: Attribution.Mode, refundsKnown: Day?) -> Result {
        var copy = file
        return credit(taking: &copy, workspace: w, people: people, match: match, mode: mode, refundsKnown: refundsKnown)
    }

    /// `credit` that moves the orders out of `file` (left with none), so that each is changed in place
    /// rather than copied: an import of a million orders holds them once.
    /// - Complexity: O(orders × note length) plus O(stored orders) to index what `w` holds.
    public static func credit(taking file: inout OrderFile, workspace w: Workspace, people: [Attribution.Person],
                              match: Attribution.Match, mode: Attribution.Mode, refundsKnown: Day?) -> Result {
        var out = Result()
        out.groups.reserveCapacity(file.orders.count)
        let stored = storedParts(w)
        let attributor = Attribution.Attributor(agents: people, match: match, mode: mode)
        let personByName = Dictionary(people.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let orders = file.orders.count
        defer { file.orders = [] }
        var notes = NoteMemo()
        for i in 0..<orders {
            let row = file.orders[i].row
            var o = OrderFile.take(&file.orders[i].order)
            o.agent = nil
            // `setNumber(&o, "refund", number(o, "refund"))` in one lookup (two for a refund that is no zero).
            if let refund = o.fields.removeValue(forKey: "refund"), case .number(let n) = refund, n != .zero { o.fields["refund"] = refund }
            let note = o.fields["note"]?.text ?? ""
            let r: Attribution.Result
            if let known = notes.result(for: note) { r = known } else { r = attributor.attribute(note: note); notes.remember(note, r) }
            // Refunds against the last import.
            // (A first import has nothing stored: no order number is hashed to find that out.)
            if !stored.isEmpty, let problem = reconcileRefund(&o, old: stored[o.id] ?? [], refundsKnown: refundsKnown) {
                out.problems.append(ImportProblem(row: row, column: "退款金额", problem)); continue
            }
            if r.credited.count <= 1 {
                o.agent = r.credited.first
                let base = o.id
                out.groups.append(Group(row: row, base: base, first: o, attribution: r))
            } else {
                let amounts = r.shares(of: number(o, "amount"), agents: people)
                let refunds = r.shares(of: number(o, "refund"), agents: people)
                let earlier = r.shares(of: number(o, "refund_earlier"), agents: people)
                let parts = amounts.indices.map { i in
                    let agent = amounts[i].agent
                    let person = personByName[agent]
                    var p = o
                    p.id = o.id + "#" + (person?.id ?? agent)
                    p.agent = agent
                    p.fields["amount"] = .number(amounts[i].amount)
                    setNumber(&p, "refund", refunds[i].amount)
                    setNumber(&p, "refund_earlier", earlier[i].amount)
                    return p
                }
                out.groups.append(Group(row: row, base: o.id, parts: parts, attribution: r))
            }
        }
        return out
    }

    /// Stores the groups: each order's old parts (`ID`, `ID#…`) give way to its new ones.
    /// Counts are per order of the file (an order split in parts counts once).
    /// - Complexity: O(n + m log m) for n stored and m new orders (one merge, one sort).
    public static func merge(_ groups: [Group], into w: inout Workspace) -> MergeCounts {
        var taken = groups
        return merge(taking: &taken, into: &w)
    }

    /// `merge` that moves the orders out of `groups` (left empty) into the workspace (`Workspace.merge(taking:)`):
    /// no order is copied, retained or released on the way, and no list of replaced orders is made.
    /// - Complexity: as `merge`.
    public static func merge(taking groups: inout [Group], into w: inout Workspace) -> MergeCounts {
        var c = MergeCounts()
        let stored = storedParts(w)
        var removing = Set<String>(), parts: [Order] = []
        parts.reserveCapacity(groups.count)
        for k in groups.indices {
            // The parts moved out of the group: the first swapped for nothing, the others taken with their array.
            var first: Order? = nil, more: [Order] = []
            swap(&first, &groups[k].first)
            swap(&more, &groups[k].more)
            let old = stored.isEmpty ? [] : stored[groups[k].base] ?? []
            if !old.isEmpty {
                let p = (first.map { [$0] } ?? []) + more
                if Set(old) == Set(p) { c.unchanged += 1; continue }
                c.replaced += 1
                for o in old where !p.contains(where: { $0.id == o.id }) { removing.insert(o.id) }
            } else {
                c.added += 1
            }
            if let f = first.take() { parts.append(f) }
            if !more.isEmpty { parts += more }
        }
        groups = []
        w.merge(taking: &parts, removing: removing)
        return c
    }

    /// The workspace's orders by order number: `ID` and its split parts `ID#CS01`, `ID#CS02`.
    static func storedParts(_ w: Workspace) -> [String: [Order]] {
        var byBase: [String: [Order]] = [:]
        for o in w.orders {
            let base = o.id.split(separator: "#", maxSplits: 1).first.map(String.init) ?? o.id
            byBase[base, default: []].append(o)
        }
        return byBase
    }

    /// Dates a refund that grew since the last import; `nil` when all is well, else why the row cannot be taken.
    static func reconcileRefund(_ o: inout Order, old: [Order], refundsKnown: Day?) -> ImportProblem.Kind? {
        guard !old.isEmpty else { return nil }
        let rNew = number(o, "refund")
        guard let rOld = Fixed.checkedSum(old.map { number($0, "refund") }),
              let earlierOld = Fixed.checkedSum(old.map { number($0, "refund_earlier") }) else {
            return .storedRefundsTooLarge(order: o.id)
        }
        let oldDate = old.lazy.compactMap { date($0, "refund_date") }.first
        let fileDate = date(o, "refund_date")
        func month(_ d: Day) -> Int { d.year * 12 + d.month }
        var earlier = Fixed.zero
        if rNew > rOld {
            guard let d = fileDate ?? refundsKnown else {
                return .refundGrewUndated(order: o.id, from: rOld, to: rNew)
            }
            guard d >= o.date else { return .refundBeforeOrder(order: o.id, refund: d, ordered: o.date) }
            if month(d) > month(o.date) {
                if let od = oldDate, month(od) > month(o.date) {
                    guard month(od) == month(d) else { return .refundGrewAgain(order: o.id, booked: od) }
                    earlier = earlierOld
                } else {
                    earlier = rOld
                }
            }
            o.fields["refund_date"] = .date(d)
        } else {
            // Unchanged (or smaller): keep the date an earlier import gave it.
            if fileDate == nil, let od = oldDate { o.fields["refund_date"] = .date(od) }
            earlier = min(earlierOld, rNew)
        }
        setNumber(&o, "refund_earlier", earlier)
        return nil
    }

    static func number(_ o: Order, _ key: String) -> Fixed {
        if case .number(let n)? = o.fields[key] { n } else { .zero }
    }
    static func date(_ o: Order, _ key: String) -> Day? {
        if case .date(let d)? = o.fields[key] { d } else { nil }
    }
    /// A refund field of zero is left out (the field's default), as the scenario stores it.
    static func setNumber(_ o: inout Order, _ key: String, _ v: Fixed) {
        o.fields[key] = v == .zero ? nil : .number(v)
    }
}
