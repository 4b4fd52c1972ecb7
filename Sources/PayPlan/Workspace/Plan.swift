import Foundation

/// One definition of a plan, kept as the text its author wrote so that
/// `explain`, `show` and the scenario file show the rule as written.
public struct Definition: Equatable, Sendable {
    /// The statement as written (may span lines).
    public var source: String
    /// The blank and comment lines written just above it, kept as written.
    public var leading: [String]
    /// Comment lines written just above it (without `#`), shown as its description.
    public var comment: [String] { StatementText.comment(of: leading) }
    /// The parsed statement.
    public var statement: Statement
    /// The shared plan part this definition came from (`takehome` for one brought in by
    /// `use takehome`), or `nil` for the plan's own. A part's definitions are not saved with
    /// the scenario: the `use` line is, and the part comes from the library when it is read.
    public var part: String? = nil
    /// The month this version takes effect (`from 2026-07 …`), or `nil` for the definition as first
    /// written, which holds until its first version.
    public var effective: Month? = nil
    /// Where the month after `from` stands in `source`, for carets.
    public var effectiveRange: SourceRange? = nil
    /// Where the statement proper starts in `source` (its first word after any `from` date).
    public var kindRange: SourceRange = 0..<0
    /// The labels its `labels` clause gives its text values (`"cash" "现金"`), in the order written; empty
    /// without one. Only parameters, attributes and fields have them.
    public var valueLabels: [ValueLabel] = []
    /// Where the `labels` clause stands in `source`, for carrying it over to a redefinition.
    public var valueLabelsRange: SourceRange? = nil
    /// The dated versions of this definition (`from 2026-07 table commission_tiers …`), by
    /// `effective`, earliest first; empty on a version itself. Months before the first use this
    /// definition, months from a version's month to the next version's use that version.
    public var versions: [Definition] = []

    public var name: String { statement.name }

    /// The comment line added under a kept comment when a redefinition changes what a table or rule
    /// says (`Plan.define`): the comment above was written for the definition before it. In both
    /// languages, since the plan file is shared by whoever reads it.
    public static let staleCommentNote = "# （以上注释写于重新定义之前 · the comment above was written before this redefinition）"

    /// Whether the definition is a table or a rule: what its comment describes is its formula.
    var saysAFormula: Bool {
        switch statement { case .table, .rule: true; default: false }
    }

    /// The version in effect in `month`: the latest whose `effective` is not after it, else this one.
    /// - Complexity: O(versions).
    public func version(at month: Month) -> Definition {
        versions.last { $0.effective! <= month } ?? self
    }

    /// This definition followed by its versions, earliest first.
    public var allVersions: [Definition] { [self] + versions }

    /// This definition with `"label"` written just after its defined name, found by
    /// parsing (so `input month m` is labelled after `m`, not inside `month`);
    /// `nil` when the statement has no name to label.
    func labelled(_ label: String) -> Definition? {
        guard let (_, r) = try? Parser.statementWithNameRange(source), let r else { return nil }
        let chars = Array(source)
        let quoted = label.contains("\"") ? "「\(label)」" : "\"\(label)\""
        let text = String(chars[..<r.upperBound]) + " " + quoted + String(chars[r.upperBound...])
        guard let d = try? Definition(source: text, leading: leading), d.statement.label == label else { return nil }
        return d
    }

    /// The `labels` clause as written in `source` (`labels "cash" "现金", …`), or `nil` without one.
    public var valueLabelsClause: String? {
        guard let r = valueLabelsRange else { return nil }
        let chars = Array(source)
        guard r.upperBound <= chars.count else { return nil }
        return String(chars[r])
    }

    /// This definition with `clause` (another definition's `labels …`) written at its end, when it is a
    /// parameter, attribute or field without labels of its own; `nil` otherwise.
    func withValueLabels(_ clause: String) -> Definition? {
        guard valueLabels.isEmpty else { return nil }
        switch statement { case .param, .attribute, .field: break; default: return nil }
        return try? Definition(source: source + " " + clause, leading: leading, part: part)
    }

    /// Parses `source`; `part` names the shared plan part it belongs to.
    /// - Throws: `SourceError` with the place of the first mistake, or naming an unknown plan part.
    public init(source: String, leading: [String] = [], part: String? = nil) throws {
        self.source = source
        self.leading = leading
        self.part = part
        let parsed = try Parser.labelledStatement(source)
        self.statement = parsed.statement
        self.effective = parsed.effective?.month
        self.effectiveRange = parsed.effective?.range
        self.kindRange = parsed.kindRange
        self.valueLabels = parsed.labels
        self.valueLabelsRange = parsed.labelsRange
        if case .use(let name, _) = statement, PlanPart.named(name) == nil {
            let start = source.distance(from: source.startIndex, to: source.range(of: name)?.lowerBound ?? source.startIndex)
            throw SourceError(.version(.noPlanPart(name, parts: PlanPart.all.map(\.name))),
                              at: start..<(start + name.count), in: source)
        }
    }
}

/// A pay plan: parameters, inputs, attributes, rate tables and rules, in the
/// order they were written.
public struct Plan: Equatable, Sendable {
    public private(set) var definitions: [Definition] = [] { didSet { names = definitions.map(\.name) } }
    /// Each definition's name, in order (`definitions.map(\.name)`), so that finding one by name
    /// compares names without copying every definition it passes.
    private(set) var names: [String] = []
    /// Blank and comment lines after the last definition, kept as written.
    public var trailing: [String] = []

    public init(definitions: [Definition] = []) {
        for d in definitions { define(d) }
    }

    /// The definition named `name`, if any.
    /// - Complexity: O(definitions) name comparisons (`names`), copying only the one found (a search of
    ///   `definitions` copied every definition it passed: 5% of each line of a script of `agent add` lines).
    public func definition(named name: String) -> Definition? {
        names.firstIndex(of: name).map { definitions[$0] }
    }

    /// Adds a definition, or replaces the one with the same name in place.
    /// Returns the definition it replaced.
    ///
    /// `use PART` adds the part's definitions just after it, except those the plan
    /// defines itself (the plan's own definition wins, wherever it is written); a
    /// definition of the plan's own replaces a part's definition of that name in place.
    ///
    /// With `relabel` (the default) a redefinition that gives no label keeps the old one, written
    /// into its source; reading a plan file passes `false`, so the file's text is kept exactly.
    @discardableResult
    public mutating func define(_ d: Definition, relabel: Bool = true) -> Definition? {
        if d.effective != nil { return defineVersion(d) }
        if case .use(let partName, let gross) = d.statement, let part = PlanPart.named(partName) {
            let old = definitions.firstIndex(where: { $0.name == d.name }).map { definitions[$0] }
            // A repeated `use` (say with another gross figure) brings the part in afresh.
            definitions.removeAll { $0.name == d.name || $0.part == partName }
            let own = Set(definitions.map(\.name))
            definitions.append(d)
            definitions += part.definitions(gross: gross).filter { !own.contains($0.name) }
            return old
        }
        if let i = definitions.firstIndex(where: { $0.name == d.name }) {
            let old = definitions[i]
            var new = d
            // (A part's comments stay with the part: they are not written into the plan.)
            if new.leading.isEmpty && old.part == nil { new.leading = old.leading }
            // A redefinition that gives no label keeps the old one: `param rate = 2%` keeps "提成比例".
            if relabel, new.statement.label == nil, let label = old.statement.label, let relabelled = new.labelled(label) {
                new = relabelled
            }
            // Likewise its value labels: `param commission_mode = "pool"` keeps `labels "pool" "团队平分", …`.
            if relabel, sameKind(old.statement, new.statement), let clause = old.valueLabelsClause, let relabelled = new.withValueLabels(clause) {
                new = relabelled
            }
            // The comment kept above a table or rule that now says something else was written for the old
            // one (the tour's `table commission_tiers … 1.8% …` under "… 2% of 10万 …"): it says so, once.
            // A parameter's comment says what it means, which a new value does not change.
            if relabel, d.leading.isEmpty, new.saysAFormula, new.source.filter({ !$0.isWhitespace }) != old.source.filter({ !$0.isWhitespace }),
               !StatementText.comment(of: new.leading).isEmpty,
               new.leading.last != Definition.staleCommentNote {
                new.leading.append(Definition.staleCommentNote)
            }
            // Redefining the definition as first written keeps its dated versions.
            new.versions = old.versions
            definitions[i] = new
            return old
        }
        definitions.append(d)
        return nil
    }

    /// Whether two statements define the same kind of name (both parameters, attributes or fields).
    private func sameKind(_ a: Statement, _ b: Statement) -> Bool {
        switch (a, b) {
        case (.param, .param), (.attribute, .attribute), (.field, .field): true
        default: false
        }
    }

    /// The label the plan gives `value` of the parameter, attribute or field `name` (its `labels`
    /// clause: `"net30" "月结30天"`), or `nil` when it gives none.
    /// - Complexity: O(definitions + labels of `name`).
    public func valueLabel(of name: String, value: String) -> String? {
        definition(named: name)?.valueLabels.first { $0.value == value }?.label
    }

    /// Every value label of the plan (its parts' included), value → label, for text shown without the
    /// name it belongs to (a sentence of `explain`); where two names label one value differently, the
    /// first written wins.
    /// - Complexity: O(definitions + labels).
    public var valueLabelsByValue: [String: String] {
        var all: [String: String] = [:]
        for d in definitions { for l in d.valueLabels where all[l.value] == nil { all[l.value] = l.label } }
        return all
    }

    /// The labels to show text values of `name` by, value → label: its own `labels` clause when it has
    /// one, else every value label of the plan (`valueLabelsByValue`: a rule whose values are texts, such
    /// as the take-home part's `cheaper_bonus_taxation`, reads the labels of the values it gives);
    /// with `name` `nil`, every value label of the plan.
    /// - Complexity: O(definitions + labels).
    public func valueLabels(for name: String?) -> [String: String] {
        if let name, let d = definition(named: name), !d.valueLabels.isEmpty {
            return Dictionary(d.valueLabels.map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
        }
        return valueLabelsByValue
    }

    /// Adds the dated version `d` to the definition of its name (which `checkVersion` has found), or
    /// replaces the version of the same month; returns the version it replaced.
    /// - Complexity: O(definitions + versions).
    @discardableResult
    mutating func defineVersion(_ d: Definition) -> Definition? {
        guard let month = d.effective, let i = definitions.firstIndex(where: { $0.name == d.name }) else { return nil }
        var base = definitions[i]
        defer { definitions[i] = base }
        if let j = base.versions.firstIndex(where: { $0.effective == month }) {
            let old = base.versions[j]
            var new = d
            if new.leading.isEmpty { new.leading = old.leading }
            base.versions[j] = new
            return old
        }
        base.versions.append(d)
        base.versions.sort { $0.effective! < $1.effective! }
        return nil
    }

    /// Removes the version of `name` that takes effect in `month` (`drop from 2026-07 NAME`);
    /// returns it, or `nil` when there is none.
    /// - Complexity: O(definitions + versions).
    @discardableResult
    public mutating func removeVersion(_ name: String, from month: Month) -> Definition? {
        guard let i = definitions.firstIndex(where: { $0.name == name }),
              let j = definitions[i].versions.firstIndex(where: { $0.effective == month }) else { return nil }
        return definitions[i].versions.remove(at: j)
    }

    /// Why the dated version `d` cannot join this plan, or `nil` when it can: its name must be
    /// defined (not by a shared part), as a parameter, table or rule, and the version must be the
    /// same kind (a month rule's version is a month rule); a quarter, half or year rule's version
    /// starts in the first month of one of its periods.
    public func versionProblem(_ d: Definition) -> SourceError? {
        guard let month = d.effective else { return nil }
        guard let base = definition(named: d.name) else {
            return SourceError(.version(.noBase(d.name, from: month)),
                               at: d.effectiveRange, in: d.source)
        }
        if let part = base.part {
            return SourceError(.version(.fromPart(d.name, part: part)),
                               at: d.effectiveRange, in: d.source)
        }
        return Plan.versionMismatch(base: base, version: d)
    }

    /// Why `version` cannot be a version of `base` (another kind of definition, another period,
    /// a start inside a quarter for a quarter rule), or `nil`.
    public static func versionMismatch(base: Definition, version d: Definition) -> SourceError? {
        guard let month = d.effective else { return nil }
        func example(_ s: Statement) -> String {
            switch s {
            case .param: "param \(s.name) = …"
            case .table: "table \(s.name) …"
            case .rule(let dim, _, _, _): "\(dim) \(s.name) = …"
            default: ""
            }
        }
        switch base.statement {
        case .param, .table, .rule: break
        default:
            return SourceError(.version(.notVersionable(d.name, kind: SourceError.DefinitionKind(base.statement))),
                               at: d.effectiveRange, in: d.source)
        }
        var same = false
        switch (base.statement, d.statement) {
        case (.param, .param), (.table, .table): same = true
        case (.rule(let a, _, _, _), .rule(let b, _, _, _)): same = a == b
        default: same = false
        }
        guard same else {
            return SourceError(.version(.otherKind(d.name, kind: SourceError.DefinitionKind(base.statement), from: month, example: example(base.statement))),
                               at: d.kindRange, in: d.source)
        }
        if case .rule(let dim, _, _, _) = d.statement, dim.grain.months > 1, (month.month - 1) % dim.grain.months != 0 {
            return SourceError(.version(.periodStart(d.name, grain: dim.grain, starts: stride(from: 1, through: 12, by: dim.grain.months).map { Month(year: month.year, month: $0) })),
                               at: d.effectiveRange, in: d.source)
        }
        return nil
    }

    /// Refuses a version whose month lies outside `years` (the scenario's years).
    /// - Throws: `CompileError` naming the definition, with the month's place.
    /// - Complexity: O(definitions + versions).
    public func checkVersions(years: ClosedRange<Int>) throws {
        for d in definitions {
            for v in d.versions where !years.contains(v.effective!.year) {
                throw CompileError(definition: d.name, error: SourceError(.version(.outsideYears(v.effective!, years: years)),
                    at: v.effectiveRange, in: v.source))
            }
        }
    }

    /// Takes off the last definition when it is named `name`: undoes a `define` that added it (a new
    /// name, no dated version), which appends it, so the plan is again as it was. False (and nothing
    /// changed) when the last definition is named otherwise.
    /// - Complexity: O(definitions) (the names kept beside them).
    @discardableResult
    public mutating func removeLastDefinition(named name: String) -> Bool {
        guard definitions.last?.name == name else { return false }
        definitions.removeLast()
        return true
    }

    /// Removes the definition named `name`; returns it, or `nil` if there was none.
    ///
    /// Removing `use PART` removes the part's definitions too (the plan's own stay).
    /// Removing the plan's own definition of a name the part also defines brings the
    /// part's definition back in its place.
    @discardableResult
    public mutating func remove(_ name: String) -> Definition? {
        guard let i = definitions.firstIndex(where: { $0.name == name }) else { return nil }
        let removed = definitions.remove(at: i)
        if case .use(let partName, _) = removed.statement {
            definitions.removeAll { $0.part == partName }
        } else if removed.part == nil {
            for case .use(let partName, let gross) in definitions.map(\.statement) {
                if let back = PlanPart.named(partName)?.definitions(gross: gross).first(where: { $0.name == name }) {
                    definitions.insert(back, at: i)
                    break
                }
            }
        }
        return removed
    }

    /// The shared part a plan uses, by the `use` line (`takehome`), with the gross figure it reads.
    public var parts: [(part: String, gross: String)] {
        definitions.compactMap { d in
            if case .use(let p, let g) = d.statement { (p, g ?? "pay") } else { nil }
        }
    }

    /// The plan as source text: each definition with the blank and comment
    /// lines above it, as written. A part's definitions are not written out:
    /// the `use` line stands for them.
    public var sourceText: String {
        (definitions.filter { $0.part == nil }.flatMap { d in d.allVersions.flatMap { $0.leading + [$0.source] } } + trailing).joined(separator: "\n")
    }

    /// Parses a whole plan written as text: definitions separated by lines; a
    /// definition continues on the next line when a line ends with `:`, `,`,
    /// `\`, an operator, or inside open brackets. `#` lines are comments and
    /// attach to the next definition.
    ///
    /// - Throws: `PlanSourceError` naming the line and column of the first mistake.
    public static func parse(lines: [String]) throws -> Plan {
        var plan = Plan()
        // A line that holds a line break is read as the lines a save writes (one per line), so a file
        // that loads always reopens: a comment broken in two left its second half as plan text that
        // loaded as part of the comment and was refused after the save (long fuzz run, seed 9203 file 2524).
        let lines = lines.contains { $0.contains("\n") } ? lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } : lines
        for chunk in StatementText.group(lines) {
            guard let text = chunk.text else { plan.trailing = chunk.leading; continue }
            do {
                if chunk.incomplete { throw SourceError(.version(.endsMidDefinition)) }
                let def = try Definition(source: text, leading: chunk.leading)
                if def.effective != nil {
                    if let problem = plan.versionProblem(def) { throw problem }
                    if plan.definition(named: def.name)?.versions.contains(where: { $0.effective == def.effective }) == true {
                        throw SourceError(.version(.twoVersions(def.name, from: def.effective!)), at: def.effectiveRange, in: text)
                    }
                    plan.define(def, relabel: false)
                    continue
                }
                if let existing = plan.definition(named: def.name), existing.part == nil {
                    throw SourceError(.version(.definedTwice(def.name)))
                }
                plan.define(def, relabel: false)
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
    /// The plan line (1-based) where the error is: the statement's first line, moved down to the error's own.
    public var lineNumber: Int {
        var lineNo = line + 1
        if let r = error.range {
            lineNo += text.prefix(r.lowerBound).filter { $0 == "\n" }.count
        }
        return lineNo
    }
    public var description: String { "plan line \(lineNumber): \(error.message)" }
}

/// Rules about how statements span lines, shared by plan files and the session.
public enum StatementText {
    /// True when `text` cannot be complete yet: an open bracket, or a last
    /// line ending in `:`, `,`, `\`, `->`, `=`, an operator, or `then`/`else`/`and`/`or`.
    /// A `#` comment ends its line only, and a `"` left open ends at the end of its line.
    /// - Complexity: O(length of `text`).
    public static func needsContinuation(_ text: String) -> Bool {
        var depth = 0
        var last = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { last = scan(line, depth: &depth) }
        return depth > 0 || openEnding(last) != nil
    }

    /// The code of one line (its `# comment` removed), adding to `depth` the
    /// brackets it opens and closes outside quoted text. Text in quotes ends
    /// with the line, so an unclosed `"` cannot swallow the lines after it.
    /// - Complexity: O(length of `line`).
    static func scan<S: StringProtocol>(_ line: S, depth: inout Int) -> String {
        guard isPlain(line) else { return scanCharacters(line, depth: &depth) }
        // Plain text: each scalar is a character, so a scalar walk finds what the character walk finds.
        var quoted = false, previousIsSpace = true
        let u = line.unicodeScalars
        var end = u.endIndex, i = u.startIndex
        while i != u.endIndex {
            let c = u[i]
            if c == "\"" { quoted.toggle() }
            else if !quoted {
                if c == "#" && previousIsSpace { end = i; break }
                if c == "(" || c == "[" || c == "（" || c == "［" || c == "【" { depth += 1 }
                if c == ")" || c == "]" || c == "）" || c == "］" || c == "】" { depth = max(0, depth - 1) }
            }
            previousIsSpace = isPlainWhitespace(c.value)
            u.formIndex(after: &i)
        }
        return trimmedPlain(line[..<end])
    }

    /// `scan` character by character, for text that is not plain (`isPlain`).
    /// - Complexity: O(length of `line`).
    static func scanCharacters<S: StringProtocol>(_ line: S, depth: inout Int) -> String {
        var quoted = false
        var previous: Character = " "
        var end = line.endIndex
        for i in line.indices {
            let c = line[i]
            if c == "\"" { quoted.toggle() }
            else if !quoted {
                if c == "#" && previous.isWhitespace { end = i; break }
                if "([（［【".contains(c) { depth += 1 }
                if ")]）］】".contains(c) { depth = max(0, depth - 1) }
            }
            previous = c
        }
        return String(line[..<end]).trimmingCharacters(in: .whitespaces)
    }

    /// Whether scalar `v` is one the fast paths take: ASCII, Latin-1 (not the soft hyphen),
    /// general punctuation, CJK symbols, kana, CJK ideographs and fullwidth forms — leaving out
    /// every scalar that joins the one before it into one character (combining marks, the kana
    /// voicing marks, ZWJ, variation selectors, Hangul jamo). In a text of these each scalar is
    /// a character, the Unicode spaces among them are tab, space, U+00A0 and U+3000, and the
    /// white space the tab to CR, space, U+00A0 and U+3000.
    @inline(__always) static func isPlainScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20...0x7E, 0xA0...0xAC, 0xAE...0xFF,
             0x2010...0x2027, 0x2030...0x205E,
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
             0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }

    /// Every scalar of `s` is plain (`isPlainScalar`): plan text in ASCII and Chinese.
    /// - Complexity: O(length of `s`).
    static func isPlain<S: StringProtocol>(_ s: S) -> Bool {
        for u in s.utf8 where u >= 0x80 || u < 0x09 || (u > 0x0D && u < 0x20) || u == 0x7F {
            return s.unicodeScalars.allSatisfy { isPlainScalar($0.value) }
        }
        return true
    }

    /// Unicode White_Space among the plain scalars.
    @inline(__always) static func isPlainWhitespace(_ v: UInt32) -> Bool { (v >= 0x09 && v <= 0x0D) || v == 0x20 || v == 0xA0 || v == 0x3000 }

    /// `s.trimmingCharacters(in: .whitespaces)`: tab and the Unicode spaces (category Zs) off both
    /// ends, without Foundation for plain text (a line of a plan: a fifth of opening one was trimming).
    /// - Complexity: O(length of `s`).
    public static func trimmed<S: StringProtocol>(_ s: S) -> String {
        guard isPlain(s) else { return s.trimmingCharacters(in: .whitespaces) }
        return trimmedPlain(s)
    }

    /// `trimmed` for plain text.
    static func trimmedPlain<S: StringProtocol>(_ s: S) -> String {
        let u = s.unicodeScalars
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || c == "\u{3000}" }
        var a = u.startIndex, b = u.endIndex
        while a != b && isSpace(u[a]) { u.formIndex(after: &a) }
        while a != b {
            let p = u.index(before: b)
            guard isSpace(u[p]) else { break }
            b = p
        }
        return String(s[a..<b])
    }

    /// What a line's code ends with that asks for more (`*`, `,`, `then` …), or `nil`.
    static func openEnding(_ code: String) -> String? {
        guard !code.isEmpty else { return nil }
        for suffix in [":", ",", "\\", "->", "=", "+", "-", "*", "/", "×", "÷", "（", "，"] where code.hasSuffix(suffix) {
            // `lo, hi)` / a lone '-' sign at the end is still an operator: continue.
            return suffix
        }
        for word in ["then", "else", "and", "or", "if", "not"] where code.hasSuffix(" " + word) || code == word {
            return word
        }
        return nil
    }

    /// A statement gathered from lines: where it starts (0-based), its text
    /// (`nil` for a run of comments with no statement), and the comments just above it.
    public struct Chunk: Equatable {
        /// The 0-based line where the statement starts.
        public var line: Int
        /// The statement's text, or `nil` for lines after the last statement.
        public var text: String?
        /// The blank and comment lines just before it, as written.
        public var leading: [String]
        /// True when the input ended while the statement still expected more.
        public var incomplete: Bool
        /// Why a definition was cut short by the next command (the REPL words it).
        public enum Unfinished: Sendable, Equatable {
            /// A bracket it opens is never closed.
            case unclosedBracket
            /// It ends with this operator or word, so something is missing after it.
            case openEnding(String)
        }
        /// Why a definition cut short by the next command is unfinished (`nil` when it is whole):
        /// `a bracket it opens is never closed` or `it ends with '*'`.
        public var unfinished: Unfinished? = nil

        public init(line: Int, text: String?, leading: [String], incomplete: Bool, unfinished: Unfinished? = nil) {
            self.line = line; self.text = text; self.leading = leading; self.incomplete = incomplete; self.unfinished = unfinished
        }

        /// The comment lines directly above the statement, without `#`.
        public var comment: [String] { StatementText.comment(of: leading) }
    }

    /// The run of `#` lines at the end of `leading`, without the `#`.
    public static func comment(of leading: [String]) -> [String] {
        var out: [String] = []
        for line in leading.reversed() {
            let t = trimmed(line)
            guard t.hasPrefix("#") else { break }
            out.insert(trimmed(t.dropFirst()), at: 0)
        }
        return out
    }

    /// Groups lines into statements. A definition (`param`, `table`,
    /// `month` …) continues on the next line when that line is indented or
    /// the text so far is incomplete (an open bracket, a trailing operator),
    /// *and* the next line does not start a command (`startsCommand`, or a
    /// definition): so a typo such as `month y = (sales + 1` ends at the next
    /// command, which runs. Any command continues after a line ending in `\`.
    /// Blank and `#` lines between statements are kept as the next statement's
    /// `leading` lines.
    /// - Complexity: O(total length of the lines): each line is scanned once.
    public static func group<S: Sequence>(_ lines: S, startsCommand: (String) -> Bool = { _ in false }) -> [Chunk] where S.Element == String {
        var out: [Chunk] = []
        group(lines, startsCommand: startsCommand) { out.append($0); return true }
        return out
    }

    /// Streams statements to `body` as soon as each is complete (the line
    /// after it has been read); `body` returns false to stop.
    /// - Complexity: O(total length of the lines).
    public static func group<S: Sequence>(_ lines: S, startsCommand: (String) -> Bool = { _ in false }, _ body: (Chunk) -> Bool) where S.Element == String {
        var leading: [String] = []
        var stop = false
        var buffer: [String] = []
        var start = 0
        var isDefinition = false
        var depth = 0  // brackets open after the buffer's lines
        var lastCode = ""  // the code of the buffer's last line
        var continued = false  // the buffer's last line ends in `\`
        func unfinished() -> Chunk.Unfinished? {
            if depth > 0 { return .unclosedBracket }
            return openEnding(lastCode).map { .openEnding($0) }
        }
        func expectsMore(_ line: String) -> Bool {
            if continued { return true }
            guard isDefinition else { return false }
            let trimmed = StatementText.trimmed(line)
            let incomplete = depth > 0 || openEnding(lastCode) != nil
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return incomplete }
            if startsCommand(line) || Parser.startsDefinition(trimmed) { return false }
            return line.first?.isWhitespace == true || incomplete
        }
        func append(_ line: String) {
            buffer.append(line)
            lastCode = scan(line, depth: &depth)
            var raw = Substring(line)
            while raw.last == " " { raw.removeLast() }
            continued = raw.hasSuffix("\\")
        }
        func flush(atEnd: Bool) {
            if !buffer.isEmpty && !stop {
                let why = isDefinition ? unfinished() : nil
                stop = !body(Chunk(line: start, text: dedent(buffer.joined(separator: "\n")), leading: leading,
                                   incomplete: atEnd && (why != nil || continued), unfinished: atEnd ? nil : why))
                leading = []
            }
            buffer = []
        }
        for (index, line) in lines.enumerated() {
            if stop { return }
            if !buffer.isEmpty {
                if expectsMore(line) { append(line); continue }
                flush(atEnd: false)
            }
            let trimmed = StatementText.trimmed(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { leading.append(line); continue }
            start = index
            depth = 0
            isDefinition = Parser.startsDefinition(line)
            append(line)
        }
        flush(atEnd: true)
        if !leading.isEmpty && !stop { _ = body(Chunk(line: start, text: nil, leading: leading, incomplete: false)) }
    }

    /// Joins continuation lines: removes trailing `\` markers and the common indentation.
    public static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            while s.hasSuffix(" ") { s.removeLast() }
            if s.hasSuffix("\\") { s.removeLast() }
            return s
        }
        let first = lines.first.map { trimmed($0) } ?? ""
        return ([first] + lines.dropFirst()).joined(separator: "\n")
    }
}
