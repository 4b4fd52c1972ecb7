import Foundation
import PayPlan
import PayPlanImport

/// What a platform import understood, and the refusals that keep it from being silently wrong.
extension Session {
    /// Why a file read with `preset` must not be imported, with the option that fixes it; `nil` when it may.
    /// Refused: no column for the amount; no seller-note column when orders are credited by note
    /// (every order would come in silent) unless `--note none` says so.
    static func presetRefusal(_ preset: PlatformPreset, columns: [(header: String, target: String?)], note: String?) -> ImportRefusalMessage.Reason? {
        let mapped = Set(columns.compactMap(\.target))
        let names = columns.map(\.header).filter { !$0.isEmpty }
        let known = { (target: String) in preset.columns.first { $0.target == target }?.headers ?? [] }
        if !mapped.contains("amount") {
            return .noAmountColumn(format: preset.name, tried: known("amount"), columns: names)
        }
        if !mapped.contains("note") && note != "none" {
            return .noNoteColumn(format: preset.name, tried: known("note"), columns: names)
        }
        return nil
    }

    /// The lines that say what the import understood: rows and orders, amounts paid and refunded, orders
    /// per status, credited sales per agent, the silent share.
    static func understoodLines(_ u: PlatformImport.Summary, groups: [TaobaoImport.Group]) -> [ImportMessage] {
        var lines: [ImportMessage] = []
        lines.append(.understood(rows: u.rows, orders: u.orders, merged: u.mergedRows, paid: u.paid, refunded: u.refunded, counted: Engine.arithmetic(.subtract, u.paid, u.refunded)))
        lines.append(.statuses(outcomes: PlatformPreset.Outcome.allCases.map { ($0.rawValue, u.byOutcome[$0] ?? 0) }, byStatus: u.byStatus.map { ($0.text, $0.count) }))
        if let f = u.firstRefundAbovePayment { lines.append(.refundAbovePayment(count: u.refundsAbovePayment, order: f.order, refund: f.refund, amount: f.amount)) }
        // Totals beyond ±10²⁶ show as #OVERFLOW (Value.total).
        // Per agent in the order first credited.
        var credited: [(agent: String, orders: Int, amount: Value)] = [], index: [String: Int] = [:]
        var silent = (orders: 0, amount: Value.number(.zero)), total = Value.number(.zero)
        // Statuses and agents matched by their bytes first: comparing or hashing Chinese text goes through
        // Unicode normalisation (5% of a 100k Taobao import); bytes that differ fall back to `==` and the index.
        var closedByText: [(text: String, closed: Bool)] = [] // the first 16 statuses met, by their bytes
        func sameBytes(_ a: String, _ b: String) -> Bool { a.hasSameBytes(as: b) }
        func isClosed(_ s: String) -> Bool {
            for e in closedByText where sameBytes(e.text, s) { return e.closed }
            let closed = s == "交易关闭" || s == "等待买家付款"
            if closedByText.count < 16 { closedByText.append((s, closed)) }
            return closed
        }
        func position(_ a: String) -> Int {
            for k in credited.indices.prefix(16) where sameBytes(credited[k].agent, a) { return k }
            if let known = index[a] { return known }
            index[a] = credited.count; credited.append((a, 0, .number(.zero)))
            return credited.count - 1
        }
        func count(_ p: Order) {
            let status = p.fields["status"]?.text, amount = number(p, "amount"), refund = number(p, "refund")
            let closed = status.map(isClosed) ?? false
            let counted: Value
            if closed { counted = .number(.zero) } else if let net = Fixed.checkedSubtract(amount, refund) { counted = .number(max(.zero, net)) } else {
                counted = Engine.arithmetic(.subtract, .number(amount), .number(refund)) // beyond ±10²⁶: its error value
            }
            total = .total(total, counted)
            if let a = p.agent {
                let i = position(a)
                credited[i].orders += 1; credited[i].amount = .total(credited[i].amount, counted)
            } else { silent.orders += 1; silent.amount = .total(silent.amount, counted) }
        }
        // Each group's parts without an array made per group (`first`, then `more`).
        for g in groups {
            if let p = g.first { count(p) }
            for p in g.more { count(p) }
        }
        var share = "—"
        if let t = total.number, let sa = silent.amount.number {
            let ratio = Fixed.checkedMultiply(sa, Fixed(100)).flatMap { Fixed.checkedDivide($0, t) }
            share = (t.isZero ? Fixed.zero : ratio ?? .zero).rounded(toDigits: 1).format(minimumFractionDigits: 1) + "%"
        }
        lines.append(.credited(agents: credited.map { ($0.agent, $0.orders, $0.amount) }, silentOrders: silent.orders, silentAmount: silent.amount,
                               share: share, total: total))
        return lines
    }

    static func number(_ o: Order, _ key: String) -> Fixed {
        if case .number(let n)? = o.fields[key] { n } else { .zero }
    }
}
