import PayPlan

/// An error to show the user: the message, and the text with a caret under
/// the offending part when there is one.
///
/// Its message is an `OutputLine`: a `Message` rendered in `language` (set by `Session.execute`).
/// There is no diagnostic of English text: every error is a typed message, said in both languages.
public struct Diagnostic: Equatable, Sendable {
    /// An error refuses the command; a warning is told while the command still takes effect.
    public enum Severity: Sendable { case error, warning }
    public var severity: Severity = .error
    /// For a warning about the plan: its kind (tests and `check` use it).
    public var warningKind: PlanWarning.Kind? = nil
    /// What the diagnostic says, rendered late.
    public var said: OutputLine
    /// The language `message` and `render` use (`Session.execute` sets the session's).
    public var language: DisplayLanguage = .en
    /// The message in `language`.
    public var message: String { said.text(language) }
    /// The text the caret points into (a command line or a definition).
    public var source: String?
    /// Character range in `source`.
    public var range: SourceRange?

    /// An error saying `message`, with a caret under `range` of `source` when given.
    public init(_ message: any Message, source: String? = nil, range: SourceRange? = nil) {
        self.said = OutputLine(message); self.source = source; self.range = range
    }

    /// An error saying `said` (a line already built, e.g. `Session.said(error)`).
    public init(_ said: OutputLine, source: String? = nil, range: SourceRange? = nil) {
        self.said = said; self.source = source; self.range = range
    }

    init(_ e: SourceError, offset: Int = 0, commandLine: String? = nil) {
        said = OutputLine(SourceErrorMessage(e.kind))
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
        said = OutputLine(w.payError.map { WarningMessage.payError(w.definition, $0) } ?? WarningMessage.inDefinition(w.definition, Wording(en: w.message, zh: w.messageZh)))
        source = w.source.isEmpty ? nil : w.source
        range = w.range
    }

    /// `error: <where>: message` (or `warning: …`; `错误：…`, `警告：…` in Chinese), then the source line
    /// and a caret line (`^~~~`) aligned by display width, Chinese included.
    public func render(location: String? = nil, language: DisplayLanguage? = nil) -> [String] {
        let language = language ?? self.language
        let message = TerminalText.safe(said.text(language))
        let word = language == .zh ? (severity == .error ? "错误：" : "警告：") : (severity == .error ? "error: " : "warning: ")
        var out = [word + (location.map { language == .zh ? "\($0)：" : "\($0): " } ?? "") + message]
        guard let source, let range else { return out }
        let chars = Array(source)
        let lo = min(max(0, range.lowerBound), chars.count)
        // The line of the source that holds the range start.
        var lineStart = lo
        while lineStart > 0 && chars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = lo
        while lineEnd < chars.count && chars[lineEnd] != "\n" { lineEnd += 1 }
        // A line wider than `Diagnostic.shownWidth` columns is shown around the caret, its cut ends as `…`
        // (a 2,000-character definition is not echoed whole under its error).
        let (from, to) = Diagnostic.shownPart(chars, lineStart: lineStart, lineEnd: lineEnd, at: lo)
        let cutBefore = from > lineStart, cutAfter = to < lineEnd
        let line = (cutBefore ? "…" : "") + TerminalText.safe(String(chars[from..<to])) + (cutAfter ? "…" : "")
        let before = (cutBefore ? DisplayWidth.of("…") : 0) + DisplayWidth.of(String(chars[from..<lo]))
        let hi = min(max(lo + 1, range.upperBound), to)
        let width = max(1, DisplayWidth.of(String(chars[lo..<min(hi, chars.count)])))
        out.append("  " + line)
        out.append("  " + String(repeating: " ", count: before) + "^" + String(repeating: "~", count: width - 1))
        return out
    }

    /// How many columns of a source line an error shows; a wider line is cut around the caret.
    static let shownWidth = 100
    /// How many columns before the caret a cut line keeps.
    static let shownBeforeCaret = 40

    /// The part `from..<to` of the line `lineStart..<lineEnd` of `chars` an error shows: all of it when it
    /// is at most `shownWidth` columns wide, else up to `shownBeforeCaret` columns before `at` and as
    /// many after as make `shownWidth` (the ends' `…` take a column each).
    /// - Complexity: O(line length).
    static func shownPart(_ chars: [Character], lineStart: Int, lineEnd: Int, at: Int) -> (from: Int, to: Int) {
        let widths = chars[lineStart..<lineEnd].map { DisplayWidth.of(String($0)) }
        guard widths.reduce(0, +) > shownWidth else { return (lineStart, lineEnd) }
        var from = at, used = 0
        while from > lineStart, used + widths[from - 1 - lineStart] <= shownBeforeCaret { from -= 1; used += widths[from - lineStart] }
        var to = at
        let budget = shownWidth - (from > lineStart ? 1 : 0) - 1
        while to < lineEnd, used + widths[to - lineStart] <= budget { used += widths[to - lineStart]; to += 1 }
        // Near the end the caret's side may have room to spare: give it to the start.
        if to == lineEnd {
            while from > lineStart, used + widths[from - 1 - lineStart] <= shownWidth - 1 { from -= 1; used += widths[from - lineStart] }
        }
        // A cut never splits a word written in ASCII (`grades` is not shown as `gra…`): it moves back to the
        // word's edge, unless the word reaches the caret.
        func wordCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        /// Whether a cut between `chars[i - 1]` and `chars[i]` falls between words.
        func edge(_ i: Int) -> Bool { !(wordCharacter(chars[i - 1]) && wordCharacter(chars[i])) }
        if to < lineEnd, to > lineStart {
            var t = to
            while t > at + 1, !edge(t) { t -= 1 }
            if edge(t) { to = t }
        }
        if from > lineStart, from < lineEnd {
            var f = from
            while f < at, !edge(f) { f += 1 }
            if edge(f) { from = f }
        }
        return (from, max(to, min(at + 1, lineEnd)))
    }
}

/// What one command printed: lines kept as what they mean (`OutputLine`), rendered in
/// `language` when read — `Session.execute` sets the session's language, so a command builds
/// its output without knowing it.
public struct Output: Equatable, Sendable {
    /// Lines for standard output, as messages or fixed text.
    public var body: [OutputLine] = []
    /// The language `lines` and `text` are rendered in (`Session.execute` sets it).
    public var language: DisplayLanguage = .en
    /// Lines for standard output, rendered in `language`. Setting them stores text shown as it is
    /// (machine-read output, a table already in its language).
    public var lines: [String] {
        get { body.map { $0.text(language, verbatim: verbatim) } }
        set { body = newValue.map { OutputLine(fixed: $0) } }
    }
    /// Each line rendered in `language` with its meaning, for the shell's colour.
    public var rendered: [(text: String, tone: Tone)] { body.map { ($0.text(language, verbatim: verbatim), $0.tone) } }
    /// Errors, for standard error; any error means the command changed nothing, unless
    /// `tookEffect` says otherwise.
    public var errors: [Diagnostic] = []
    /// True when a command with errors still changed the workspace. Only `source` does: each line
    /// of a script is its own command and its own undo step (as in a pipe or `payplan -f`), so the
    /// lines that worked stay when another fails, and the output says how many took effect.
    public var tookEffect = false
    /// Warnings about the plan or the data: the command took effect. `Session.execute`
    /// also renders them into `lines`, so every front end prints them.
    public var warnings: [Diagnostic] = []
    public var failed: Bool { !errors.isEmpty }
    /// True after `quit`/`exit`: the shell leaves (asking first about unsaved changes), a script ends.
    public var leave = false
    /// True for machine-read output (CSV, JSON, Markdown): printed exactly, never translated.
    public var verbatim = false

    /// Lines shown as they are (already in their final language, or machine-read), errors and warnings.
    public init(lines: [String] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = []) {
        self.body = lines.map { OutputLine(fixed: $0) }; self.errors = errors; self.warnings = warnings
    }
    /// Output of lines kept as messages or fixed text.
    public init(body: [OutputLine], warnings: [Diagnostic] = []) { self.body = body; self.warnings = warnings }
    /// Output of one message.
    public init(message: any Message) { body = [OutputLine(message)] }
    /// Lines already in their final language (help, a plan's source, a table): shown as they are.
    public init(fixedLines: [String]) { body = fixedLines.map { OutputLine(fixed: $0) } }
    /// Output of messages, one line each.
    public init(messages: [any Message]) { body = messages.map(OutputLine.init) }

    /// Adds a line saying `message`.
    public mutating func add(_ message: any Message) { body.append(OutputLine(message)) }
    /// Adds a line shown as it is in every language (a table row, a value).
    public mutating func add(fixed text: String, tone: Tone = .plain) { body.append(OutputLine(fixed: text, tone: tone)) }

    static func error(_ d: Diagnostic) -> Output { Output(errors: [d]) }
    static func error(_ message: any Message) -> Output { Output(errors: [Diagnostic(message)]) }
    /// All text, errors rendered, for tests and transcripts.
    public var text: String { (lines + errors.flatMap { $0.render() }).joined(separator: "\n") }

    /// The same language, lines, errors, warnings and flags.
    public static func == (a: Output, b: Output) -> Bool {
        a.lines == b.lines && a.body == b.body && a.errors == b.errors && a.warnings == b.warnings && a.leave == b.leave && a.verbatim == b.verbatim && a.tookEffect == b.tookEffect
    }
}
