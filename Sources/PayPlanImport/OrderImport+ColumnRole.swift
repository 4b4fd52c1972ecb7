import PayPlan

extension OrderImport {
    /// What one column of an order file fills, resolved once for the file from its mapped target
    /// (`OrderImport.read`), so that a cell costs no comparison of target names nor lookup of the
    /// field's kind and range (2–3% of a 100,000-row Taobao import).
    enum ColumnRole {
        /// Not read (`-`, or a column nothing maps).
        case ignored
        case id, agent, date
        /// An order field: its name, the kind its default gives it (`.any` without one), the range the plan
        /// declares for it, whether it is `amount` or `refund` (never negative), and the values its `labels`
        /// clause names by label (label → value: a cell 月结30天 is the value net30; `nil` without labels).
        case field(String, kind: Kind, range: AmountRange?, positiveMoney: Bool, valueOfLabel: [String: String]?)

        /// The role of a column mapped to `target` (`nil`: ignored) under a plan's field `kinds`, `ranges` and
        /// value labels (`valuesOfLabels`: field → label → value, `OrderImport.fieldValuesOfLabels`).
        init(_ target: String?, kinds: [String: Kind], ranges: [String: AmountRange], valuesOfLabels: [String: [String: String]] = [:]) {
            switch target {
            case nil: self = .ignored
            case "id"?: self = .id
            case "agent"?: self = .agent
            case "date"?: self = .date
            case let t?: self = .field(t, kind: kinds[t] ?? .any, range: ranges[t], positiveMoney: t == "amount" || t == "refund",
                                          valueOfLabel: valuesOfLabels[t])
            }
        }
    }
}
