/// Plan review (issue 15): before an owner announces a plan change, what it
/// costs, who earns less, who falls under the minimum wage, which cliffs it
/// adds or removes, and how pay tracks performance — for two workspaces
/// (today's plan `a` and the proposal `b`). Amounts are CNY.
public struct PlanReview: Sendable {
    /// One person under both plans.
    public struct Person: Sendable {
        public var name: String
        /// Pay (the plan's total figure) over the period under A and B; nil when it is not an amount.
        public var payA: Fixed?, payB: Fixed?
        /// The owner's cost (`employer_cost` where the plan has it, else pay) under A and B.
        public var costA: Fixed?, costB: Fixed?
        /// B − A of pay (nil when either is not an amount).
        public var difference: Fixed? {
            guard let a = payA, let b = payB else { return nil }
            return Fixed.checkedSubtract(b, a)
        }
        /// Months of the period in which the person was employed and pay fell under the plan's minimum wage.
        public var underMinimumA: [Month] = [], underMinimumB: [Month] = []
        /// Performance over the period: the plan's `revenue` figure where it has one, else the
        /// performance input (e.g. sales), summed; nil when there is neither.
        public var performance: Fixed?
        /// Each month: the performance input and pay under A and B (nil in a month the person was not
        /// employed under that plan, so the chart draws no point for it).
        public var months: [(month: Month, performance: Fixed?, payA: Fixed?, payB: Fixed?)] = []
        /// Cliffs of pay over the performance input (scanned in `cliffMonth` from 0 to `cliffRangeTop`)
        /// that B adds (present in B, not at the same input in A) and removes.
        public var cliffsAdded: [Cliff] = [], cliffsRemoved: [Cliff] = []
        /// Cliffs at the same input under both whose jump differs: (under A, under B).
        public var cliffsChanged: [(a: Cliff, b: Cliff)] = []
        /// Ranges where more input pays less, that B adds or removes.
        public var fallingAdded: [FallingRange] = [], fallingRemoved: [FallingRange] = []
        /// The month and range the cliffs were scanned over; nil when there was nothing to scan.
        public var cliffMonth: Month?, cliffRangeTop: Fixed?
        /// Whether the person's cliff search stopped at `PlanReview.evaluationLimit` (their pay changes at too
        /// many points of the range): their cliffs are then not listed, and the review says so.
        public var cliffSearchStopped = false
        /// Whether the person was employed on some day of the period under A and under B (the spreads
        /// count only those employed under each plan).
        public var employedA = true, employedB = true
    }

    /// Minimum, median, maximum of the people's pay over the period, and the top ÷ median ratio.
    public struct Spread: Sendable, Equatable {
        public var minimum: Fixed, median: Fixed, maximum: Fixed
        /// maximum ÷ median (a fraction; nil when the median is 0).
        public var topToMedian: Fixed?
        /// Of `values` (CNY); the median of an even count is the mean of the middle two.
        /// - Complexity: O(n log n).
        public init?(_ values: [Fixed]) {
            guard !values.isEmpty else { return nil }
            let s = values.sorted()
            minimum = s[0]; maximum = s[s.count - 1]
            if s.count % 2 == 1 { median = s[s.count / 2] } else {
                let sum = Fixed.checkedAdd(s[s.count / 2 - 1], s[s.count / 2]) ?? s[s.count / 2]
                median = (Fixed.checkedDivide(sum, Fixed(2)) ?? s[s.count / 2]).rounded(toDigits: 2)
            }
            topToMedian = median.isZero ? nil : Fixed.checkedDivide(maximum, median)?.rounded(toDigits: 2)
        }
    }

    /// How one policy value of a traffic switch (plan A's `account_plan`, A8) shares inquiries and pay.
    public struct PolicyShare: Sendable {
        public var policy: String
        /// Per person: inquiries of the accounts they staffed, the sales those inquiries bring at the
        /// shop's sales per inquiry (`account_sales`), and pay, over the period.
        public var people: [(name: String, inquiries: Fixed?, accountSales: Fixed?, pay: Fixed?)]
        /// The spread of `accountSales` (the traffic each person gets, in CNY of estimated sales).
        public var spread: Spread?
    }

    public var period: Period
    public var nameA: String, nameB: String
    /// People sorted by the difference B − A, the largest loss first; those employed on no day of the
    /// period under either plan are left out (`notEmployed`).
    public var people: [Person]
    /// The people employed on no day of the period under either plan (赵强, hired 2026-04, in a review of
    /// 2026-03), in the order the scenarios list them: not in `people` nor in the spreads (their 0.00 is no pay).
    public var notEmployed: [String] = []
    /// Total pay over everyone, and total owner's cost; nil where some person's figure is not an amount.
    public var totalPayA: Fixed?, totalPayB: Fixed?, totalCostA: Fixed?, totalCostB: Fixed?
    /// The figure names: pay (report total), cost (employer_cost or pay), the performance input.
    public var payFigure: String, costFigure: String, performanceInput: String?
    /// The figure shown as performance: the first monthly per-agent figure of revenue, own_sales, website_sales, sales.
    public var performanceFigure: String?
    /// The minimum wage each plan states (`minimum_wage` parameter), if any.
    public var minimumWageA: Fixed?, minimumWageB: Fixed?
    public var spreadA: Spread?, spreadB: Spread?
    /// The cliff threshold: a change of more than this for one fen more input (CNY).
    public var cliffThreshold: Fixed
    /// Plan A's A8 account policy under each value, for each plan; empty when the plan has no `account_plan`.
    public var policiesA: [PolicyShare] = [], policiesB: [PolicyShare] = []

    /// Reviews `b` against `a` over `period`.
    /// - Parameters:
    ///   - cliffThreshold: a jump larger than this (CNY) for one fen more input is a cliff.
    ///   - evaluationLimit: the most input values all the people's cliff searches work out together; a person
    ///     reached when it has run out is listed with `cliffSearchStopped`.
    ///   - shouldStop: polled between people and at every point of their cliff searches; true stops the review (it throws `Interrupted`).
    /// - Throws: `WhatIfError` when a plan has no pay figure, the period is outside the years, or on interruption;
    ///   compile errors of either workspace.
    /// - Complexity: one engine per workspace, plus two probes per person (each O(cells the input reaches) per point).
    public init(a: Workspace, b: Workspace, nameA: String, nameB: String, period: Period,
                cliffThreshold: Fixed = Fixed(100), evaluationLimit: Int = PlanReview.evaluationLimit,
                shouldStop: @escaping () -> Bool = { false }) throws {
        let ea = try Engine(workspace: a), eb = try Engine(workspace: b)
        guard let total = ea.plan.total ?? eb.plan.total else { throw WhatIfError(.noPayFigure(review: true)) }
        guard ea.index(of: Period.month(period.start)) != nil, ea.index(of: Period.month(period.lastMonth)) != nil else {
            throw WhatIfError(.outsideYears(period, from: ea.years.lowerBound, to: ea.years.upperBound))
        }
        self.period = period; self.nameA = nameA; self.nameB = nameB; self.cliffThreshold = cliffThreshold
        payFigure = total
        costFigure = (ea.plan.ruleIndex["employer_cost"] != nil && eb.plan.ruleIndex["employer_cost"] != nil) ? "employer_cost" : total
        minimumWageA = PlanReview.parameter("minimum_wage", ea)
        minimumWageB = PlanReview.parameter("minimum_wage", eb)
        let perf = PlanReview.performanceInput(ea, a)
        performanceInput = perf
        // Performance shown beside pay: revenue (plan C), own credited sales (plan A), else the sales input.
        let measure = ["revenue", "own_sales", "website_sales", "sales"].first { n in
            ea.plan.ruleIndex[n].map { ea.plan.rules[$0].dimension == Dimension(grain: .month, perAgent: true) } ?? false
        }
        performanceFigure = measure
        var names = a.agents.map(\.name)
        for n in b.agents.map(\.name) where !names.contains(n) { names.append(n) }
        var list: [Person] = []
        var budget = evaluationLimit
        for name in names {
            if shouldStop() { throw Interrupted() }
            var p = Person(name: name)
            p.payA = ea.figure(rule: total, agent: name, period: period)?.number
            p.payB = eb.figure(rule: total, agent: name, period: period)?.number
            p.costA = ea.figure(rule: costFigure, agent: name, period: period)?.number
            p.costB = eb.figure(rule: costFigure, agent: name, period: period)?.number
            let agentA = a.agents.first { $0.name == name }, agentB = b.agents.first { $0.name == name }
            p.employedA = agentA.map { ag in period.months.contains { PlanReview.employed(ag, $0) } } ?? false
            p.employedB = agentB.map { ag in period.months.contains { PlanReview.employed(ag, $0) } } ?? false
            // (Pay booked after leaving, a clawback say, keeps the person listed: it is money paid or owed.)
            if !p.employedA && !p.employedB, p.payA?.isZero ?? true, p.payB?.isZero ?? true { notEmployed.append(name); continue }
            var best: (Month, Fixed)? = nil
            var perfSum: Fixed? = measure == nil ? nil : .zero
            for m in period.months {
                let x = measure.flatMap { ea.figure(rule: $0, agent: name, period: .month(m))?.number }
                let input = perf.flatMap { ea.figure(rule: $0, agent: name, period: .month(m))?.number }
                let pa = ea.figure(rule: total, agent: name, period: .month(m))?.number
                let pb = eb.figure(rule: total, agent: name, period: .month(m))?.number
                // A month the person was not employed (hired later, gone) has no pay to draw: not a point at (0, 0).
                p.months.append((m, x, agentA.map { PlanReview.employed($0, m) } == true ? pa : nil, agentB.map { PlanReview.employed($0, m) } == true ? pb : nil))
                if let x, let s = perfSum { perfSum = Fixed.checkedAdd(s, x) }
                if let x = input, let ag = agentA, PlanReview.employed(ag, m), best == nil || x > best!.1 { best = (m, x) }
                if let mw = minimumWageA, let ag = agentA, PlanReview.employed(ag, m), let pa, pa < mw { p.underMinimumA.append(m) }
                if let mw = minimumWageB, let ag = agentB, PlanReview.employed(ag, m), let pb, pb < mw { p.underMinimumB.append(m) }
            }
            p.performance = perfSum
            // Cliffs over the person's own range: the month they sold most, from 0 to 1.5 × that (at least 1万).
            if let input = perf, let (month, top) = best, let ia = a.agentIndex(named: name), let ib = b.agentIndex(named: name) {
                let upper = max(Fixed(10_000), (Fixed.checkedMultiply(top, Fixed(raw: Fixed.scale * 3 / 2)) ?? top)).rounded(toDigits: 0)
                p.cliffMonth = month; p.cliffRangeTop = upper
                if budget <= 0 { p.cliffSearchStopped = true; list.append(p); continue }
                let probeA = try InputProbe(workspace: a, input: input, agent: ia, period: .month(month), figures: [total])
                let probeB = try InputProbe(workspace: b, input: input, agent: ib, period: .month(month), figures: [total])
                probeA.shouldStop = shouldStop
                probeB.shouldStop = shouldStop
                // Each search spends from the review's budget; nil: it ran out (the person is listed as not searched).
                func search(_ probe: InputProbe) throws -> (cliffs: [Cliff], falling: [FallingRange])? {
                    probe.evaluationLimit = budget
                    defer { budget -= probe.evaluations }
                    do { return try probe.cliffs(from: .zero, to: upper, threshold: cliffThreshold) }
                                        catch let e as WhatIfError where e.isTooMuchWork { return nil }
                }
                guard let (ca, fa) = try search(probeA), let (cb, fb) = try search(probeB) else {
                    p.cliffSearchStopped = true; list.append(p); continue
                }
                let atA = Set(ca.map(\.to)), atB = Set(cb.map(\.to))
                p.cliffsAdded = cb.filter { !atA.contains($0.to) }
                p.cliffsRemoved = ca.filter { !atB.contains($0.to) }
                let byTo = Dictionary(ca.map { ($0.to, $0) }, uniquingKeysWith: { x, _ in x })
                p.cliffsChanged = cb.compactMap { c in byTo[c.to].flatMap { old in old.change != c.change ? (old, c) : nil } }
                let fallA = Set(fa.map(\.from)), fallB = Set(fb.map(\.from))
                p.fallingAdded = fb.filter { !fallA.contains($0.from) }
                p.fallingRemoved = fa.filter { !fallB.contains($0.from) }
            }
            list.append(p)
        }
        // Largest loss first; people whose difference is unknown last.
        people = list.enumerated().sorted { x, y in
            switch (x.element.difference, y.element.difference) {
            case let (dx?, dy?): return dx != dy ? dx < dy : x.offset < y.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return x.offset < y.offset
            }
        }.map(\.element)
        func sum(_ values: [Fixed?]) -> Fixed? {
            var s = Fixed.zero
            for v in values { guard let v, let t = Fixed.checkedAdd(s, v) else { return nil }; s = t }
            return s
        }
        totalPayA = sum(list.filter { a.agentIndex(named: $0.name) != nil }.map(\.payA))
        totalPayB = sum(list.filter { b.agentIndex(named: $0.name) != nil }.map(\.payB))
        totalCostA = sum(list.filter { a.agentIndex(named: $0.name) != nil }.map(\.costA))
        totalCostB = sum(list.filter { b.agentIndex(named: $0.name) != nil }.map(\.costB))
        spreadA = Spread(list.filter(\.employedA).compactMap(\.payA))
        spreadB = Spread(list.filter(\.employedB).compactMap(\.payB))
        policiesA = try PlanReview.policies(a, period: period, pay: total)
        policiesB = try PlanReview.policies(b, period: period, pay: total)
    }

    /// The most input values a review's cliff searches work out, all people and both plans together
    /// (`InputProbe.evaluationLimit`): a review of a shipped plan takes a few thousand a person, and 100,000
    /// keeps a review of a plan whose pay changes at very many points to seconds.
    public static let evaluationLimit = 100_000

    /// Whether `a` was employed for at least one day of month `m`.
    static func employed(_ a: Agent, _ m: Month) -> Bool {
        if let h = a.hired, h > m.lastDay { return false }
        if let l = a.left, l < m.firstDay { return false }
        return true
    }

    /// A workspace-wide parameter's amount, if the plan has it.
    static func parameter(_ name: String, _ e: Engine) -> Fixed? {
        guard let r = e.plan.ruleIndex[name], case .parameter = e.plan.rules[r].kind,
              let c = e.cell(rule: r, agent: 0, period: Period(grain: .none, start: e.startMonth)) else { return nil }
        return e.value(ofCell: c).number
    }

    /// The input that measures performance, for the cliff scan: `sales` when it is a monthly per-agent
    /// input with entered values; nil when pay comes from orders (plans A and B), where no input drives it.
    static func performanceInput(_ e: Engine, _ w: Workspace) -> String? {
        let monthAgent = Dimension(grain: .month, perAgent: true)
        guard let r = e.plan.ruleIndex["sales"], case .input = e.plan.rules[r].kind, e.plan.rules[r].dimension == monthAgent,
              w.inputs.values.contains(where: { !($0["sales"] ?? [:]).isEmpty }) else { return nil }
        return "sales"
    }

    /// Plan A's A8: each value of the `account_plan` switch, with each person's inquiries and pay.
    static func policies(_ w: Workspace, period: Period, pay: String) throws -> [PolicyShare] {
        guard let d = w.plan.definition(named: "account_plan"), case .param = d.statement else { return [] }
        var out: [PolicyShare] = []
        for policy in ["fixed", "rotate"] {
            var copy = w
            let label = d.statement.label.map { " \"\($0)\"" } ?? ""
            _ = copy.plan.define(try Definition(source: "param account_plan\(label) = \"\(policy)\""))
            let e = try Engine(workspace: copy)
            let people = w.agents.map { ag in
                (ag.name, e.figure(rule: "account_inquiries", agent: ag.name, period: period)?.number,
                 e.figure(rule: "account_sales", agent: ag.name, period: period)?.number,
                 e.figure(rule: pay, agent: ag.name, period: period)?.number)
            }
            out.append(PolicyShare(policy: policy, people: people, spread: Spread(people.compactMap(\.2))))
        }
        return out
    }
}
