import PayPlan

extension Session {
    /// The keys every order may have whatever the plan declares: its agent, its date (`id` cannot
    /// change) and its seller's note, which attribution reads to credit it (`Attribution`).
    static let standardOrderKeys = ["agent", "date", "note"]

    /// The refusal of the first `key=value` in `pairs` of `order add/set` that the plan cannot read
    /// (fresh-user finding H-B: `order add T1 … amout=30000` was accepted and the order counted
    /// nowhere; `product=standrad` on web-agency the same), or nil:
    /// - a key that is not an order field the plan declares (`field amount …`), nor one an order
    ///   of the workspace already carries (a scenario file's or an import's): refused, naming the
    ///   field one slip from it (`amout` → amount) or else the fields the plan has;
    /// - a value the plan cannot match, for a field the plan reads only by comparing it with texts
    ///   (`product = "standard" or …`): refused, naming the values it knows (`comparedFieldValues`).
    /// An empty value (`product=`) clears the field and is never refused.
    ///
    /// - Complexity: O(pairs × (fields + orders' keys) × `Parser.maximumNameLength`²) for a key,
    ///   O(the plan's expressions + orders) per text field.
    func orderFieldProblem(_ pairs: some Sequence<String>) -> OrderMessage? {
        var fields = OrderFieldNames(workspace)
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { continue }
            let key = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            if key == "id" || Session.standardOrderKeys.contains(key) { continue }
            if let unread = fields.unread(key) {
                if let near = unread.near { return .fieldNobodyReadsLikelyTypo(key: key, value: value, near: near) }
                return .fieldNobodyReads(key: key, fields: fields.declared)
            }
            guard !value.isEmpty, let compared = comparedFieldValues(key, typed: value), !compared.takes(value) else { continue }
            let label = workspace.plan.definition(named: key)?.statement.label
            return .unknownFieldValue(key: key, label: label, value: value, known: compared.known,
                                      near: Session.nearestValue(to: value, among: compared.known),
                                          valueLabels: ownValueLabels(of: key))
        }
        return nil
    }
}
