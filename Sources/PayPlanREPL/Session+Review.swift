import Foundation
import PayPlan

/// Plan review and forecast (issue 15): `review A B [PERIOD] [--html FILE]` and
/// `forecast A [B] [PERIOD] [--runs N] [--seed S]`. The analysis lives in
/// PayPlan/Analysis (PlanReview, Forecast); this file parses and prints.
extension Session {
    /// The width review and forecast tables fold to (an 80-column terminal, less their 2-space indent).
    static let tableWidth = 78

    /// A signed difference in CNY with its percentage of `a`: `−3,456.00 (−2.8%)`; `zh`: in full-width
    /// brackets, `−3,456.00（−2.8%）`.
    static func signedChange(_ a: Fixed?, _ b: Fixed?, zh: Bool = false) -> String {
        guard let a, let b, let d = Fixed.checkedSubtract(b, a) else { return "" }
        if d.isZero { return "0.00" }
        let text = d.isNegative ? "−" + d.magnitude.moneyText : "+" + d.moneyText
        guard !a.isZero, let r = Fixed.checkedDivide(Fixed.checkedMultiply(d, Fixed(100)) ?? d, a.magnitude) else { return text }
        let pct = r.rounded(toDigits: 1)
        let signed = pct.isNegative ? "−" + pct.magnitude.format(minimumFractionDigits: 1, grouping: false) : "+" + pct.format(minimumFractionDigits: 1, grouping: false)
        return zh ? text + "（" + signed + "%）" : text + " (" + signed + "%)"
    }

    /// A period word, or the first year of the scenario when absent.
    func periodOrYear(_ word: String?) throws -> Period {
        guard let word else { return Period(grain: .year, start: Month(year: workspace.years.lowerBound, month: 1)) }
        guard let p = Period(text: word), p.grain != .none else {
            throw WhatIfRefusal(WhatIfMessage.notAPeriod(word))
        }
        return p
    }

    // MARK: review

    /// `review A B [PERIOD] [--html FILE] [--threshold T]`: one page on what B changes against A.
    func review(_ rest: String) -> Output {
        do {
            let args = try CommandArguments.parse(rest, options: ["--html", "--threshold"])
            let pos = args.positional, opts = args.values
            guard pos.count == 2 || pos.count == 3 else { return .error(ReviewMessage.usage) }
            guard let wa = workspace(named: pos[0]) else { return .error(unknownFork(pos[0])) }
            guard let wb = workspace(named: pos[1]) else { return .error(unknownFork(pos[1])) }
            let period = try periodOrYear(pos.count == 3 ? pos[2] : nil)
            let threshold = try opts["--threshold"].map { try amount([$0], .thresholdOption) } ?? Fixed(100)
            guard !threshold.isNegative else { return .error(ReviewMessage.thresholdNegative) }
            let r = try PlanReview(a: wa, b: wb, nameA: pos[0], nameB: pos[1], period: period, cliffThreshold: threshold, evaluationLimit: reviewEvaluationLimit,
                                   shouldStop: { [interruptCheck] in interruptCheck() })
            if let file = opts["--html"] {
                if let problem = figureTargetProblem(file) { return .error(problem) }
                let page = r.html(chinese: language == .zh, labels: labelsOf(engineOrNil(pos[0])))
                do { try AtomicFile.write(Data(page.utf8), to: file) } catch { return .error(ReviewPageMessage.notWritten(Session.describeBoth(error))) }
                return Output(body: reviewLines(r) + [OutputLine(ReviewMessage.wrotePage(file: file))])
            }
            return Output(body: reviewLines(r))
        } catch is Interrupted {
            return .error(ReviewMessage.interrupted)
        } catch let p as CommandArguments.Problem {
            return .error(ReviewMessage.usageAfter(p))
        } catch { return refusal(error) }
    }

    func engineOrNil(_ name: String) -> Engine? { try? engine(named: name) }

    /// The plan's labels (`pay` → `应发工资`), for Chinese output.
    func labelsOf(_ e: Engine?) -> [String: String] {
        var out: [String: String] = [:]
        for r in e?.plan.rules ?? [] { if let l = r.label { out[r.name] = l } }
        return out
    }

    /// The review's lines: its sentences as `ReviewMessage`s, its tables as fixed text in the session's language.
    func reviewLines(_ r: PlanReview) -> [OutputLine] {
        let labels = labelsOf(engineOrNil(r.nameA))
        func label(_ figure: String) -> String { labels[figure] ?? figure }
        func word(_ m: ReviewMessage) -> String { m.text(language) }
        var lines: [OutputLine] = []
        func say(_ m: ReviewMessage) { lines.append(OutputLine(m)) }
        func fixed(_ text: String) { lines.append(OutputLine(fixed: text)) }
        say(.title(a: r.nameA, b: r.nameB, period: r.period))
        func money(_ f: Fixed?) -> String { f?.moneyText ?? "#" }
        say(.ownerCost(figure: r.payFigure, label: label(r.payFigure),
                       figures: "\(r.nameA) \(money(r.totalPayA)) → \(r.nameB) \(money(r.totalPayB))  \(Session.signedChange(r.totalPayA, r.totalPayB, zh: language == .zh))"))
        if r.costFigure != r.payFigure {
            say(.employerCost(figure: r.costFigure, label: label(r.costFigure),
                              figures: "\(r.nameA) \(money(r.totalCostA)) → \(r.nameB) \(money(r.totalCostB))  \(Session.signedChange(r.totalCostA, r.totalCostB, zh: language == .zh))"))
        }
        // Everyone, the largest loss first.
        fixed("")
        say(.eachPerson(figure: r.payFigure, label: label(r.payFigure)))
        var t = TextTable(header: [word(.column(.agent)), r.nameA, r.nameB, word(.column(.difference))], rightAligned: [false, true, true, true])
        for p in r.people { t.add([p.name, money(p.payA), money(p.payB), Session.signedChange(p.payA, p.payB, zh: language == .zh)]) }
        for row in t.render() { fixed("  " + row) }
        // Not employed on any day of the period: no pay to compare, left out of the tables and the spread.
        if !r.notEmployed.isEmpty { say(.notEmployed(period: r.period, names: r.notEmployed)) }
        let losers = r.people.filter { ($0.difference?.isNegative) == true }
        if losers.isEmpty { say(.nobodyEarnsLess(b: r.nameB)) } else {
            say(.someEarnLess(b: r.nameB, losses: losers.map { ($0.name, $0.difference!.magnitude.moneyText) }))
        }
        // Minimum wage.
        fixed("")
        if r.minimumWageA == nil && r.minimumWageB == nil {
            say(.noMinimumWage)
        } else {
            say(.monthsUnderMinimum(amount: (r.minimumWageB ?? r.minimumWageA)!.moneyText))
            let under = r.people.filter { !$0.underMinimumA.isEmpty || !$0.underMinimumB.isEmpty }
            if under.isEmpty { say(.noneUnderEither) }
            for p in under { say(.underMinimum(name: p.name, a: r.nameA, monthsA: p.underMinimumA, b: r.nameB, monthsB: p.underMinimumB)) }
        }
        // Cliffs.
        fixed("")
        if let input = r.performanceInput {
            let inputLabel = label(input)
            say(.cliffsHeading(figure: r.payFigure, figureLabel: label(r.payFigure), input: input, inputLabel: inputLabel, threshold: r.cliffThreshold.moneyText))
            var any = false
            for p in r.people {
                guard let m = p.cliffMonth, let top = p.cliffRangeTop else { continue }
                if p.cliffSearchStopped {
                    any = true
                    say(.cliffSearchStopped(name: p.name, month: m, inputLabel: inputLabel, top: top.moneyText, evaluations: reviewEvaluationLimit))
                    continue
                }
                let changes = p.cliffsAdded.count + p.cliffsRemoved.count + p.cliffsChanged.count + p.fallingAdded.count + p.fallingRemoved.count
                guard changes > 0 else { continue }
                any = true
                say(.cliffPerson(name: p.name, month: m, input: input, inputLabel: inputLabel, top: top.moneyText))
                for c in p.cliffsAdded {
                    say(.cliff(added: true, input: input, inputLabel: inputLabel, at: c.to.moneyText, before: c.before.moneyText, after: c.after.moneyText))
                }
                for c in p.cliffsRemoved {
                    say(.cliff(added: false, input: input, inputLabel: inputLabel, at: c.to.moneyText, before: c.before.moneyText, after: c.after.moneyText))
                }
                for (ca, cb) in p.cliffsChanged {
                    say(.cliffChanged(input: input, inputLabel: inputLabel, at: cb.to.moneyText, jumpA: ca.changeText, jumpB: cb.changeText))
                }
                for f in p.fallingAdded { say(.falling(added: true, input: input, inputLabel: inputLabel, from: f.from.moneyText, to: f.to.moneyText)) }
                for f in p.fallingRemoved { say(.falling(added: false, input: input, inputLabel: inputLabel, from: f.from.moneyText, to: f.to.moneyText)) }
            }
            if !any { say(.noCliffChange(b: r.nameB)) }
        } else {
            say(.cliffsFromOrders)
        }
        // Pay and performance.
        if let input = r.performanceFigure {
            fixed("")
            say(.payAndPerformance(period: r.period))
            var t2 = TextTable(header: [word(.column(.agent)), language == .zh ? label(input) : input, r.nameA, r.nameB,
                                        word(.payPer(plan: r.nameA, input: input)), word(.payPer(plan: r.nameB, input: input))],
                               rightAligned: [false, true, true, true, true, true])
            func ratio(_ pay: Fixed?, _ x: Fixed?) -> String {
                guard let pay, let x, !x.isZero, let q = Fixed.checkedDivide(Fixed.checkedMultiply(pay, Fixed(100)) ?? pay, x) else { return "—" }
                return q.rounded(toDigits: 1).format(minimumFractionDigits: 1, grouping: true) + "%"
            }
            for p in r.people { t2.add([p.name, money(p.performance), money(p.payA), money(p.payB), ratio(p.payA, p.performance), ratio(p.payB, p.performance)]) }
            for row in t2.render(fitting: Session.tableWidth) { fixed(row.isEmpty ? "" : "  " + row) }
        }
        // Spread.
        fixed("")
        say(.spreadHeading)
        for (n, s) in [(r.nameA, r.spreadA), (r.nameB, r.spreadB)] {
            guard let s else { continue }
            fixed("  \(n)\(language == .zh ? "：" : ": ")\(s.minimum.moneyText) / \(s.median.moneyText) / \(s.maximum.moneyText)\(language == .zh ? "，" : ", ")\(s.topToMedian.map { $0.format(minimumFractionDigits: 2, grouping: false) + "×" } ?? "—")")
        }
        // A8 account policies.
        for (n, policies) in [(r.nameA, r.policiesA), (r.nameB, r.policiesB)] where !policies.isEmpty {
            fixed("")
            say(.accountsHeading(plan: n))
            var t3 = TextTable(header: [word(.column(.agent))] + policies.flatMap { p in [ReviewMessage.PolicyColumn.inquiries, .sales, .pay].map { word(.policyColumn(policy: p.policy, $0)) } },
                               rightAligned: [false] + policies.flatMap { _ in [true, true, true] })
            for (i, ag) in policies[0].people.enumerated() {
                t3.add([ag.name] + policies.flatMap { [money($0.people[i].inquiries), money($0.people[i].accountSales), money($0.people[i].pay)] })
            }
            for row in t3.render(fitting: Session.tableWidth) { fixed(row.isEmpty ? "" : "  " + row) }
            for pol in policies {
                if let s = pol.spread {
                    say(.accountSpread(policy: pol.policy, minimum: s.minimum.moneyText, median: s.median.moneyText, maximum: s.maximum.moneyText))
                }
            }
        }
        return lines
    }

    // MARK: forecast

    /// `forecast A [B] [PERIOD] [--runs N] [--seed S]`: the period simulated from each person's history.
    func forecast(_ rest: String) -> Output {
        do {
            let args = try CommandArguments.parse(rest, options: ["--runs", "--seed"])
            let pos = args.positional, opts = args.values
            var forkWords = pos, periodWord: String? = nil
            // A last word that is no fork and starts like a period (`2026-13`) is the period, so a wrong one is named as such.
            if pos.count > 1, let last = pos.last, workspace(named: last) == nil, Period(text: last) != nil || last.count >= 4 && last.prefix(4).allSatisfy({ ("0"..."9").contains($0) }) {
                periodWord = last; forkWords.removeLast()
            } else if pos.count == 1, let last = pos.last, Period(text: last) != nil, workspace(named: last) == nil { periodWord = last; forkWords.removeLast() }
            guard (1...2).contains(forkWords.count) else { return .error(ForecastMessage.usage) }
            let workspaces = try forkWords.map { n -> Workspace in
                guard let w = workspace(named: n) else { throw WhatIfRefusal(unknownFork(n)) }
                return w
            }
            let period = try periodOrYear(periodWord)
            let runs = try opts["--runs"].map { s -> Int in
                guard let n = Int(s), (1...1_000_000).contains(n) else { throw WhatIfRefusal(ForecastMessage.runsRange) }
                return n
            } ?? 1000
            let seed = try opts["--seed"].map { s -> UInt64 in
                guard let n = UInt64(s) else { throw WhatIfRefusal(ForecastMessage.seedRange) }
                return n
            } ?? 1
            var results: [Forecast] = []
            for (i, w) in workspaces.enumerated() {
                let label = forkWords[i]
                results.append(try Forecast(workspace: w, period: period, runs: runs, seed: seed,
                                            shouldStop: { [interruptCheck] in interruptCheck() },
                                            progress: { [progressLine, language] done, all in
                                                if done % 50 == 0 || done == all { progressLine(ProgressMessage.forecastRuns(fork: label, done: done, all: all).text(language)) } }))
                if results.last!.interrupted { break }
            }
            progressLine("")
            return Output(body: forecastLines(results, names: forkWords))
        } catch let p as CommandArguments.Problem {
            return .error(ForecastMessage.usageAfter(p))
        } catch { return refusal(error) }
    }

    /// The forecast's lines: its sentences as `ForecastMessage`s, its tables as fixed text in the session's language.
    func forecastLines(_ results: [Forecast], names: [String]) -> [OutputLine] {
        let f0 = results[0]
        var lines: [OutputLine] = []
        func say(_ m: ForecastMessage) { lines.append(OutputLine(m)) }
        func word(_ m: ForecastMessage) -> String { m.text(language) }
        let inputLabels = labelsOf(engineOrNil(names[0]))
        say(.heading(period: f0.period, runs: f0.runs, seed: f0.seed, inputs: f0.inputs, labels: f0.inputs.map { inputLabels[$0] ?? $0 }))
        if f0.interrupted { say(.interrupted(runs: f0.runs, requested: f0.requestedRuns)) }
        if f0.failedRuns > 0 { say(.failedRuns(f0.failedRuns)) }
        // Figures by the plan's labels under zh (half_bonus → 半年奖), as the rest of the session shows them.
        func label(_ k: Int, _ figure: String) -> String { labelsOf(engineOrNil(names[k]))[figure] ?? figure }
        for (k, f) in results.enumerated() {
            guard !f.totalPay.isEmpty else { say(.noRunCompleted(fork: names[k])); continue }
            lines.append(OutputLine(fixed: ""))
            say(.forkHeading(fork: names[k], figure: f.payFigure, label: label(k, f.payFigure), period: f.period))
            var header = [word(.column(.agent)), "P10", word(.column(.median)), "P90"]
            if f.minimumWage != nil { header.append(word(.column(.runsUnderMinimum))) }
            header += f.bonuses.map { word(.bonusPaid(figure: $0, label: label(k, $0))) }
            var t = TextTable(header: header, rightAligned: [false] + Array(repeating: true, count: header.count - 1))
            func pct(_ n: Int) -> String { f.runs == 0 ? "—" : "\((n * 1000 / max(1, f.totalPay.count) + 5) / 10)%" }
            for p in f.people where !p.pay.isEmpty {
                let s = Forecast.Spread(p.pay)
                var row = [p.simulated ? p.name : word(.noHistory(name: p.name)), s.p10.moneyText, s.median.moneyText, s.p90.moneyText]
                if f.minimumWage != nil { row.append(pct(p.runsUnderMinimum)) }
                row += f.bonuses.map { pct(p.bonusPaidRuns[$0] ?? 0) }
                t.add(row)
            }
            let tp = Forecast.Spread(f.totalPay)
            t.separatorBefore = [t.rows.count]
            t.add([word(.column(.total)), tp.p10.moneyText, tp.median.moneyText, tp.p90.moneyText] + Array(repeating: "", count: header.count - 4))
            // Folded to 80 columns (indent included): a plan with many bonuses gives a wide table.
            lines += t.render(fitting: Session.tableWidth).map { OutputLine(fixed: $0.isEmpty ? "" : "  " + $0) }
            if f.costFigure != f.payFigure {
                let c = Forecast.Spread(f.totalCost)
                say(.ownerCost(figure: f.costFigure, label: label(k, f.costFigure), p10: c.p10.moneyText, median: c.median.moneyText, p90: c.p90.moneyText))
            }
        }
        if results.count == 2, results[0].totalPay.count == results[1].totalPay.count, !results[0].totalPay.isEmpty {
            let diffs = zip(results[0].totalPay, results[1].totalPay).compactMap { Fixed.checkedSubtract($1, $0) }
            let d = Forecast.Spread(diffs)
            func signed(_ x: Fixed) -> String { x.isNegative ? "−" + x.magnitude.moneyText : "+" + x.moneyText }
            lines.append(OutputLine(fixed: ""))
            say(.difference(a: names[0], b: names[1], figure: results[0].payFigure, label: label(0, results[0].payFigure),
                            p10: signed(d.p10), median: signed(d.median), p90: signed(d.p90)))
        }
        return lines
    }
}
