extension SourceError {
    /// What a `SourceError` says, as data: the REPL renders each case in English and Chinese
    /// (`SourceProblem` in PayPlanREPL); `english` is its English text.
    public enum Kind: Equatable, Sendable {
        // The lexer.
        /// A text (`"…"`, `“…”`, `「…」`) without its closing mark `close`.
        case unclosedText(close: Character)
        /// A name of `length` characters, over `maximum`.
        case nameTooLong(length: Int, maximum: Int)
        /// A character the pay language has no use for.
        case unexpectedCharacter(Character)
        /// `%` with no number right before it (`abc%`, `-> %`): the name before it, if any.
        case percentWithoutNumber(after: String?)
        /// Four digits and `-` that read as neither a date nor a period.
        case notDateOrPeriod(String)
        /// `1,00`: a comma that does not group three digits.
        case commaGroup(String)
        /// More decimals than `Fixed` holds (`digits`).
        case tooManyDecimals(String, digits: Int)
        /// An amount above 10²⁶.
        case tooLarge(String)
        /// `1e6`: payplan does not read exponents.
        case exponent(String)
        /// Digits followed by letters that are no unit.
        case notANumber(String)
        // Constant amounts (`Expr.constantAmount`).
        /// A constant that divides by zero or overflows.
        case notComputable
        /// A value that is not an amount where an amount is entered.
        case inputNotAmount
        // The parser.
        /// Brackets nested deeper than `maximum`.
        case nestedTooDeep(maximum: Int)
        /// More than about `maximum` terms joined one after another by `+ - * /`, `and` or `or`
        /// (each joins the tree one level deeper, so the same limit applies, but nothing is nested).
        case chainTooLong(maximum: Int)
        /// `from` not followed by a month.
        case fromNeedsMonth(found: Token.Kind)
        /// Two `from` dates.
        case oneFrom
        /// `symbol` expected (at `place`), `found` instead.
        case expectedSymbol(String, place: SymbolPlace?, found: Token.Kind)
        /// Keyword `word` expected, `found` instead.
        case expectedKeyword(String, hint: KeywordHint?, found: Token.Kind)
        /// Something after a complete statement.
        case trailing(found: Token.Kind)
        /// A name of `role` expected, `found` instead.
        case expectedName(NameRole, found: Token.Kind)
        /// A reserved word used as a name of `role`.
        case reservedName(String, NameRole)
        /// A statement that starts with no definition word.
        case expectedDefinition(found: Token.Kind)
        /// `input` without its period.
        case expectedInputPeriod
        /// Tier sides other than `[lo, hi)` or `(lo, hi]`.
        case tierSides
        /// Something other than `,` or the end after a tier.
        case expectedTierSeparator(found: Token.Kind)
        /// A threshold (CNY) not above the one before it.
        case thresholdsRise(Fixed, after: Fixed)
        /// `use` without a part's name.
        case expectedPlanPart
        /// `payslip` without one of `sections`.
        case payslipSection([String])
        /// `payslip total` naming more than one figure.
        case payslipTotalOne
        /// A range not written `LO..HI`.
        case rangeSyntax
        /// `..` with neither end.
        case rangeNeedsEnd
        /// A range whose low end (CNY) is above its high end.
        case rangeEmpty(Fixed, above: Fixed)
        /// A range end that is not a constant amount.
        case rangeEnds
        /// A `labels` clause where a text value or its label belongs, `found` instead.
        case labelsSyntax(found: Token.Kind)
        /// A `labels` clause that labels the value `value` a second time.
        case labelledTwice(String)
        /// An empty label for `value` in a `labels` clause, or (`nil`) an empty value.
        case labelEmpty(value: String?)
        /// `if … then …` without `else`.
        case expectedElse(found: Token.Kind)
        /// `in` / `not in` without brackets.
        case choicesInBrackets(negated: Bool)
        /// The choices of `in (…)` without `)`.
        case closeChoices
        /// A period standing alone in a formula.
        case periodOutsideBrackets(Period)
        /// `(` without its `)`.
        case closeParen
        /// A keyword where a value belongs.
        case valueNotWord(String)
        /// `[ ]` holding no period.
        case periodInBrackets
        /// `[period` without `]`.
        case closeBracket
        /// The formula stops where a value belongs.
        case endsEarly
        /// `found` where a value belongs.
        case expectedValue(found: Token.Kind)
        /// `function(` without `)`.
        case closeCall(String, found: Token.Kind)
        /// `over` followed by no scope.
        case expectedScope
        /// An aggregate without `over`.
        case needsOver(String)
        /// `allocate` over a period.
        case allocateAmong
        /// `allocate` over orders by a key.
        case allocateOrdersOfMonth
        // Agents (`Agent.set`).
        /// `hired=`/`left=` (`key`) not a date.
        case expectedDate(key: String, text: String)
        /// `base=` not an amount.
        case expectedBase(String)
        // Dated versions, shared parts, a plan file's definitions.
        /// A problem with a dated version, a `use` line or a plan's definitions.
        case version(VersionProblem)
        // The compiler.
        /// A name the plan does not define, with the closest name it does define, if one is close.
        case unknownName(String, suggestion: String?)
        /// A name, function or figure used where it does not fit.
        case compile(CompileProblem)
    }

    /// Where a symbol was expected.
    public enum SymbolPlace: Equatable, Sendable {
        case afterTableName, betweenThresholdAndValue, afterRuleName, betweenTotalAndWeight
    }
    /// What an expected keyword's error adds.
    public enum KeywordHint: Equatable, Sendable { case reportColumns, afterIfCondition }
    /// The kind of name a statement expects.
    public enum NameRole: Equatable, Sendable {
        case parameter, field, attribute, input, table, grossPay, figure, rule
    }
}

extension Token.Kind {
    /// How an error names the token in English: `'x'`, `number 3`, `the end of the line`.
    public var english: String {
        switch self {
        case .end: "the end of the line"
        case .identifier(let s): "'\(s)'"
        case .symbol(let s): "'\(s)'"
        case .number(let n): "number \(n)"
        case .string(let s): "text \"\(s)\""
        case .date(let d): "date \(d)"
        case .period(let p): "period \(p)"
        }
    }
}

extension SourceError.NameRole {
    /// `a parameter name`, … as the English error says it.
    public var english: String {
        switch self {
        case .parameter: "a parameter name"
        case .field: "a field name"
        case .attribute: "an attribute name"
        case .input: "an input name"
        case .table: "a table name"
        case .grossPay: "the plan's gross pay figure (use takehome on pay)"
        case .figure: "a figure name"
        case .rule: "a rule name"
        }
    }
}

extension SourceError.Kind {
    /// The error in English.
    public var english: String {
        switch self {
        case .unclosedText(let c): "this text has no closing \(c)"
        case .nameTooLong(let n, let m): "this name is \(n) characters long; names are at most \(m)"
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .percentWithoutNumber(let n):
            "a percent sign needs a number right before it, e.g. 2% or 0.5%" + (n.map { "; '\($0)%' is not one: if \($0) holds a number of percent, write \($0) / 100" } ?? "")
        case .notDateOrPeriod(let t): "'\(t)' is neither a date (2026-03-15) nor a period (2026-03, 2026-Q1, 2026-H1)"
        case .commaGroup(let t): "'\(t)': a comma groups exactly three digits (1,000); between arguments put a space after the comma"
        case .tooManyDecimals(let t, let d): "'\(t)' has more than \(d) decimals"
        case .tooLarge(let t): "'\(t)' is too large (amounts go up to 10²⁶)"
        case .exponent(let t): "'\(t)' is not a number: payplan does not read exponents; write the amount out, e.g. 100000 or 10万 (amounts go up to 10²⁶)"
        case .notANumber(let t): "'\(t)' is not a number: write amounts like 12万, 1.5万, 40k, 40,000, ¥40000 or 2%"
        case .notComputable: "this amount cannot be computed (division by zero or too large)"
        case .inputNotAmount: "an input must be an amount such as 12万, 40k, 40,000 or ¥40000"
        case .nestedTooDeep(let m): "this formula nests more than \(m) levels deep; split it into several rules"
        case .chainTooLong(let m): "this formula joins more than about \(m) terms in one chain (with + - * / and or); split it into several rules, e.g. part_a = the first half and part_b = the rest, then part_a + part_b"
        case .fromNeedsMonth(let f): "after 'from' write the month the change takes effect, e.g. from 2026-07 table commission_tiers …; found \(f.english)"
        case .oneFrom: "one 'from' date per definition"
        case .expectedSymbol(let s, let place, let f):
            "expected '\(s)'" + (place.map { " " + $0.english } ?? "") + " but found \(f.english)"
        case .expectedKeyword(let w, let hint, let f): "expected '\(w)' but found \(f.english)" + (hint?.english ?? "")
        case .trailing(let f): "unexpected \(f.english) after a complete statement (is an operator or a comma missing before it?)"
        case .expectedName(let role, let f): "expected \(role.english) but found \(f.english)"
        case .reservedName(let n, let role): "'\(n)' is a reserved word and cannot be \(role.english)"
        case .expectedDefinition(let f): "expected a definition (param, input, table, month, quarter, half, year, team …) but found \(f.english)"
        case .expectedInputPeriod: "expected the input's period after 'input': month, quarter, half, year, or team (an order's data are fields: field NAME)"
        case .tierSides: "write the tier sides as [lo, hi) or (lo, hi]"
        case .expectedTierSeparator(let f): "expected ',' between the table's tiers, or the end of the table, but found \(f.english)"
        case .thresholdsRise(let t, let prev): "thresholds must rise from tier to tier: \(t.moneyText) comes after \(prev.moneyText)"
        case .expectedPlanPart: "expected the name of a plan part after 'use', as in use takehome"
        case .payslipSection(let s): "after payslip write one of \(s.joined(separator: ", ")), e.g. payslip earnings base_pay, commission"
        case .payslipTotalOne: "payslip total names one figure, e.g. payslip total pay"
        case .rangeSyntax: "write a range as LO..HI, LO.. or ..HI, e.g. range 0.. (no negative amounts)"
        case .rangeNeedsEnd: "a range needs at least one end, e.g. range 0.."
        case .rangeEmpty(let l, let u): "this range is empty: \(l.moneyText) is above \(u.moneyText)"
        case .rangeEnds: "a range's ends are amounts written out, such as 0, 5万 or -100"
        case .labelsSyntax(let f): "after labels write each value and its label as two texts, e.g. labels \"cash\" \"现金\", \"net30\" \"月结30天\", but found \(f.english)"
        case .labelledTwice(let v): "the value \"\(v)\" is labelled twice: give each value one label"
        case .labelEmpty(let v?): "the label of \"\(v)\" is empty: write what staff should read for it"
        case .labelEmpty(nil): "an empty value cannot be labelled: write the value as formulas and files write it"
        case .expectedElse(let f): "expected 'else' but found \(f.english): every 'if' needs an 'else' (write 'else 0' if nothing is paid)"
        case .choicesInBrackets(let negated): "write the choices in brackets: \(negated ? "not in" : "in") (\"a\", \"b\")"
        case .closeChoices: "expected ')' after the choices"
        case .periodOutsideBrackets(let p): "a period such as \(p) can only stand inside [ ] after a figure, as in revenue[\(p)]"
        case .closeParen: "expected ')' to close the '(' opened here"
        case .valueNotWord(let n): "expected a value but found the word '\(n)'"
        case .periodInBrackets: "expected a period such as 2026-03, 2026-Q1, 2026-H1 or 2026 inside [ ]"
        case .closeBracket: "expected ']' after the period"
        case .endsEarly: "the formula ends too early: a value is missing here"
        case .expectedValue(let f): "expected a value but found \(f.english)"
        case .closeCall(let n, let f): "expected ')' to close \(n)( but found \(f.english)"
        case .expectedScope: "expected what to run over: agents, orders, quarter, half or year"
        case .needsOver(let n): "\(n)(…) needs 'over': for example \(n)(revenue over half) or \(n)(sales over agents)"
        case .allocateAmong: "allocate shares among orders or agents: allocate(pool, 1 over agents)"
        case .allocateOrdersOfMonth: "allocate shares among the orders of the month"
        case .expectedDate(let k, let t): "\(k)=\(t): expected a date such as 2025-06-01"
        case .expectedBase(let t): "base=\(t): expected an amount such as 3000, 3k or 0.3万"
        case .version(let p): p.english
        case .compile(let p): p.english
        case .unknownName(let n, let s): "unknown name '\(n)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        }
    }
}

extension SourceError.SymbolPlace {
    /// As the English error says it.
    public var english: String {
        switch self {
        case .afterTableName: "after the table name"
        case .betweenThresholdAndValue: "between a tier's threshold and its value"
        case .afterRuleName: "after the rule's name"
        case .betweenTotalAndWeight: "between the total and the weight: allocate(commission, amount)"
        }
    }
}

extension SourceError.KeywordHint {
    /// As the English error adds it.
    public var english: String {
        switch self {
        case .reportColumns: " (write 'report columns a, b, c' or 'report total pay')"
        case .afterIfCondition: " after the condition of 'if'"
        }
    }
}
