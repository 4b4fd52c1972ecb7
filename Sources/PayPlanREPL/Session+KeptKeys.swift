import PayPlan

/// What a session says about the keys of its file that payplan does not read (`KeptKeys`):
/// they are the owner's data, kept and written back by `save` (issue 11).
extension Session {
    /// "N keys in the file payplan does not read (notes, phone, …) are kept as they are", or
    /// `nil` when the workspace and its forks hold none.
    /// - Complexity: O(agents + orders with kept keys), over main and the forks.
    static func keptKeysMessage(_ main: Workspace, forks: [String: Workspace]) -> FileMessage? {
        let all = [main] + forks.keys.sorted().map { forks[$0]! }
        // A fork's own description is kept as a key (ScenarioFile.decodeWithForks) but is not unknown to
        // payplan: it is not counted or named.
        let forkDescriptions = forks.values.reduce(0) { $0 + $1.kept.top.filter { $0.key == "description" }.count }
        let count = all.reduce(0) { $0 + $1.keptKeyCount } - forkDescriptions
        guard count > 0 else { return nil }
        // The first few key names, each once: the top level's, the calendar's, the agents', the orders'.
        var names: [String] = []
        func note(_ list: [KeptKey]) { for k in list where names.count < 3 && !names.contains(k.key) { names.append(k.key) } }
        for w in all {
            note(w.kept.top.filter { $0.key != "description" })
            note(w.kept.calendar)
            for a in w.agents where !a.kept.isEmpty { note(a.kept) }
            for id in w.kept.orders.keys.sorted() { note(w.kept.orders[id]!) }
        }
        return .keptKeys(count: count, names: names)
    }

    /// The note on kept keys for the scenario as it is now, in the session's language (shown at start).
    public var keptKeysNote: String? {
        Session.keptKeysMessage(workspace, forks: forks)?.text(language)
    }
}
