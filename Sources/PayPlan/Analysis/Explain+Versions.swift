/// Which dated version of a definition (`from 2026-07 …`) a cell used, for `explain`.
///
/// A cell uses the version in force on its period's first day (a month's, a quarter's …): the
/// latest version that takes effect in or before that month, else the definition as first written.
public struct VersionUsed: Equatable, Sendable {
    /// The month the version takes effect, or `nil` for the definition as first written.
    public var from: Month?
    /// The month the next version takes effect, or `nil` when this is the latest.
    public var next: Month?
    public init(from: Month?, next: Month?) { self.from = from; self.next = next }

    /// The version of `d` in force in `month`, or `nil` when `d` has no versions.
    /// - Complexity: O(versions).
    public static func of(_ d: Definition?, at month: Month?) -> VersionUsed? {
        guard let d, !d.versions.isEmpty, let month else { return nil }
        let starts = d.versions.map { $0.effective! }
        let from = starts.last { $0 <= month }
        return VersionUsed(from: from, next: starts.first { $0 > month })
    }

    /// `version from 2026-07`, or `version before 2026-07` for the definition as first written.
    public var description: String {
        if let from { return "version from \(from)" }
        return "version before \(next.map { "\($0)" } ?? "")"
    }
}

extension Engine {
    /// The first month of the period a cell at `k` is computed for (`nil` for a parameter).
    func versionMonth(_ k: Coordinates) -> Month? {
        k.grain == .none ? nil : period(k.grain, k.period).start
    }

    /// When `e` is the choice between versions of a table or parameter the compiler made, the
    /// branch taken at `k`; `nil` for any other expression.
    func versionTaken(_ e: CExpr, _ k: Coordinates) -> CExpr? {
        guard let choice = e.versionChoice, let m = versionMonth(k) else { return nil }
        switch choice.then {
        case .table(_, let name, _, _, _): guard plan.versionStarts[name]?.contains(choice.from) == true else { return nil }
        case .ref(let r, _): guard plan.parameterVersions[r] != nil else { return nil }
        default: return nil
        }
        return m >= choice.from ? choice.then : choice.else
    }

    /// Rule `r`'s formula `e` at `k` with its version choice taken (the formula of the version in
    /// force), and that version's definition; `e` and the definition itself when it has no versions.
    /// - Complexity: O(versions).
    func ruleVersion(_ r: Int, _ e: CExpr, _ k: Coordinates, _ source: Plan) -> (formula: CExpr, definition: Definition?, used: VersionUsed?) {
        let rule = plan.rules[r]
        let d = source.definition(named: rule.name)
        if let (name, from) = plan.parameterVersions[r] {
            let v = source.definition(named: name)?.versions.first { $0.effective == from }
            let starts = plan.versionStarts[name] ?? []
            return (e, v, VersionUsed(from: from, next: starts.first { $0 > from }))
        }
        guard case .formula = rule.kind, let starts = plan.versionStarts[rule.name], let m = versionMonth(k), let d else {
            if case .parameter = rule.kind, let starts = plan.versionStarts[rule.name] {
                return (e, d, VersionUsed(from: nil, next: starts.first))
            }
            return (e, d, nil)
        }
        var f = e
        for from in starts.reversed() {
            guard case .ifThen(_, let then, let otherwise) = f else { break }
            if m >= from { return (then, d.version(at: m), VersionUsed.of(d, at: m)) }
            f = otherwise
        }
        return (f, d, VersionUsed.of(d, at: m))
    }
}
