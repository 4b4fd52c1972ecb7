/// The one reading of a command's words that every command with `--options` shares:
/// words split at spaces, `"quoted words"` kept whole (file names with spaces),
/// `--flag`, `--option VALUE` or `--option=VALUE`, and the remaining positional words in order.
///
/// Errors read `unknown option --x`, `--out needs a value`, `--out is given twice`; the caller
/// appends its usage line. Nothing here knows a command: each passes the options it takes.
struct CommandArguments: Equatable {
    /// The words that are not options or option values, in order.
    var positional: [String] = []
    /// `--option` → its value.
    var values: [String: String] = [:]
    /// The `--flag`s given.
    var flags: Set<String> = []

    /// What went wrong reading the words, naming the option.
    typealias Problem = ArgumentMessage

    /// The value of `--name`, if given.
    subscript(_ name: String) -> String? { values[name] }
    /// True when `--name` was given.
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Reads `text`.
    /// - Parameters:
    ///   - options: the options that take a value (`"--out"`).
    ///   - flags: the options that take none (`"--csv"`).
    /// - Throws: `Problem` for an unknown option, a missing value, or an option given twice.
    /// - Complexity: O(n) in the length of `text`.
    static func parse(_ text: String, options: Set<String> = [], flags: Set<String> = []) throws(Problem) -> CommandArguments {
        var out = CommandArguments()
        let words = Self.words(text)
        var i = 0
        while i < words.count {
            let (w, quoted) = words[i]
            i += 1
            guard !quoted, w.hasPrefix("--"), w.count > 2 else { out.positional.append(w); continue }
            var name = w, inline: String? = nil
            if let eq = w.firstIndex(of: "=") { name = String(w[..<eq]); inline = String(w[w.index(after: eq)...]) }
            if flags.contains(name) {
                guard inline == nil else { throw .takesNoValue(name) }
                guard out.flags.insert(name).inserted else { throw .givenTwice(name) }
            } else if options.contains(name) {
                let value: String
                if let inline { value = inline } else {
                    guard i < words.count, words[i].quoted || !words[i].text.hasPrefix("--") else { throw .needsValue(name) }
                    value = words[i].text
                    i += 1
                }
                guard out.values[name] == nil else { throw .givenTwice(name) }
                out.values[name] = value
            } else {
                let known = (options.union(flags)).sorted()
                throw .unknownOption(name, known: known)
            }
        }
        return out
    }

    /// The words of `text`: split at unquoted white space, quotes removed, each marked when it was quoted.
    /// Double quotes quote anywhere; a single quote only where a word or a value (after `=`) starts, up to the
    /// next single quote (`'Alice'`, `agent='李雷'`), so an apostrophe inside a word (`O'Brien`) stays as written.
    /// - Complexity: O(n).
    static func words(_ text: String) -> [(text: String, quoted: Bool)] {
        var words: [(text: String, quoted: Bool)] = [], current = "", quoted = false, wasQuoted = false
        var single = false
        for c in text {
            if c == "'" && single { single = false; continue }
            if c == "'" && !quoted && (current.isEmpty || current.hasSuffix("=")) { single = true; wasQuoted = true; continue }
            if single { current.append(c); continue }
            if c == "\"" { quoted.toggle(); wasQuoted = true; continue }
            if c.isWhitespace && !quoted {
                if wasQuoted || !current.isEmpty { words.append((current, wasQuoted)) }
                current = ""; wasQuoted = false
            } else { current.append(c) }
        }
        if wasQuoted || !current.isEmpty { words.append((current, wasQuoted)) }
        return words
    }

    /// `name` without one pair of quotes around it, double (`"李雷"`) or single (`'李雷'`), as a name is typed
    /// quoted in a command (fresh-user finding 3, session 13: single quotes were kept as part of the name).
    /// - Complexity: O(1).
    static func unquoted(_ name: String) -> String {
        guard name.count > 2, let first = name.first, first == "\"" || first == "'", name.last == first else { return name }
        return String(name.dropFirst().dropLast())
    }
}
