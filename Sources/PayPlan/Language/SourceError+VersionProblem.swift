extension SourceError {
    /// What is wrong with a dated version (`from 2026-07 …`), a `use` line or a plan's
    /// definitions as a whole, as data: the REPL renders each case in English and Chinese
    /// (`SourceErrorMessage`); `english` is its English text.
    public enum VersionProblem: Equatable, Sendable {
        /// `use NAME` where no shared plan part has that name; the parts there are.
        case noPlanPart(String, parts: [String])
        /// A version `from` a month of a name the plan does not define.
        case noBase(String, from: Month)
        /// A version of a definition a shared part brings in.
        case fromPart(String, part: String)
        /// A version of a definition of a kind that has no versions (an input, an attribute …).
        case notVersionable(String, kind: DefinitionKind)
        /// A version of another kind than its definition; `example` is how a version of it starts (REPL syntax).
        case otherKind(String, kind: DefinitionKind, from: Month, example: String)
        /// A version of a quarter, half or year rule that does not start with one of its periods (`starts`).
        case periodStart(String, grain: Grain, starts: [Month])
        /// A version taking effect outside the scenario's `years`.
        case outsideYears(Month, years: ClosedRange<Int>)
        /// A name with versions used where there is no month to choose one by (a parameter, or
        /// `orAttribute` an attribute's default).
        case noMonthToChoose(String, from: Month, orAttribute: Bool)
        /// Two versions of one name from the same month in a plan file.
        case twoVersions(String, from: Month)
        /// A name defined twice in a plan file.
        case definedTwice(String)
        /// A plan file that ends inside a definition.
        case endsMidDefinition
        /// A definition redefined as another kind while versions of its old kind remain (`starts`);
        /// `drop` is the month of the first such version (REPL syntax `drop from MONTH NAME`).
        case oldKindVersions(String, starts: [Month], drop: Month)
    }

    /// What kind of definition a name is, for the errors about versions.
    public enum DefinitionKind: Equatable, Sendable {
        case parameter, rateTable, input, attribute, orderField, other
        /// A rule of this dimension (an order rule, a month rule, a team quarter rule …).
        case rule(Dimension)

        /// The kind of `statement`.
        public init(_ statement: Statement) {
            switch statement {
            case .param: self = .parameter
            case .table: self = .rateTable
            case .rule(let dim, _, _, _): self = .rule(dim)
            case .input: self = .input
            case .attribute: self = .attribute
            case .field: self = .orderField
            default: self = .other
            }
        }

        /// `a parameter`, `a month rule`, `an order rule` …
        public var english: String {
            switch self {
            case .parameter: "a parameter"
            case .rateTable: "a rate table"
            case .rule(let dim): dim.perOrder ? "an order rule" : "a \(dim) rule"
            case .input: "an input"
            case .attribute: "an attribute"
            case .orderField: "an order field"
            case .other: "another kind of definition"
            }
        }
    }
}

extension SourceError.VersionProblem {
    /// The problem in English.
    public var english: String {
        switch self {
        case .noPlanPart(let n, let parts): "no plan part named '\(n)'; parts: \(parts.joined(separator: ", "))"
        case .noBase(let n, let m): "no definition named '\(n)' to change from \(m): define it first (without 'from'), then add versions"
        case .fromPart(let n, let p): "'\(n)' comes from the \(p) part: define it in the plan first (without 'from'), then add versions"
        case .notVersionable(let n, let k): "only parameters, rate tables and rules change from a date; '\(n)' is \(k.english)"
        case .otherKind(let n, let k, let m, let example): "'\(n)' is \(k.english); a version of it must be one too: from \(m) \(example)"
        case .periodStart(let n, let g, let starts):
            "'\(n)' is a \(g.keyword) rule: a version of it starts with a \(g.keyword) (\(starts.map(\.description).joined(separator: ", ")))"
        case .outsideYears(let m, let y):
            "\(m) is outside the scenario's years (\(y.lowerBound == y.upperBound ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)")): a version takes effect in a month of them"
        case .noMonthToChoose(let n, let m, let attr):
            "'\(n)' changes from \(m): a parameter\(attr ? " or attribute" : "") has no month to choose a version by; use it in a month rule"
        case .twoVersions(let n, let m): "'\(n)' has two versions from \(m) in this plan"
        case .definedTwice(let n): "'\(n)' is defined twice in this plan"
        case .endsMidDefinition: "the plan ends in the middle of this definition"
        case .oldKindVersions(let n, let starts, let d):
            "'\(n)' has dated versions (from \(starts.map(\.description).joined(separator: ", "))) of its old kind: drop them first (drop from \(d) \(n))"
        }
    }
}
