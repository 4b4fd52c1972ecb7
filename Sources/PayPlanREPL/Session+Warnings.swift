import PayPlan

/// Warnings (issue 12): told when a definition or edit lands, listed by `check`.
extension Session {
    /// The warnings of the current plan and data, worked out again when an edit made them stale.
    ///
    /// - Complexity: O(a × p + entered inputs) when stale (see `PlanCheck.warnings`), else O(1).
    public func currentWarnings() -> [PlanWarning] {
        if let w = warningsCache { return w }
        let standing = PlanCheck.standingWarnings(engine: engine, workspace: workspace)
        let w = standing + PlanCheck.payOutsideEmployment(outsideEmploymentFlagged(), engine: engine, plan: workspace.plan)
        warningsCache = w
        warningsStandingCount = standing.count
        return w
    }

    /// The warnings after an agent with no entered values was appended in place, from those before
    /// it (`before`, `currentWarnings()` then): the plan's, the tier tables' and the entered values'
    /// (`PlanCheck.standingWarnings`) cannot change, so only pay outside employment is worked out
    /// again, from its index (`inPlace` brought it up to date). Kept as the current warnings.
    ///
    /// - Complexity: O(flagged agents), not O(definitions + entered inputs) on every line of a script.
    func warningsAfterAppending(since before: [PlanWarning]) -> [PlanWarning] {
        let standing = Array(before.prefix(warningsStandingCount))
        let w = standing + PlanCheck.payOutsideEmployment(outsideEmploymentFlagged(), engine: engine, plan: workspace.plan)
        warningsCache = w
        return w
    }

    /// What each agent is paid outside employment (`PlanCheck.OutsideEmployment`), kept between
    /// commands for one engine: an edit made in place works out again only the agents whose pay
    /// cells it changed or whose record it touched (`noteInPlace`), so that the warnings checked
    /// after every command do not visit every agent (a script of 50,000 `agent add` lines).
    struct OutsideEmploymentIndex {
        weak var engine: Engine?
        /// The engine's `revision` the entries are current for.
        var revision: Int
        /// The pay rule they read, and how many agents the engine had.
        var rule: Int, agentCount: Int
        /// Agent index → what they are paid outside employment (agents paid nothing there are left out).
        var flagged: [Int: PlanCheck.OutsideEmployment]
    }

    /// The agents paid outside employment, in agent order, from the index when it is current for the
    /// engine, else worked out for every agent (and the index kept).
    ///
    /// - Complexity: O(flagged × log flagged) when current, else O(agents × periods outside employment).
    func outsideEmploymentFlagged() -> [(agent: Int, PlanCheck.OutsideEmployment)] {
        guard let rule = PlanCheck.OutsideEmployment.payRule(engine) else { outsideEmployment = nil; return [] }
        if let x = outsideEmployment, x.engine === engine, x.revision == engine.revision, x.rule == rule, x.agentCount == engine.agents.count {
            return x.flagged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        var flagged: [Int: PlanCheck.OutsideEmployment] = [:]
        outsideEmploymentRebuilds += 1
        for a in engine.agents.indices {
            if let o = PlanCheck.OutsideEmployment(engine: engine, rule: rule, agent: a) { flagged[a] = o }
        }
        outsideEmployment = OutsideEmploymentIndex(engine: engine, revision: engine.revision, rule: rule, agentCount: engine.agents.count, flagged: flagged)
        return flagged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Runs `edit` on the engine in place and keeps the index of pay outside employment current:
    /// the agents of the pay cells it `changed`, those named in `touching` (an agent set, whose
    /// dates may change what is outside employment with the same pay) and agents appended are
    /// worked out again; the index stays valid only when it was current before the edit.
    ///
    /// - Returns: `edit`'s changes, or `nil` (the engine must be built again; nothing changed).
    /// - Complexity: O(changed cells + touched agents × their periods outside employment), plus the edit.
    func inPlace(touching names: [String] = [], _ edit: (Engine) -> [Engine.Change]?) -> [Engine.Change]? {
        let before = engine.revision, count = engine.agents.count
        guard let changed = edit(engine) else { return nil }
        guard var x = outsideEmployment, x.engine === engine, x.revision == before, x.agentCount == count,
              let rule = PlanCheck.OutsideEmployment.payRule(engine), rule == x.rule else { outsideEmployment = nil; return changed }
        outsideEmployment = nil  // not shared while it is updated
        let agents = engine.agents.count
        var touched = Set(names.compactMap { engine.agentIndex(named: $0) })
        if agents > count { touched.formUnion(count..<agents) }
        for a in agents..<max(agents, count) { x.flagged[a] = nil }
        // The engine read once, not once per changed cell (a retain and release each; a rule edit changes ~900,000 cells).
        let e = engine
        for i in changed.indices {
            if let a = e.agent(ofCell: changed[i].cell, inRule: rule) { touched.insert(a) }
        }
        for a in touched where a < agents { x.flagged[a] = PlanCheck.OutsideEmployment(engine: engine, rule: rule, agent: a) }
        x.revision = engine.revision
        x.agentCount = agents
        outsideEmployment = x
        return changed
    }

    /// The warnings in `after` that were not in `before` (same kind, definition and message).
    static func newWarnings(_ after: [PlanWarning], since before: [PlanWarning]) -> [PlanWarning] {
        let old = Set(before.map { "\($0.kind)|\($0.definition)|\($0.message)" })
        return after.filter { !old.contains("\($0.kind)|\($0.definition)|\($0.message)") }
    }

    /// A redefinition that changes what a name is (an input becomes a parameter): entered
    /// values, or agents' attributes, are no longer read.
    static func kindChange(from old: Definition, to new: Definition, workspace: Workspace) -> PlanWarning? {
        func kind(_ s: Statement) -> String? { let k = kindWord(s); return k == "definition" ? nil : k }
        guard let was = kind(old.statement), let now = kind(new.statement), was != now else { return nil }
        let n = new.name
        var lost = "", lostZh = ""
        if was == "input" {
            let count = workspace.inputs.values.reduce(0) { $0 + ($1[n]?.count ?? 0) } + (workspace.teamInputs[n]?.count ?? 0)
            lost = count == 0 ? "; values entered for \(n) will not be read" : "; the \(count) value\(count == 1 ? " entered for \(n) is" : "s entered for \(n) are") no longer read"
            lostZh = count == 0 ? "；为 \(n) 录入的值将不会被读取" : "；已为 \(n) 录入的 \(count) 个值不再被读取"
        } else if was == "attribute" {
            lost = "; the agents' \(n)= values are no longer read"
            lostZh = "；员工的 \(n)= 不再被读取"
        }
        let zhKind = ["parameter": "参数", "input": "录入项", "attribute": "属性", "order field": "订单字段", "table": "阶梯表", "rule": "规则", "order rule": "订单规则"]
        let range = (try? Parser.statementWithNameRange(new.source))?.1 ?? nil
        return PlanWarning(.shadowsName, definition: n,
                           message: "'\(n)' was \(was == "input" || was == "attribute" || was == "order field" ? "an" : "a") \(was); this \(now) replaces it\(lost) (drop \(n) and define it again if that is meant, or choose another name)",
                           zh: "'\(n)' 原是\(zhKind[was]!)，现被这条\(zhKind[now]!)取代\(lostZh)（如确是此意，请先 drop \(n) 再定义；否则请换一个名字）",
                           range: range, source: new.source)
    }

    /// The note for a new parameter, input, attribute, order field or table that nothing in `plan` reads
    /// and that is named like another definition: likely a typo of it (`param bsae = 3500` for `base`).
    /// Rules are left out: a new rule is read by nothing until the pay reads it, on purpose. So is a
    /// name of a numbered series, one that differs from the near name only in its digits (`tier2` after
    /// `tier1`, `p97` after `p17`): a plan written top down defines those one after another, each read by
    /// nothing yet (fresh-user finding M-E: a note on every line of such a script).
    ///
    /// The search is bounded, so that a long script of definitions stays linear: it compares the new
    /// name with at most `typoSearchLimit` definitions (the first, in plan order) by a banded edit
    /// distance (`Session.nearName`), and reads the plan's text for readers only when a near name is found,
    /// tokenizing only the definitions whose text holds the name.
    /// - Complexity: O(min(definitions, `typoSearchLimit`) × `Parser.maximumNameLength`) for the name
    ///   search, then O(the plan's source text) for the readers, only when a near name exists.
    static func likelyTypo(_ def: Definition, in plan: Plan) -> WarningMessage? {
        switch def.statement {
        case .param, .input, .attribute, .field, .table: break
        default: return nil
        }
        guard let near = nearName(to: def.name, among: plan.definitions.lazy.map(\.name).prefix(typoSearchLimit)),
              let nearDef = plan.definition(named: near),
              readers(of: def.name, in: plan).isEmpty else { return nil }
        return .unreadNearName(def.name, near: near, nearKind: kindWord(nearDef.statement))
    }

    /// How many definitions `likelyTypo` compares a new name with: far more than any shop's plan holds
    /// (the shipped plans have at most a few hundred), so that the note costs a bounded time per line.
    static let typoSearchLimit = 1_000

    /// The name among `names` (other than `name` itself) within a third of `name`'s length (at least 1)
    /// of edits, as `closestName` finds it (fewest edits, then the first in code-point order), leaving out
    /// names of the same numbered series (the same once digits are removed: `tier1` for `tier2`).
    /// - Complexity: O(names × `Parser.maximumNameLength`) (`editDistance(_:_:within:)`).
    static func nearName(to name: String, among names: some Sequence<String>) -> String? {
        let length = name.count
        guard length <= Parser.maximumNameLength else { return nil }
        let allowed = max(1, length / 3)
        let series = name.filter { !$0.isNumber }
        var best: (name: String, distance: Int)? = nil
        for other in names where other != name {
            let count = other.count
            guard abs(count - length) <= allowed, count <= Parser.maximumNameLength else { continue }
            let d = editDistance(other, name, within: best.map { $0.distance } ?? allowed)
            guard d <= allowed, d < (best?.distance ?? Int.max) || (d == best?.distance && other < best!.name) else { continue }
            if other.contains(where: \.isNumber) || name.contains(where: \.isNumber), other.filter({ !$0.isNumber }) == series { continue }
            best = (other, d)
        }
        return best?.name
    }

    /// The definitions that read `name` (its dated versions count as its own), in plan order.
    ///
    /// - Complexity: O(the plan's source text).
    static func readers(of name: String, in plan: Plan) -> [String] {
        var out: [String] = []
        for d in plan.definitions where d.name != name {
            // A definition whose text does not hold the name cannot read it: no tokens needed (unless
            // it has full-width letters, which the lexer reads as ASCII: `ｂａｓｅ` is `base`).
            let reads = d.allVersions.contains { v in
                (v.source.contains(name) || v.source.unicodeScalars.contains { $0.value >= 0xFF01 && $0.value <= 0xFF5E }) &&
                ((try? Lexer.tokenize(v.source)) ?? []).contains { $0.identifier == name }
            }
            if reads { out.append(d.name) }
        }
        return out
    }

    /// The parameters that payplan itself reads by name (settings), which no definition needs to read.
    static let settingNames: Set<String> = ["minimum_wage", "attribution_mode", "attribution_match", "attribution_pattern", "proration"]

    /// A warning for each parameter or tier table of the plan's own (not a part's) that no other definition
    /// reads and that is no setting payplan reads by name (`settingNames`): it changes no figure. Worked out
    /// by `check` only, so that a plan typed top down (the parameter first, the rule reading it next) is not
    /// warned at every parameter.
    /// - Complexity: O(definitions × the definitions whose text holds the name).
    static func unusedWarnings(plan: Plan) -> [PlanWarning] {
        plan.definitions.compactMap { d in
            let kind: (en: String, zh: String)
            switch d.statement {
            case .param: kind = ("parameter", "参数")
            case .table: kind = ("tier table", "阶梯表")
            default: return nil
            }
            guard d.part == nil, !settingNames.contains(d.name), readers(of: d.name, in: plan).isEmpty else { return nil }
            return PlanWarning(.unused, definition: d.name,
                               message: "'\(d.name)' is a \(kind.en) that nothing reads: it changes no figure; use it in a rule, or drop \(d.name)",
                               zh: "'\(d.name)' 是没有任何定义读取的\(kind.zh)：它不影响任何数字；请在规则中使用它，或 drop \(d.name)",
                               range: PlanCheck.nameRange(of: d), source: d.source)
        }
    }

    /// What a statement defines, in the words messages use: input, parameter, attribute, order field, table, rule, order rule.
    static func kindWord(_ s: Statement) -> String {
        switch s {
        case .param: "parameter"
        case .input: "input"
        case .attribute: "attribute"
        case .field: "order field"
        case .table: "table"
        case .rule(let d, _, _, _): d.perOrder ? "order rule" : "rule"
        default: "definition"
        }
    }

    /// `check` (or `lint`): every warning of the whole plan against the scenario's data.
    func check(_ rest: String) -> Output {
        guard rest.isEmpty else { return .error(WarningMessage.checkTakesNothing) }
        // Pay concerns read every pay cell: worked out here, not after every edit (`payConcernWarnings`).
        let all = currentWarnings() + PlanCheck.orderFieldWarnings(workspace: workspace) + PlanCheck.payWarnings(engine: engine, plan: workspace.plan)
            + Session.unusedWarnings(plan: workspace.plan)
        var out = Output(message: all.isEmpty ? WarningMessage.none : WarningMessage.count(all.count))
        out.warnings = all.map(Diagnostic.init(warning:))
        return out
    }

    /// The pay concerns an in-place edit brought (negative pay, under the minimum wage), read only at
    /// the cells it `changed`.
    ///
    /// - Complexity: O(changed cells).
    func payConcernWarnings(changed: [Engine.Change]) -> [Diagnostic] {
        let f = PayFigures(engine: engine)
        return PlanCheck.payWarnings(PayConcern.new(after: changed, engine: engine, figures: f), engine: engine, plan: workspace.plan, figures: f)
            .map(Diagnostic.init(warning:))
    }

    /// The pay concerns of `after` that `before` (the concerns of the engine an edit replaced, by
    /// agent name) did not have.
    ///
    /// - Complexity: O(agents × periods) of the new engine (the edit already built it anew).
    func payConcernWarnings(before: Set<String>, after e: Engine) -> [Diagnostic] {
        let f = PayFigures(engine: e)
        let new = PayConcern.all(engine: e, figures: f).filter { !before.contains(Session.concernKey($0, e)) }
        return PlanCheck.payWarnings(new, engine: e, plan: workspace.plan, figures: f).map(Diagnostic.init(warning:))
    }

    /// The keys of every pay concern of `e` (kind, agent name, period), to tell what an edit brought.
    static func concernKeys(_ e: Engine) -> Set<String> {
        Set(PayConcern.all(engine: e, figures: PayFigures(engine: e)).map { concernKey($0, e) })
    }

    static func concernKey(_ c: PayConcern, _ e: Engine) -> String { "\(c.kind.rawValue)|\(e.agents[c.agent].name)|\(c.period)" }

    /// A new agent's pay concerns over the years, and those the addition brought to others (`changed`).
    ///
    /// - Complexity: O(the agent's periods + changed cells).
    func newcomerConcernWarnings(agent name: String, changed: [Engine.Change]) -> [Diagnostic] {
        guard let a = engine.agentIndex(named: name) else { return payConcernWarnings(changed: changed) }
        let f = PayFigures(engine: engine)
        let own = PayConcern.concerns(engine: engine, figures: f, agent: a, period: Period(grain: .none, start: engine.startMonth))
        // The newcomer's own cells are left out before looking: their concerns are `own` above. An agent
        // appended in place has them in one range (its chunk), told apart without the cells' coordinates.
        let e = engine
        let othersChanged = e.appendedCells(ofAgent: a).map { own in changed.filter { !own.contains($0.cell) } } ?? changed.filter {
            let (r, k) = e.coordinates(ofCell: $0.cell)
            return !(e.plan.rules[r].dimension.perAgent && k.agent == a)
        }
        let others = PayConcern.new(after: othersChanged, engine: engine, figures: f).filter { $0.agent != a }
        return PlanCheck.payWarnings(own + others, engine: engine, plan: workspace.plan, figures: f).map(Diagnostic.init(warning:))
    }
}
