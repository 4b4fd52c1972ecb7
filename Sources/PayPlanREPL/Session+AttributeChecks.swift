import PayPlan

/// How an agent attribute typed in `agent add/set` or `offer` (`key=value`) is read by the plan.
enum AttributeReading: Equatable {
    /// A standard attribute (`base`, `hired` …), one the plan declares or a rule reads, or a key
    /// an agent already carries (a scenario file's kept key such as `phone`).
    case read
    /// Nothing reads it, and it is one typing slip from `near` (a standard attribute, a declared
    /// one or a kept key): refused, since the owner who typed `bsae=3500` meant the base.
    case likelyTypo(near: String)
    /// Nothing reads it and nothing is named like it: kept with the agent, with a note that no pay reads it.
    case unread
}

extension Session {
    /// How the plan reads the attribute `key` (fresh-user finding H1: `agent set 李雷 bsae=3500`
    /// was accepted and the base stayed 3,000 without a word).
    ///
    /// - Complexity: O(the plan's source text) for the readers, O(agents × their kept keys) for
    ///   the kept keys, then O(candidates × `Parser.maximumNameLength`²) for the near name; the
    ///   standard and declared attributes answer in O(1).
    func attributeReading(_ key: String) -> AttributeReading {
        if Agent.standardAttributes.contains(key) { return .read }
        let plan = workspace.plan
        if plan.definition(named: key) != nil { return .read }
        if workspace.agents.contains(where: { $0.extra[key] != nil || $0.kept.contains { $0.key == key } }) { return .read }
        if !Session.readers(of: key, in: plan).isEmpty { return .read }
        var candidates = Set(Agent.standardAttributes)
        for d in plan.definitions { if case .attribute = d.statement { candidates.insert(d.name) } }
        for a in workspace.agents { candidates.formUnion(a.extra.keys); candidates.formUnion(a.kept.map(\.key)) }
        if let near = Session.nearestName(to: key, among: candidates) { return .likelyTypo(near: near) }
        return .unread
    }

    /// The refusal of the first attribute in `pairs` (`key=value`) that is a likely typo, or nil.
    func attributeTypoProblem(_ pairs: some Sequence<String>) -> AgentMessage? {
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { continue }
            let key = String(pair[..<eq])
            if case .likelyTypo(let near) = attributeReading(key) {
                return .attributeNobodyReadsLikelyTypo(key: key, value: String(pair[pair.index(after: eq)...]), near: near)
            }
        }
        return nil
    }

    /// The refusal of the first `key=value` in `pairs` whose value the plan cannot match, for an
    /// attribute it reads only by comparing it with texts (`comparedAttributeValues`), or nil
    /// (fresh-user finding M-C: `agent set 小美 role=sale` on online-shop-cs was accepted and her
    /// 95 orders became 闷拍). An empty value clears the attribute and is never refused.
    ///
    /// - Complexity: O(pairs) while the plan's texts are cached and the values are known ones,
    ///   else O(pairs × (the plan's expressions + agents)).
    func attributeValueProblem(_ pairs: some Sequence<String>) -> AgentMessage? {
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { continue }
            let key = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            guard !value.isEmpty, let compared = comparedAttributeValues(key, typed: value), !compared.takes(value) else { continue }
            let label = workspace.plan.definition(named: key)?.statement.label
            return .unknownAttributeValue(key: key, label: label, value: value, known: compared.known,
                                          near: Session.nearestValue(to: value, among: compared.known),
                                          valueLabels: ownValueLabels(of: key))
        }
        return nil
    }

    /// The notes for the attributes in `pairs` that no rule reads (kept with the agent, no pay changes).
    func unreadAttributeNotes(_ pairs: some Sequence<String>) -> [AgentMessage] {
        var notes: [AgentMessage] = [], seen = Set<String>()
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else { continue }
            let key = String(pair[..<eq])
            if seen.insert(key).inserted, attributeReading(key) == .unread { notes.append(.attributeNobodyReads(key)) }
        }
        return notes
    }

    /// The candidate within one slip of `key` per three characters (at least one), counting a swap
    /// of two neighbouring characters as one slip (`bsae` → `base`, `hierd` → `hired`); the
    /// nearest, and of equals the first in code-point order.
    /// - Complexity: O(candidates × `Parser.maximumNameLength`²).
    static func nearestName(to key: String, among candidates: Set<String>) -> String? {
        let k = Array(key)
        guard k.count <= Parser.maximumNameLength else { return nil }
        let allowed = max(1, k.count / 3)
        var best: (name: String, distance: Int)? = nil
        for name in candidates where abs(name.count - k.count) <= allowed {
            let d = transpositionDistance(k, Array(name))
            if d <= allowed, d < (best?.distance ?? Int.max) || (d == best?.distance && name < best!.name) { best = (name, d) }
        }
        return best?.name
    }

    /// Edit distance counting an insertion, a deletion, a change or a swap of two neighbouring
    /// characters as one (optimal string alignment).
    /// - Complexity: O(a × b).
    static func transpositionDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
