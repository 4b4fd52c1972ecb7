import Foundation

/// One definition of a plan, kept as the text its author wrote so that
/// `explain`, `show` and the scenario file show the rule as written.
public struct Definition: Equatable, Sendable {
    /// The statement as written (may span lines).
    public var source: String
    /// Comment lines written just above it (without `#`), shown as its description.
    public var comment: [String]
    /// The parsed statement.
    public var statement: Statement

    public var name: String { statement.name }

    /// Parses `source`.
    /// - Throws: `SourceError` with the place of the first mistake.
    public init(source: String, comment: [String] = []) throws {
        self.source = source
        self.comment = comment
        self.statement = try Parser.statement(source)
    }
}

/// A pay plan: parameters, inputs, attributes, rate tables and rules, in the
/// order they were written.
public struct Plan: Equatable, Sendable {
    public private(set) var definitions: [Definition] = []

    public init(definitions: [Definition] = []) {
        for d in definitions { define(d) }
    }

    /// The definition named `name`, if any.
    public func definition(named name: String) -> Definition? { definitions.first { $0.name == name } }

    /// Adds a definition, or replaces the one with the same name in place.
    /// Returns the definition it replaced.
    @discardableResult
    public mutating func define(_ d: Definition) -> Definition? {
        if let i = definitions.firstIndex(where: { $0.name == d.name }) {
            let old = definitions[i]
            var new = d
            if new.comment.isEmpty { new.comment = old.comment }
            definitions[i] = new
            return old
        }
        definitions.append(d)
        return nil
    }

    /// Removes the definition named `name`; returns it, or `nil` if there was none.
    @discardableResult
    public mutating func remove(_ name: String) -> Definition? {
        guard let i = definitions.firstIndex(where: { $0.name == name }) else { return nil }
        return definitions.remove(at: i)
    }

    /// The plan as source text, one definition after another with their comments.
    public var sourceText: String {
        definitions.map { d in (d.comment.map { "# " + $0 } + [d.source]).joined(separator: "\n") }.joined(separator: "\n")
    }

    /// Parses a whole plan written as text: definitions separated by lines; a
    /// definition continues on the next line when a line ends with `:`, `,`,
    /// `\`, an operator, or inside open brackets. `#` lines are comments and
    /// attach to the next definition.
    ///
    /// - Throws: `PlanSourceError` naming the line and column of the first mistake.
    public static func parse(lines: [String]) throws -> Plan {
        var plan = Plan()
        for chunk in StatementText.group(lines) {
            guard let text = chunk.text else { continue }
            do {
                let def = try Definition(source: text, comment: chunk.comment)
                if plan.definition(named: def.name) != nil {
                    throw SourceError("'\(def.name)' is defined twice in this plan")
                }
                plan.define(def)
            } catch let e as SourceError {
                throw PlanSourceError(line: chunk.line, error: e, text: text)
            }
        }
        return plan
    }
}

/// A mistake in a plan read from a file: the plan line (0-based) where the
/// statement starts, and the error within the statement.
public struct PlanSourceError: Error, CustomStringConvertible {
    public let line: Int
    public let error: SourceError
    public let text: String
    public var description: String {
        var lineNo = line + 1
        if let r = error.range {
            lineNo += text.prefix(r.lowerBound).filter { $0 == "\n" }.count
        }
        return "plan line \(lineNo): \(error.message)"
    }
}

/// Rules about how statements span lines, shared by plan files and the session.
public enum StatementText {
    /// True when `text` cannot be complete yet: an open bracket, or a last
    /// line ending in `:`, `,`, `\`, `->`, `=`, an operator, or `then`/`else`/`and`/`or`.
    public static func needsContinuation(_ text: String) -> Bool {
        var depth = 0
        var inString = false
        for c in text {
            if c == "\"" { inString.toggle() }
            if inString { continue }
            if c == "#" { break }
            if "([（［".contains(c) { depth += 1 }
            if ")]）］".contains(c) { depth -= 1 }
        }
        if depth > 0 { return true }
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let code = (lastLine.firstIndex(of: "#").map { String(lastLine[..<$0]) } ?? lastLine).trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { return false }
        for suffix in [":", ",", "\\", "->", "=", "+", "-", "*", "/", "×", "÷", "（", "，"] where code.hasSuffix(suffix) {
            // `lo, hi)` / a lone '-' sign at the end is still an operator: continue.
            return true
        }
        for word in ["then", "else", "and", "or", "if", "not"] where code.hasSuffix(" " + word) || code == word {
            return true
        }
        return false
    }

    /// A statement gathered from lines: where it starts (0-based), its text
    /// (`nil` for a run of comments with no statement), and the comments just above it.
    public struct Chunk: Equatable {
        public var line: Int
        public var text: String?
        public var comment: [String]
    }

    /// Groups lines into statements. A statement continues on the next line
    /// when that line is indented, or when `needsContinuation` says the text
    /// so far is incomplete. `#` lines at the start of a line are comments
    /// and attach to the statement below them; a blank line detaches them.
    public static func group<S: Sequence>(_ lines: S) -> [Chunk] where S.Element == String {
        var out: [Chunk] = []
        group(lines) { out.append($0); return true }
        return out
    }

    /// Streams statements to `body` as soon as each is complete (the line
    /// after it has been read); `body` returns false to stop.
    public static func group<S: Sequence>(_ lines: S, _ body: (Chunk) -> Bool) where S.Element == String {
        var comment: [String] = []
        var stop = false
        var buffer: [String] = []
        var start = 0
        func flush() {
            if !buffer.isEmpty && !stop {
                stop = !body(Chunk(line: start, text: dedent(buffer.joined(separator: "\n")), comment: comment))
                comment = []
            }
            buffer = []
        }
        for (index, line) in lines.enumerated() {
            if stop { return }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !buffer.isEmpty {
                let indented = line.first?.isWhitespace == true && !trimmed.isEmpty && !trimmed.hasPrefix("#")
                if indented || needsContinuation(buffer.joined(separator: "\n")) {
                    buffer.append(line); continue
                }
                flush()
            }
            if trimmed.isEmpty { comment = []; continue }
            if trimmed.hasPrefix("#") { comment.append(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)); continue }
            start = index
            buffer = [line]
        }
        flush()
    }

    /// Joins continuation lines: removes trailing `\` markers and the common indentation.
    public static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            while s.hasSuffix(" ") { s.removeLast() }
            if s.hasSuffix("\\") { s.removeLast() }
            return s
        }
        let first = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return ([first] + lines.dropFirst()).joined(separator: "\n")
    }
}
