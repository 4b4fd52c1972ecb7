import PayPlan

/// An imported text the plan does not know (付款方式 `credit` where plan C compares terms with cash, net30,
/// net60 and net90) was taken silently, and the order counted as none of them (session 11). The import
/// still takes it (the file is the shop's record) and warns, naming the first row and column with it.
extension Session {
    /// One warning per column of `columns` mapped to an order field the plan reads only by comparing it
    /// with texts (`comparedFieldValues`), for the imported `orders` whose value is none of them: the
    /// first such row, its value, the values the plan knows, and how many rows have one.
    /// - Complexity: O(orders × such columns × the plan's texts of the column), one field lookup per order.
    func unknownImportedValues(_ orders: [(row: Int, order: Order)], columns: [(header: String, target: String?)]) -> [ImportMessage] {
        var out: [ImportMessage] = []
        for (header, target) in columns {
            guard let field = target, field != "id", !Session.standardOrderKeys.contains(field),
                  let known = comparedFieldValues(field, typed: nil)?.known else { continue }
            // As `ComparedValues.takes` reads them (as stored, or normalised), worked out once; a plan knows a few,
            // compared in turn (a short text compares inline, cheaper than hashing it).
            let taken = Array(Set(known + known.map(Session.normalise)))
            var first: (row: Int, value: String)? = nil, count = 0
            // Read in place (no copy of each order), and an export's runs of one value (cash, cash, …) compared
            // with the last known one before hashing.
            var lastKnown = ""
            for i in orders.indices {
                guard case .text(let t)? = orders[i].order.fields[field], !t.isEmpty, t != lastKnown else { continue }
                if taken.contains(t) { lastKnown = t; continue }
                if first == nil { first = (orders[i].row, t) }
                count += 1
            }
            if let first {
                out.append(.unknownFieldValue(row: first.row, column: header, field: field, value: first.value, known: known, rows: count,
                                                labels: ownValueLabels(of: field)))
            }
        }
        return out
    }
}
