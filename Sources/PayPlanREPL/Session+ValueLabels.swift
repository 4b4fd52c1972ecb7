import PayPlan

/// Text values as staff read them: under `--lang zh` the plan's label of a value (its `labels` clause:
/// `field terms "付款方式" default "cash" labels "cash" "现金", …`), under English — or where the plan gives
/// no label — the value as written. Input keeps reading the raw value (and, under any language, the label).
extension Session {
    /// `v` as a table or line shows it in the session's language: under zh yes/no as 是/否
    /// (`inChinese`) and a text by `labels` (from `Plan.valueLabels(for:)`); unchanged under English.
    func shown(_ v: Value, labels: [String: String]) -> Value {
        guard language == .zh else { return v }
        return Session.inChinese(v, labels: labels)
    }

    /// `inChinese(v)`, with a text value replaced by its label in `labels` (value → label) when it has one.
    static func inChinese(_ v: Value, labels: [String: String]) -> Value {
        if case .text(let w) = v, let l = labels[w] { return .text(l) }
        return inChinese(v)
    }

    /// The labels `name`'s own `labels` clause gives, value → label (empty without one).
    /// - Complexity: O(definitions + labels of `name`).
    func ownValueLabels(of name: String) -> [String: String] {
        Dictionary((workspace.plan.definition(named: name)?.valueLabels ?? []).map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    /// The raw value a user meant by `text` for `name`: `text` itself, or the value whose label it is
    /// (`月结30天` → `net30`), so that labels may be typed where values are; `text` when it is neither.
    /// - Complexity: O(definitions + labels of `name`).
    func rawValue(_ text: String, of name: String) -> String {
        guard let labels = workspace.plan.definition(named: name)?.valueLabels, !labels.contains(where: { $0.value == text }) else { return text }
        return labels.first { $0.label == text }?.value ?? text
    }

    /// The words of `agent add/set` or `order add/set` with each `key=label` written as `key=value`
    /// (`terms=月结30天` → `terms=net30`, `role=售后客服` → `role=after-sales`); other words unchanged.
    /// - Complexity: O(words × (definitions + labels)).
    func withRawValues(_ words: [String]) -> [String] {
        words.map { w in
            guard let eq = w.firstIndex(of: "="), eq != w.startIndex else { return w }
            let key = String(w[..<eq]), value = String(w[w.index(after: eq)...])
            let raw = rawValue(value, of: key)
            return raw == value ? w : key + "=" + raw
        }
    }
}
