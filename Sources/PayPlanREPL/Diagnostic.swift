import PayPlan

/// An error to show the user: the message, and the text with a caret under
/// the offending part when there is one.
public struct Diagnostic: Equatable, Sendable {
    /// An error refuses the command; a warning is told while the command still takes effect.
    public enum Severity: Sendable { case error, warning }
    public var severity: Severity = .error
    /// For a warning about the plan: its kind (tests and `check` use it).
    public var warningKind: PlanWarning.Kind? = nil
    public var message: String
    /// A warning's message in Chinese, used instead of translating `message` under `set lang zh`.
    public var messageZh: String? = nil
    /// The text the caret points into (a command line or a definition).
    public var source: String?
    /// Character range in `source`.
    public var range: SourceRange?

    public init(_ message: String, source: String? = nil, range: SourceRange? = nil) {
        self.message = message; self.source = source; self.range = range
    }

    init(_ e: SourceError, offset: Int = 0, commandLine: String? = nil) {
        message = e.message
        if let line = commandLine {
            source = line
            range = e.range.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        } else {
            source = e.source.isEmpty ? nil : e.source
            range = e.range
        }
    }

    /// A warning about the plan, placed in the definition's source.
    public init(warning w: PlanWarning) {
        severity = .warning; warningKind = w.kind
        message = "in '\(w.definition)': \(w.message)"
        messageZh = "在 '\(w.definition)' 中：\(w.messageZh)"
        source = w.source.isEmpty ? nil : w.source
        range = w.range
    }

    /// `error: <where>: message` (or `warning: …`, `警告：…` in Chinese), then the source line
    /// and a caret line (`^~~~`) aligned by display width, Chinese included.
    public func render(location: String? = nil, language: DisplayLanguage = .en) -> [String] {
        let word = severity == .error ? "error: " : (language == .zh ? "警告：" : "warning: ")
        var out = [word + (location.map { "\($0): " } ?? "") + message]
        guard let source, let range else { return out }
        let chars = Array(source)
        let lo = min(max(0, range.lowerBound), chars.count)
        // The line of the source that holds the range start.
        var lineStart = lo
        while lineStart > 0 && chars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = lo
        while lineEnd < chars.count && chars[lineEnd] != "\n" { lineEnd += 1 }
        let line = String(chars[lineStart..<lineEnd])
        let before = DisplayWidth.of(String(chars[lineStart..<lo]))
        let hi = min(max(lo + 1, range.upperBound), lineEnd)
        let width = max(1, DisplayWidth.of(String(chars[lo..<min(hi, chars.count)])))
        out.append("  " + line)
        out.append("  " + String(repeating: " ", count: before) + "^" + String(repeating: "~", count: width - 1))
        return out
    }
}

/// What one command printed.
public struct Output: Equatable, Sendable {
    /// Lines for standard output.
    public var lines: [String] = []
    /// Errors, for standard error; any error means the command changed nothing.
    public var errors: [Diagnostic] = []
    /// Warnings about the plan or the data: the command took effect. `Session.execute`
    /// also renders them into `lines`, so every front end prints them.
    public var warnings: [Diagnostic] = []
    public var failed: Bool { !errors.isEmpty }
    /// True after `quit`/`exit`: the shell leaves (asking first about unsaved changes), a script ends.
    public var leave = false
    /// True for machine-read output (CSV, JSON, Markdown): printed exactly, never translated.
    public var verbatim = false

    public init(lines: [String] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = []) {
        self.lines = lines; self.errors = errors; self.warnings = warnings
    }
    static func error(_ d: Diagnostic) -> Output { Output(errors: [d]) }
    static func error(_ message: String) -> Output { Output(errors: [Diagnostic(message)]) }
    /// All text, errors rendered, for tests and transcripts.
    public var text: String { (lines + errors.flatMap { $0.render() }).joined(separator: "\n") }
}
