import Foundation
import PayPlan

/// A platform export read with its preset (`PlatformPreset`): statuses read into what they mean for pay,
/// refunds in full, sub-order rows merged, and the checks that keep an import from being silently wrong.
public enum PlatformImport {
    /// What an import understood of a file, printed before anything changes.
    public struct Summary: Sendable {
        public var rows = 0
        public var orders = 0
        /// Sub-order rows merged into their orders (rows − orders for Douyin).
        public var mergedRows = 0
        /// The orders' amounts (CNY) and refunds of paid orders, as the plan will read them
        /// (`#OVERFLOW` when the total is beyond ±10²⁶).
        public var paid = Value.number(.zero), refunded = Value.number(.zero)
        public var byOutcome: [PlatformPreset.Outcome: Int] = [:]
        /// The platform's status texts and how many orders had each, in order of first appearance.
        public var byStatus: [(text: String, count: Int)] = []
        /// Paid orders whose refund is more than their payment (counted at most the payment), and the first of them.
        public var refundsAbovePayment = 0
        public var firstRefundAbovePayment: (order: String, refund: Fixed, amount: Fixed)? = nil
    }

    /// Reads statuses, refunds and sub-orders of `file` as `preset` says. Unknown statuses are bad rows.
    /// The helper targets (`total`, `after_sale`, `parent`) are not kept on the orders.
    /// - Complexity: O(rows).
    public static func normalise(_ file: inout OrderFile, preset: PlatformPreset) -> Summary {
        var s = Summary()
        s.rows = file.orders.count
        var statusIndex: [String: Int] = [:]
        // The orders kept are moved down in `file.orders` (the first `kept` places), not into a second array.
        var kept = 0
        var outcomes: [PlatformPreset.Outcome] = []
        outcomes.reserveCapacity(file.orders.count)
        // The helper columns this file fills: only these are looked up and taken off each order (three lookups an
        // order for none, otherwise).
        let filled = Set(file.columns.compactMap(\.target))
        let helpers = ["total", "after_sale", "net_paid"].filter(filled.contains)
        let hasNetPaid = filled.contains("net_paid"), hasAfterSale = filled.contains("after_sale")
        // The status texts met so far, by their bytes, with what the preset reads them as and their place in
        // `byStatus`: a file holds a handful, so each row's costs a comparison or two of equal bytes instead of
        // hashing a Chinese text (with its Unicode normalisation check) twice and the preset's scan of its texts.
        var memo = StatusMemo()
        let restatesStatuses = preset.name != PlatformPreset.taobao.name && !preset.statuses.isEmpty
        for i in file.orders.indices {
            // Taken out of the file, so that changing its fields changes them in place (no copy per order).
            let row = file.orders[i].row
            var o = OrderFile.take(&file.orders[i].order)
            let status = o.fields["status"]?.text ?? ""
            let seen = memo.entry(status)
            var outcome: PlatformPreset.Outcome
            if status.isEmpty, hasNetPaid, case .number(let net)? = o.fields["net_paid"], net == .zero {
                outcome = number(o, "refund") > .zero ? .refunded : .unpaid
            } else if status.isEmpty { outcome = .paid } else if let known = seen?.outcome ?? preset.outcome(status: status) { outcome = known } else {
                file.problems.append(ImportProblem(row: row, column: "订单状态", .unknownStatus(status, format: preset.name, known: preset.statuses.map(\.text))))
                continue
            }
            // A refund after payment (售后 退款成功) refunds the order in full, whether the platform then shows it paid or closed.
            if hasAfterSale, let a = o.fields["after_sale"]?.text, preset.refunds(afterSale: a), outcome == .paid || outcome == .closed { outcome = .refunded }
            if outcome == .refunded { o.fields["refund"] = o.fields["amount"] }
            // Taobao's own words stay as exported (the shipped plan reads them); others are stored in them.
            if restatesStatuses || status.isEmpty { o.fields["status"] = .text(outcome.storedStatus) }
            for helper in helpers { o.fields[helper] = nil }
            let at: Int
            if let known = seen?.index { at = known } else if let known = statusIndex[status] { at = known } else {
                at = s.byStatus.count; statusIndex[status] = at; s.byStatus.append((status, 0))
            }
            if seen == nil { memo.remember(status, outcome: status.isEmpty ? nil : preset.outcome(status: status), index: at) }
            s.byStatus[at].count += 1
            file.orders[kept] = (row, o)
            kept += 1
            outcomes.append(outcome)
        }
        file.orders.removeSubrange(kept...)
        let readable = kept
        if preset.rows == .subOrders {
            var tooLarge: [(row: Int, key: String)] = []
            (file.orders, outcomes) = mergeSubOrders(file.orders, outcomes, tooLarge: &tooLarge)
            for (row, key) in tooLarge {
                file.problems.append(ImportProblem(row: row, column: key, .subOrdersTooLarge(key)))
            }
        }
        s.mergedRows = readable - file.orders.count
        var byOutcome = [Int](repeating: 0, count: PlatformPreset.Outcome.allCases.count)
        for ((_, o), outcome) in zip(file.orders, outcomes) {
            byOutcome[PlatformPreset.Outcome.allCases.firstIndex(of: outcome)!] += 1
            guard outcome == .paid || outcome == .refunded else { continue }
            let amount = number(o, "amount"), refund = number(o, "refund")
            s.paid = .total(s.paid, .number(amount))
            s.refunded = .total(s.refunded, .number(min(refund, amount)))
            // A refund above the payment is counted as the payment: said (fresh-user LOW: capped without a word).
            if refund > amount {
                s.refundsAbovePayment += 1
                if s.firstRefundAbovePayment == nil { s.firstRefundAbovePayment = (o.id, refund, amount) }
            }
        }
        for (k, outcome) in PlatformPreset.Outcome.allCases.enumerated() where byOutcome[k] > 0 { s.byOutcome[outcome] = byOutcome[k] }
        s.orders = file.orders.count
        return s
    }

    /// Merges sub-order rows into orders by their `parent` (主订单编号): the order takes the parent's number,
    /// the first row's date, note and buyer, the sum of the amounts and refunds; it is refunded in full when
    /// every sub-order is, unpaid or closed when every one is.
    /// Sums beyond ±10²⁶ are not merged: the row and field go to `tooLarge`, for a bad-row report.
    static func mergeSubOrders(_ rows: [(row: Int, order: Order)], _ outcomes: [PlatformPreset.Outcome],
                               tooLarge: inout [(row: Int, key: String)])
        -> ([(row: Int, order: Order)], [PlatformPreset.Outcome]) {
        var index: [String: Int] = [:]
        var out: [(row: Int, order: Order)] = []
        var parts: [[PlatformPreset.Outcome]] = []
        for ((row, o), outcome) in zip(rows, outcomes) {
            let parent = o.fields["parent"]?.text ?? o.id
            var sub = o
            sub.fields["parent"] = nil
            if let i = index[parent] {
                var merged = out[i].order
                for key in ["amount", "refund"] {
                    guard let total = Fixed.checkedAdd(number(merged, key), number(sub, key)) else { tooLarge.append((row, key)); continue }
                    merged.fields[key] = total == .zero && merged.fields[key] == nil ? nil : .number(total)
                }
                if merged.fields["note"]?.text.isEmpty ?? true, let n = sub.fields["note"] { merged.fields["note"] = n }
                out[i].order = merged
                parts[i].append(outcome)
            } else {
                index[parent] = out.count
                sub.id = parent
                out.append((row, sub))
                parts.append([outcome])
            }
        }
        var outcomesOut: [PlatformPreset.Outcome] = []
        for i in out.indices {
            let p = parts[i]
            let outcome: PlatformPreset.Outcome = p.allSatisfy { $0 == .refunded } ? .refunded
                : p.contains(.paid) || p.contains(.refunded) ? .paid : p.allSatisfy { $0 == .unpaid } ? .unpaid : .closed
            out[i].order.fields["status"] = .text(outcome.storedStatus)
            // A paid order's refunded sub-orders are its refund; a fully refunded one's refund is its amount.
            if outcome == .refunded { out[i].order.fields["refund"] = out[i].order.fields["amount"] }
            outcomesOut.append(outcome)
        }
        return (out, outcomesOut)
    }

    /// When every refunded row of `file` has amount + refund = total (the export's paid amount is already net
    /// of its refund), how many such rows there are; `nil` when the file has no total or no refund, or any
    /// refunded row does not add up that way.
    /// - Complexity: O(rows).
    public static func nettedRefunds(_ file: OrderFile) -> Int? {
        var n = 0
        for (_, o) in file.orders {
            let refund = number(o, "refund")
            guard refund > .zero else { continue }
            guard case .number(let total)? = o.fields["total"] else { return nil }
            guard Fixed.checkedAdd(number(o, "amount"), refund) == total else { return nil }
            n += 1
        }
        return n > 0 ? n : nil
    }

    static func number(_ o: Order, _ key: String) -> Fixed {
        if case .number(let n)? = o.fields[key] { n } else { .zero }
    }

    /// The first 16 status texts of a file, matched by their bytes: what `preset.outcome(status:)` reads each as
    /// and its place in `Summary.byStatus`. A text not held (beyond 16, or not yet met) is worked out the long way
    /// and then held; texts equal but for Unicode normalisation are held apart here and meet in `byStatus`.
    struct StatusMemo {
        private(set) var entries: [(text: String, outcome: PlatformPreset.Outcome?, index: Int)] = []

        /// The entry held for exactly these bytes, if any.
        /// - Complexity: O(entries held × text length), at most 16 entries.
        func entry(_ text: String) -> (outcome: PlatformPreset.Outcome?, index: Int)? {
            for e in entries where e.text.hasSameBytes(as: text) { return (e.outcome, e.index) }
            return nil
        }

        mutating func remember(_ text: String, outcome: PlatformPreset.Outcome?, index: Int) {
            if entries.count < 16 { entries.append((text, outcome, index)) }
        }
    }
}
