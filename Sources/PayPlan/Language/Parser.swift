/// Parses statements and expressions of the pay language.
///
/// The grammar, loosest binding first (see `docs/language.md` for examples):
///
///     dated      := ["from" MONTH] statement       (a version in effect from that month)
///     statement  := "param" NAME [TEXT] "=" expr [labels]
///                 | "input" dimension NAME [TEXT] ["default" expr] ["range" range]
///                 | ("attribute" | "field") NAME [TEXT] ["default" expr] ["range" range] [labels]
///                 | "table" NAME [TEXT] ["[lo, hi)" | "(lo, hi]"] ":" row ("," row)*
///                 | dimension NAME [TEXT] "=" expr
///                 | "report" "columns" NAME ("," NAME)* | "report" "total" NAME
///                 | "use" NAME ["on" NAME]
///                 | "payslip" ("earnings" | "deductions" | "info" | "total") NAME ("," NAME)*
///     labels     := "labels" TEXT TEXT ("," TEXT TEXT)*   (each value, then its label)
///     dimension  := ["team"] ("month" | "quarter" | "half" | "year") | "team"
///     row        := expr "->" expr
///     expr       := "if" expr "then" expr "else" expr | or
///     or         := and ("or" and)*        and := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := sum [("=" | "!=" | "<" | "<=" | ">" | ">=") sum]
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | "+" unary | primary   ("+" changes nothing: `+5` is 5)
///     primary    := NUMBER | TEXT | DATE | "yes" | "no" | "(" expr ")"
///                 | NAME ["[" PERIOD "]"] | NAME "(" arguments ")"
///
/// - Throws: `SourceError` at the first token that does not fit, with a
///   message that says what was expected.
public struct Parser {
    var tokens: [Token]
    var p = 0
    let source: String
    var depth = 0
    /// How much of `depth` the chains being parsed (`a + b + …`) make: a limit reached mostly by
    /// chains is said to be a long chain, not deep nesting.
    var chained = 0
    /// Where the defined name stands in `source` (the first name a statement reads).
    var definedName: SourceRange? = nil
    /// The statement's `labels` clause, each value with its label, in the order written.
    var valueLabels: [ValueLabel] = []
    /// Where the `labels` clause stands in `source`, from the word `labels` to its last label.
    var valueLabelsRange: SourceRange? = nil

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maximumDepth {
            throw fail(chained > Parser.maximumDepth / 2 ? .chainTooLong(maximum: Parser.maximumDepth) : .nestedTooDeep(maximum: Parser.maximumDepth))
        }
    }

    /// One more term of a chain (`a + b + …`, `x and y and …`): the tree grows a level per term,
    /// so the depth limit holds, but a chain that is most of the depth is said to be long.
    mutating func enterChain() throws {
        chained += 1
        try enter()
    }

    /// Words that cannot name a rule, input, parameter or table.
    public static let reserved: Set<String> = [
        "if", "then", "else", "and", "or", "not", "over", "where", "true", "false", "yes", "no",
        "param", "input", "attribute", "table", "team", "month", "quarter", "half", "year", "default", "report", "x", "payslip",
        "order", "field", "by", "in",
    ]
    static let grainWords: [String: Grain] = ["month": .month, "quarter": .quarter, "half": .half, "year": .year]
    static let aggregates: Set<String> = ["sum", "avg", "average", "min", "max", "count", "rank", "ties"]

    public init(_ source: String) throws {
        self.source = source
        self.tokens = try Lexer.tokenize(source)
    }

    /// Parses one whole statement (a definition). A leading `from 2026-07` is read and left out:
    /// `datedStatement` gives it.
    public static func statement(_ source: String) throws -> Statement {
        try datedStatement(source).statement
    }

    /// Parses one whole statement with its effective date: `from 2026-07 table commission_tiers …`
    /// gives the table and `(2026-07, range of "2026-07")`; a statement without `from` gives `nil`.
    /// `kindRange` is where the statement proper starts (its first word, after the date).
    /// - Throws: `SourceError` at the first token that does not fit; after `from` a month must follow.
    public static func datedStatement(_ source: String) throws -> (statement: Statement, effective: (month: Month, range: SourceRange)?, kindRange: SourceRange) {
        let d = try labelledStatement(source)
        return (d.statement, d.effective, d.kindRange)
    }

    /// `datedStatement`, with the statement's `labels` clause (`[]` without one) and where the clause stands.
    /// - Throws: `SourceError` at the first token that does not fit, at a value labelled twice
    ///   (`labelledTwice`) or at an empty label (`labelEmpty`).
    public static func labelledStatement(_ source: String) throws -> (statement: Statement, effective: (month: Month, range: SourceRange)?,
                                                                       kindRange: SourceRange, labels: [ValueLabel], labelsRange: SourceRange?) {
        var parser = try Parser(source)
        let effective = try parser.parseEffectiveDate()
        let kindRange = parser.current.range
        let s = try parser.parseStatement()
        try parser.expectEnd()
        return (s, effective, kindRange, parser.valueLabels, parser.valueLabelsRange)
    }

    /// Reads `from 2026-07` in front of a definition: the month a version of it takes effect.
    mutating func parseEffectiveDate() throws -> (month: Month, range: SourceRange)? {
        guard current.identifier == "from" else { return nil }
        _ = advance()
        let t = current
        guard case .period(let p) = t.kind, p.grain == .month else {
            throw fail(.fromNeedsMonth(found: t.kind))
        }
        _ = advance()
        if current.identifier == "from" { throw fail(.oneFrom) }
        return (p.start, t.range)
    }

    /// Parses one whole statement and says where its defined name stands
    /// (`nil` for `report` statements, which define no name of their own).
    public static func statementWithNameRange(_ source: String) throws -> (Statement, SourceRange?) {
        var parser = try Parser(source)
        _ = try parser.parseEffectiveDate()
        let s = try parser.parseStatement()
        try parser.expectEnd()
        if case .reportColumns = s { return (s, nil) }
        if case .reportTotal = s { return (s, nil) }
        return (s, parser.definedName)
    }

    /// Parses one whole expression.
    public static func expression(_ source: String) throws -> Expr {
        var parser = try Parser(source)
        let e = try parser.parseExpr()
        try parser.expectEnd()
        return e
    }

    /// True when `source` starts with a word that begins a definition.
    public static func startsDefinition(_ source: String) -> Bool {
        // The first two words only: a split that stops after them (the rest is its third piece, unread).
        let words = source.split(maxSplits: 2, whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).prefix(2).map(String.init)
        guard let first = words.first, StatementText.trimmed(source).hasPrefix(first) else { return false }
        if first == "report" { return words.count > 1 && (words[1] == "columns" || words[1] == "total") }
        if first == "payslip" { return true }
        if first == "order" && words.count > 1 && ["add", "set", "rm", "remove"].contains(words[1]) { return false }
        if first == "use" { return true }
        // `from 2026-07 table …`: a dated version of a definition.
        if first == "from" { return words.count > 1 }
        return ["param", "input", "attribute", "field", "table", "team", "order"].contains(first) || grainWords[first] != nil
    }

    /// How deeply a formula may nest (brackets, signs, chains of operators)
    /// before it is refused: deeper formulas are better split into rules,
    /// and the limit keeps evaluation's recursion far from the stack's end.
    public static let maximumDepth = 200

    /// The longest name (of a rule, input, table, agent, fork), in characters:
    /// long enough for any real name, short enough that a pasted paragraph is
    /// refused at once instead of slowing every later edit and suggestion.
    public static let maximumNameLength = 64

    // MARK: Helpers

    var current: Token { tokens[p] }
    mutating func advance() -> Token { let t = tokens[p]; if p < tokens.count - 1 { p += 1 }; return t }

    func fail(_ kind: SourceError.Kind, _ t: Token? = nil) -> SourceError {
        let tok = t ?? current
        let r = tok.kind == .end ? (max(0, tok.range.lowerBound)..<(tok.range.lowerBound + 1)) : tok.range
        return SourceError(kind, at: r, in: source)
    }


    mutating func expectSymbol(_ s: String, _ place: SourceError.SymbolPlace? = nil) throws {
        guard current.isSymbol(s) else { throw fail(.expectedSymbol(s, place: place, found: current.kind)) }
        _ = advance()
    }
    mutating func expectKeyword(_ s: String, _ hint: SourceError.KeywordHint? = nil) throws {
        guard current.isKeyword(s) else { throw fail(.expectedKeyword(s, hint: hint, found: current.kind)) }
        _ = advance()
    }
    mutating func expectEnd() throws {
        guard current.kind == .end else { throw fail(.trailing(found: current.kind)) }
    }

    mutating func name(_ what: SourceError.NameRole) throws -> String {
        guard let n = current.identifier else { throw fail(.expectedName(what, found: current.kind)) }
        if Parser.reserved.contains(n) { throw fail(.reservedName(n, what)) }
        if definedName == nil { definedName = current.range }
        _ = advance()
        return n
    }

    mutating func optionalLabel() -> String? {
        if case .string(let s) = current.kind { _ = advance(); return s }
        return nil
    }

    // MARK: Statements

    mutating func parseDimension() throws -> Dimension? {
        if current.isKeyword("order") { _ = advance(); return .order }
        var perAgent = true
        if current.isKeyword("team") { _ = advance(); perAgent = false }
        if let w = current.identifier, let g = Parser.grainWords[w] { _ = advance(); return Dimension(grain: g, perAgent: perAgent) }
        return perAgent ? nil : Dimension(grain: .none, perAgent: false)
    }

    public mutating func parseStatement() throws -> Statement {
        guard let word = current.identifier else { throw fail(.expectedDefinition(found: current.kind)) }
        switch word {
        case "param":
            _ = advance()
            let n = try name(.parameter)
            let label = optionalLabel()
            try expectSymbol("=")
            let value = try parseExpr()
            if current.isKeyword("labels") { try parseValueLabels() }
            return .param(name: n, label: label, value: value)
        case "attribute", "field":
            _ = advance()
            let n = try name(word == "field" ? .field : .attribute)
            let label = optionalLabel()
            if word == "field" {
                let (def, range) = try parseDefaultAndRange(labels: true)
                return .field(name: n, label: label, defaultValue: def, range: range)
            }
            let (def, range) = try parseDefaultAndRange(labels: true)
            return .attribute(name: n, label: label, defaultValue: def, range: range)
        case "input":
            _ = advance()
            guard let dim = try parseDimension(), !dim.perOrder else { throw fail(.expectedInputPeriod) }
            let n = try name(.input)
            let label = optionalLabel()
            let (def, range) = try parseDefaultAndRange()
            return .input(dimension: dim, name: n, label: label, defaultValue: def, range: range)
        case "table":
            _ = advance()
            let n = try name(.table)
            let label = optionalLabel()
            var sides = TierSides.lowerInclusive
            if current.isSymbol("[") || current.isSymbol("(") {
                let open = advance()
                try expectKeyword("lo"); try expectSymbol(","); try expectKeyword("hi")
                let close = advance()
                switch (open.kind, close.kind) {
                case (.symbol("["), .symbol(")")): sides = .lowerInclusive
                case (.symbol("("), .symbol("]")): sides = .upperInclusive
                default: throw fail(.tierSides, close)
                }
            }
            try expectSymbol(":", .afterTableName)
            var rows: [TableRow] = []
            repeat {
                if current.kind == .end && !rows.isEmpty { break }
                let t = try parseExpr()
                try expectSymbol("->", .betweenThresholdAndValue)
                let v = try parseExpr()
                rows.append(TableRow(threshold: t, value: v))
            } while current.isSymbol(",") && { _ = advance(); return true }()
            if current.kind != .end {
                throw fail(.expectedTierSeparator(found: current.kind))
            }
            var previous: Fixed? = nil
            for row in rows {
                guard case .number(let t) = row.threshold.kind else { previous = nil; continue }
                if let prev = previous, t <= prev {
                    throw SourceError(.thresholdsRise(t, after: prev), at: row.threshold.range, in: source)
                }
                previous = t
            }
            return .table(name: n, label: label, sides: sides, rows: rows)
        case "use":
            _ = advance()
            guard let part = current.identifier else { throw fail(.expectedPlanPart) }
            _ = advance()
            var gross: String? = nil
            if current.isKeyword("on") { _ = advance(); gross = try name(.grossPay) }
            return .use(part: part, gross: gross)
        case "report":
            _ = advance()
            if current.isKeyword("total") { _ = advance(); return .reportTotal(try name(.figure)) }
            try expectKeyword("columns", .reportColumns)
            var names = [try name(.figure)]
            while current.isSymbol(",") { _ = advance(); names.append(try name(.figure)) }
            return .reportColumns(names)
        case "payslip":
            _ = advance()
            let sections = PayslipSection.allCases.map(\.rawValue)
            guard let section = PayslipSection.allCases.first(where: { current.isKeyword($0.rawValue) }) else {
                throw fail(.payslipSection(sections))
            }
            _ = advance()
            var names = [try name(.figure)]
            while current.isSymbol(",") { _ = advance(); names.append(try name(.figure)) }
            if section == .total && names.count > 1 { throw fail(.payslipTotalOne) }
            return .payslip(section, names)
        default:
            guard let dim = try parseDimension() else {
                throw fail(.expectedDefinition(found: current.kind))
            }
            let n = try name(.rule)
            let label = optionalLabel()
            try expectSymbol("=", .afterRuleName)
            return .rule(dimension: dim, name: n, label: label, formula: try parseExpr())
        }
    }

    /// `default EXPR` and `range LO..HI` (and, with `labels`, a `labels` clause), in any order, each at most once.
    mutating func parseDefaultAndRange(labels: Bool = false) throws -> (Expr?, AmountRange?) {
        var def: Expr? = nil
        var range: AmountRange? = nil
        while true {
            if current.isKeyword("default") && def == nil { _ = advance(); def = try parseExpr(); continue }
            if current.isKeyword("range") && range == nil { _ = advance(); range = try parseRange(); continue }
            if labels && current.isKeyword("labels") && valueLabelsRange == nil { try parseValueLabels(); continue }
            return (def, range)
        }
    }

    /// `labels "cash" "现金", "net30" "月结30天"`: each text value followed by its label (`ValueLabel`).
    /// - Throws: `SourceError` (`labelsSyntax`) where a value or label is not a text, `labelledTwice` at a
    ///   value's second label, `labelEmpty` at an empty label (or value).
    mutating func parseValueLabels() throws {
        let start = advance().range.lowerBound
        var end = start
        repeat {
            let valueToken = current
            guard case .string(let value) = valueToken.kind else { throw fail(.labelsSyntax(found: current.kind)) }
            _ = advance()
            let labelToken = current
            guard case .string(let label) = labelToken.kind else { throw fail(.labelsSyntax(found: current.kind)) }
            _ = advance()
            if value.isEmpty { throw fail(.labelEmpty(value: nil), valueToken) }
            if label.allSatisfy(\.isWhitespace) { throw fail(.labelEmpty(value: value), labelToken) }
            if valueLabels.contains(where: { $0.value == value }) { throw fail(.labelledTwice(value), valueToken) }
            valueLabels.append(ValueLabel(value: value, label: label))
            end = labelToken.range.upperBound
        } while current.isSymbol(",") && { _ = advance(); return true }()
        valueLabelsRange = start..<end
    }

    /// `0..`, `0..100`, `..5万`, `-100..100`: amounts written as constants.
    mutating func parseRange() throws -> AmountRange {
        let start = current
        var lower: Fixed? = nil, upper: Fixed? = nil
        if !current.isSymbol("..") {
            lower = try rangeEnd(try parseSum())
        }
        guard current.isSymbol("..") else {
            throw fail(.rangeSyntax)
        }
        _ = advance()
        if current.kind != .end && !current.isKeyword("default") && !current.isKeyword("labels") {
            upper = try rangeEnd(try parseSum())
        }
        if lower == nil && upper == nil { throw fail(.rangeNeedsEnd, start) }
        if let l = lower, let u = upper, l > u {
            throw fail(.rangeEmpty(l, above: u), start)
        }
        return AmountRange(lower: lower, upper: upper)
    }

    func rangeEnd(_ e: Expr) throws -> Fixed {
        do { return try e.constantAmount(in: source) } catch {
            throw SourceError(.rangeEnds, at: e.range, in: source)
        }
    }

    // MARK: Expressions

    public mutating func parseExpr() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        if current.isKeyword("if") {
            let start = advance().range.lowerBound
            let c = try parseExpr()
            try expectKeyword("then", .afterIfCondition)
            let a = try parseExpr()
            guard current.isKeyword("else") else {
                throw fail(.expectedElse(found: current.kind))
            }
            _ = advance()
            let b = try parseExpr()
            return Expr(.ifThen(c, a, b), start..<b.range.upperBound)
        }
        return try parseOr()
    }

    mutating func parseOr() throws -> Expr {
        var l = try parseAnd()
        let saved = depth, savedChained = chained
        defer { depth = saved; chained = savedChained }
        while current.isKeyword("or") { try enterChain(); _ = advance(); let r = try parseAnd(); l = Expr(.binary(op: "or", l, r), l.range.lowerBound..<r.range.upperBound) }
        return l
    }
    mutating func parseAnd() throws -> Expr {
        var l = try parseNot()
        let saved = depth, savedChained = chained
        defer { depth = saved; chained = savedChained }
        while current.isKeyword("and") { try enterChain(); _ = advance(); let r = try parseNot(); l = Expr(.binary(op: "and", l, r), l.range.lowerBound..<r.range.upperBound) }
        return l
    }
    mutating func parseNot() throws -> Expr {
        if current.isKeyword("not") {
            try enter()
            defer { depth -= 1 }
            let s = advance().range.lowerBound
            let e = try parseNot()
            return Expr(.unary(op: "not", e), s..<e.range.upperBound)
        }
        return try parseComparison()
    }
    mutating func parseComparison() throws -> Expr {
        let l = try parseSum()
        // `product in ("seo", "vi")`: the same as product = "seo" or product = "vi".
        if current.isKeyword("in") || (current.isKeyword("not") && tokens[p + 1].isKeyword("in")) {
            let negated = current.isKeyword("not")
            if negated { _ = advance() }
            _ = advance()
            guard current.isSymbol("(") else { throw fail(.choicesInBrackets(negated: negated)) }
            _ = advance()
            var choices = [try parseSum()]
            while current.isSymbol(",") { _ = advance(); choices.append(try parseSum()) }
            guard current.isSymbol(")") else { throw fail(.closeChoices) }
            let end = advance().range.upperBound
            var e = Expr(.binary(op: "=", l, choices[0]), l.range.lowerBound..<end)
            for c in choices.dropFirst() {
                e = Expr(.binary(op: "or", e, Expr(.binary(op: "=", l, c), l.range.lowerBound..<end)), l.range.lowerBound..<end)
            }
            return negated ? Expr(.unary(op: "not", e), l.range.lowerBound..<end) : e
        }
        for op in ["=", "!=", "<", "<=", ">", ">="] where current.isSymbol(op) {
            _ = advance()
            let r = try parseSum()
            return Expr(.binary(op: op, l, r), l.range.lowerBound..<r.range.upperBound)
        }
        return l
    }
    mutating func parseSum() throws -> Expr {
        var l = try parseProduct()
        let saved = depth, savedChained = chained
        defer { depth = saved; chained = savedChained }
        while current.isSymbol("+") || current.isSymbol("-") {
            try enterChain()
            guard case .symbol(let op) = advance().kind else { break }
            let r = try parseProduct()
            l = Expr(.binary(op: op, l, r), l.range.lowerBound..<r.range.upperBound)
        }
        return l
    }
    mutating func parseProduct() throws -> Expr {
        var l = try parseUnary()
        let saved = depth, savedChained = chained
        defer { depth = saved; chained = savedChained }
        while current.isSymbol("*") || current.isSymbol("/") {
            try enterChain()
            guard case .symbol(let op) = advance().kind else { break }
            let r = try parseUnary()
            l = Expr(.binary(op: op, l, r), l.range.lowerBound..<r.range.upperBound)
        }
        return l
    }
    mutating func parseUnary() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        if current.isSymbol("-") {
            let s = advance().range.lowerBound
            let e = try parseUnary()
            return Expr(.unary(op: "-", e), s..<e.range.upperBound)
        }
        // `+5` as a spreadsheet or an export writes a positive amount: the value itself (no node, so that an
        // amount typed `+5` is the number 5 wherever one is read: inputs, order fields, offer, sweep).
        if current.isSymbol("+") {
            let s = advance().range.lowerBound
            let e = try parseUnary()
            return Expr(e.kind, s..<e.range.upperBound)
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> Expr {
        let t = current
        switch t.kind {
        case .number(let n): _ = advance(); return Expr(.number(n), t.range)
        case .string(let s): _ = advance(); return Expr(.text(s), t.range)
        case .date(let d): _ = advance(); return Expr(.date(d), t.range)
        case .period(let p): throw fail(.periodOutsideBrackets(p))
        case .symbol("("):
            _ = advance()
            let e = try parseExpr()
            guard current.isSymbol(")") else { throw fail(.closeParen, t) }
            let end = advance().range.upperBound
            return Expr(e.kind, t.range.lowerBound..<end)
        case .identifier(let n):
            if n == "yes" || n == "true" { _ = advance(); return Expr(.bool(true), t.range) }
            if n == "no" || n == "false" { _ = advance(); return Expr(.bool(false), t.range) }
            if n == "if" { return try parseExpr() }
            if Parser.reserved.contains(n) && n != "x" && Parser.grainWords[n] == nil {
                throw fail(.valueNotWord(n))
            }
            _ = advance()
            if current.isSymbol("(") { return try parseCall(n, t) }
            if current.isSymbol("[") {
                _ = advance()
                let pt = current
                var period: Period
                switch pt.kind {
                case .period(let per): period = per
                case .number(let y) where y.fen != nil && y >= 1000 && y <= 9999 && y.rounded(toDigits: 0) == y:
                    period = Period(grain: .year, start: Month(year: Int(y.raw / Fixed.scale), month: 1))
                default: throw fail(.periodInBrackets, pt)
                }
                _ = advance()
                guard current.isSymbol("]") else { throw fail(.closeBracket) }
                let end = advance().range.upperBound
                return Expr(.at(name: n, period: period), t.range.lowerBound..<end)
            }
            return Expr(.name(n), t.range)
        case .end:
            throw fail(.endsEarly)
        default:
            throw fail(.expectedValue(found: t.kind))
        }
    }

    mutating func parseCall(_ n: String, _ nameToken: Token) throws -> Expr {
        _ = advance() // (
        let start = nameToken.range.lowerBound
        func close() throws -> Int {
            guard current.isSymbol(")") else { throw fail(.closeCall(n, found: current.kind)) }
            return advance().range.upperBound
        }
        if Parser.aggregates.contains(n) {
            let fn = n == "average" ? "avg" : n
            // count(agents where …), count(half where …)
            if fn == "count", let w = current.identifier, let scope = scopeWord(w),
               tokens[p + 1].isKeyword("where") || tokens[p + 1].isSymbol(")") {
                _ = advance()
                let filter = try parseWhere()
                return Expr(.aggregate(function: fn, value: nil, scope: scope, filter: filter), start..<(try close()))
            }
            let value = try parseExpr()
            if current.isKeyword("over") {
                _ = advance()
                guard let w = current.identifier, var scope = scopeWord(w) else {
                    throw fail(.expectedScope)
                }
                _ = advance()
                if case .orders = scope, current.isKeyword("by") { _ = advance(); scope = .orders(by: try parseExpr()) }
                let filter = try parseWhere()
                return Expr(.aggregate(function: fn, value: value, scope: scope, filter: filter), start..<(try close()))
            }
            if fn == "rank" || fn == "ties" {
                let filter = try parseWhere()
                return Expr(.aggregate(function: fn, value: value, scope: .agents, filter: filter), start..<(try close()))
            }
            if fn == "min" || fn == "max" {
                var args = [value]
                while current.isSymbol(",") { _ = advance(); args.append(try parseExpr()) }
                return Expr(.call(name: fn, args: args), start..<(try close()))
            }
            throw fail(.needsOver(n))
        }
        if n == "allocate" {
            let total = try parseExpr()
            try expectSymbol(",", .betweenTotalAndWeight)
            let weight = try parseExpr()
            var scope = Scope.orders(by: nil)
            if current.isKeyword("over") {
                _ = advance()
                guard let w = current.identifier, let sc = scopeWord(w), sc != .period(.quarter), sc != .period(.half), sc != .period(.year) else {
                    throw fail(.allocateAmong)
                }
                if case .orders(let by) = sc, by != nil { throw fail(.allocateOrdersOfMonth) }
                _ = advance()
                scope = sc
            }
            return Expr(.allocate(total: total, weight: weight, scope: scope), start..<(try close()))
        }
        var args: [Expr] = []
        if !current.isSymbol(")") {
            args.append(try parseExpr())
            while current.isSymbol(",") { _ = advance(); args.append(try parseExpr()) }
        }
        return Expr(.call(name: n, args: args), start..<(try close()))
    }

    func scopeWord(_ w: String) -> Scope? {
        if w == "agents" || w == "team" { return .agents }
        if w == "orders" { return .orders(by: nil) }
        if let g = Parser.grainWords[w], g != .month { return .period(g) }
        return nil
    }

    mutating func parseWhere() throws -> Expr? {
        guard current.isKeyword("where") else { return nil }
        _ = advance()
        return try parseExpr()
    }
}
