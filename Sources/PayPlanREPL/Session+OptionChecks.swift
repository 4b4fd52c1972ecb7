import PayPlan

/// `--options` a command does not take, named before the command runs (fresh-user finding:
/// `statement 李雷 2026-03 --htlm x.html` gave only the usage line; `save --force` saved a file named
/// `--force`; `years 2026 --x` and `plan --all` ignored the option).
extension Session {
    /// The commands whose own argument reading (`CommandArguments`) names an unknown option with its
    /// own usage; every other command is checked here against its `CommandTable` options.
    static let commandsReadingTheirOwnOptions: Set<String> = ["report", "explain", "source", "compare", "review", "forecast", "orders", "performance", "attribution"]

    /// The refusal of the first `--word` in `text` (outside quoted text) that the command it starts
    /// does not take, with the option most likely meant and the command's usage; nil when there is none,
    /// or `text` starts no command of `CommandTable`.
    /// - Complexity: O(length of `text` + `CommandTable.entries`).
    static func unknownOptionProblem(_ text: String) -> CommandMessage? {
        // Quick exit: most lines have no "--" at all.
        guard text.contains("--") else { return nil }
        var words: [String] = [], current = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if c.isWhitespace && !quoted {
                if !current.isEmpty { words.append(current); current = "" }
            } else { current.append(c) }
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first, !commandsReadingTheirOwnOptions.contains(first),
              let entry = CommandTable.entry(for: words) else { return nil }
        for w in words.dropFirst(entry.words.count) where w.hasPrefix("--") && w.count > 2 {
            let name = String(w.prefix { $0 != "=" })
            if !entry.options.contains(name) {
                return .unknownOption(.unknownOption(name, known: entry.options.sorted()), usage: entry.usage, usageZh: entry.usageZh)
            }
        }
        return nil
    }
}
