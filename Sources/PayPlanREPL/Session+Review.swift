import Foundation
import PayPlan

/// Plan review and forecast (issue 15): `review A B [PERIOD] [--html FILE]` and
/// `forecast A [B] [PERIOD] [--runs N] [--seed S]`. The analysis lives in
/// PayPlan/Analysis (PlanReview, Forecast); this file parses and prints.
extension Session {
    /// The width review and forecast tables fold to (an 80-column terminal, less their 2-space indent).
    static let tableWidth = 78

    /// English or Chinese, by the session's language.
    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// A signed difference in CNY with its percentage of `a`: `−3,456.00 (−2.8%)`.
    static func signedChange(_ a: Fixed?, _ b: Fixed?) -> String {
        guard let a, let b, let d = Fixed.checkedSubtract(b, a) else { return "" }
        if d.isZero { return "0.00" }
        let text = d.isNegative ? "−" + d.magnitude.moneyText : "+" + d.moneyText
        guard !a.isZero, let r = Fixed.checkedDivide(Fixed.checkedMultiply(d, Fixed(100)) ?? d, a.magnitude) else { return text }
        let pct = r.rounded(toDigits: 1)
        return text + " (" + (pct.isNegative ? "−" + pct.magnitude.format(minimumFractionDigits: 1, grouping: false) : "+" + pct.format(minimumFractionDigits: 1, grouping: false)) + "%)"
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
        let usage = say("write review A B [PERIOD] [--html FILE], e.g. review main lower 2026",
                        "写法：review 方案A 方案B [期间] [--html 文件]，例如 review main lower 2026")
        do {
            let args = try CommandArguments.parse(rest, options: ["--html", "--threshold"])
            let pos = args.positional, opts = args.values
            guard pos.count == 2 || pos.count == 3 else { return .error(usage) }
            guard let wa = workspace(named: pos[0]) else { return .error(unknownFork(pos[0])) }
            guard let wb = workspace(named: pos[1]) else { return .error(unknownFork(pos[1])) }
            let period = try periodOrYear(pos.count == 3 ? pos[2] : nil)
            let threshold = try opts["--threshold"].map { try amount([$0], "--threshold") } ?? Fixed(100)
            guard !threshold.isNegative else { return .error(say("the threshold must not be negative", "阈值不能为负")) }
            let r = try PlanReview(a: wa, b: wb, nameA: pos[0], nameB: pos[1], period: period, cliffThreshold: threshold,
                                   shouldStop: { [interruptCheck] in interruptCheck() })
            if let file = opts["--html"] {
                if let problem = figureTargetProblem(file) { return .error(problem) }
                let page = r.html(chinese: language == .zh, labels: labelsOf(engineOrNil(pos[0])))
                do { try AtomicFile.write(Data(page.utf8), to: file) } catch { return .error(ReviewPageMessage.notWritten(Session.describeBoth(error))) }
                return Output(lines: reviewLines(r) + [say("wrote \(file) (the review as a page with charts)", "已写入 \(file)（含图表的评审页）")])
            }
            return Output(lines: reviewLines(r))
        } catch let e as WhatIfError where e.message == "interrupted" {
            return .error(say("review interrupted; nothing changed", "评审已中断；没有任何改动"))
        } catch let e as WhatIfError where e.reason == nil {
            return .error(e.message)
        } catch let p as CommandArguments.Problem {
            return .error("\(p.text(language)); \(usage)")
        } catch { return refusal(error) }
    }

    func engineOrNil(_ name: String) -> Engine? { try? engine(named: name) }

    /// The plan's labels (`pay` → `应发工资`), for Chinese output.
    func labelsOf(_ e: Engine?) -> [String: String] {
        var out: [String: String] = [:]
        for r in e?.plan.rules ?? [] { if let l = r.label { out[r.name] = l } }
        return out
    }

    func reviewLines(_ r: PlanReview) -> [String] {
        let labels = labelsOf(engineOrNil(r.nameA))
        func name(_ figure: String) -> String { language == .zh ? (labels[figure] ?? figure) : figure }
        var lines = [say("review: \(r.nameB) against \(r.nameA) — \(r.period)", "方案评审：\(r.nameB) 对比 \(r.nameA) — \(r.period)")]
        func money(_ f: Fixed?) -> String { f?.moneyText ?? "#" }
        lines.append(say("cost to the owner (\(r.payFigure)): ", "老板的工资总成本（\(name(r.payFigure))）：")
                     + "\(r.nameA) \(money(r.totalPayA)) → \(r.nameB) \(money(r.totalPayB))  \(Session.signedChange(r.totalPayA, r.totalPayB))")
        if r.costFigure != r.payFigure {
            lines.append(say("employer cost (\(r.costFigure)): ", name(r.costFigure) == "雇主成本" ? "雇主成本：" : "雇主成本（\(name(r.costFigure))）：")
                         + "\(r.nameA) \(money(r.totalCostA)) → \(r.nameB) \(money(r.totalCostB))  \(Session.signedChange(r.totalCostA, r.totalCostB))")
        }
        // Everyone, the largest loss first.
        lines.append("")
        lines.append(say("each person's \(r.payFigure), the largest loss first:", "每个人的\(name(r.payFigure))，损失最大的在前："))
        var t = TextTable(header: [say("agent", "员工"), r.nameA, r.nameB, say("difference", "差额")], rightAligned: [false, true, true, true])
        for p in r.people { t.add([p.name, money(p.payA), money(p.payB), Session.signedChange(p.payA, p.payB)]) }
        lines += t.render().map { "  " + $0 }
        // Not employed on any day of the period: no pay to compare, left out of the tables and the spread.
        if !r.notEmployed.isEmpty {
            let who = r.notEmployed.joined(separator: say(", ", "、"))
            lines.append(say("  (\(r.notEmployed.count) not employed in \(r.period), not listed: \(who))", "  （\(r.notEmployed.count) 人在 \(r.period) 不在职，未列出：\(who)）"))
        }
        let losers = r.people.filter { ($0.difference?.isNegative) == true }
        if losers.isEmpty { lines.append(say("  nobody earns less under \(r.nameB)", "  在 \(r.nameB) 下没有人收入减少")) } else {
            let list = losers.map { "\($0.name) " + "−" + $0.difference!.magnitude.moneyText }.joined(separator: say(", ", "，"))
            lines.append(say("  \(losers.count) earn less under \(r.nameB): \(list)", "  \(losers.count) 人在 \(r.nameB) 下收入减少：\(list)"))
        }
        // Minimum wage.
        lines.append("")
        if r.minimumWageA == nil && r.minimumWageB == nil {
            lines.append(say("minimum wage: the plans have no minimum_wage parameter to check against",
                             "最低工资：方案没有 minimum_wage 参数，无法检查"))
        } else {
            let mw = (r.minimumWageB ?? r.minimumWageA)!.moneyText
            lines.append(say("months under the minimum wage (\(mw)):", "低于最低工资（\(mw)）的月份："))
            let under = r.people.filter { !$0.underMinimumA.isEmpty || !$0.underMinimumB.isEmpty }
            if under.isEmpty { lines.append(say("  none, under either plan", "  两个方案下都没有")) }
            for p in under {
                func months(_ m: [Month]) -> String { m.isEmpty ? say("none", "无") : m.map(\.description).joined(separator: ", ") }
                lines.append("  \(p.name): \(r.nameA) \(months(p.underMinimumA)); \(r.nameB) \(months(p.underMinimumB))")
            }
        }
        // Cliffs.
        lines.append("")
        if let input = r.performanceInput {
            lines.append(say("cliffs of \(r.payFigure) over \(input) (one fen more changes pay by more than \(r.cliffThreshold.moneyText)), over each person's own range:",
                             "\(name(r.payFigure))随\(name(input))的断崖（多 1 分钱，工资变化超过 \(r.cliffThreshold.moneyText)），按每人自己的业绩范围："))
            var any = false
            for p in r.people {
                guard let m = p.cliffMonth, let top = p.cliffRangeTop else { continue }
                let changes = p.cliffsAdded.count + p.cliffsRemoved.count + p.cliffsChanged.count + p.fallingAdded.count + p.fallingRemoved.count
                guard changes > 0 else { continue }
                any = true
                lines.append("  \(p.name) (\(m), \(input) 0 – \(top.moneyText)):")
                for c in p.cliffsAdded {
                    lines.append(say("    added: \(input) \(c.to.moneyText): pay \(c.before.moneyText) → \(c.after.moneyText)",
                                     "    新增：\(name(input)) \(c.to.moneyText)：工资 \(c.before.moneyText) → \(c.after.moneyText)"))
                }
                for c in p.cliffsRemoved {
                    lines.append(say("    removed: \(input) \(c.to.moneyText): pay \(c.before.moneyText) → \(c.after.moneyText)",
                                     "    消除：\(name(input)) \(c.to.moneyText)：工资 \(c.before.moneyText) → \(c.after.moneyText)"))
                }
                for (ca, cb) in p.cliffsChanged {
                    lines.append(say("    changed: \(input) \(cb.to.moneyText): the jump \(ca.changeText) → \(cb.changeText)",
                                     "    变化：\(name(input)) \(cb.to.moneyText)：跳变 \(ca.changeText) → \(cb.changeText)"))
                }
                for f in p.fallingAdded {
                    lines.append(say("    added: more \(input) pays less from \(f.from.moneyText) to \(f.to.moneyText)",
                                     "    新增：\(name(input)) 从 \(f.from.moneyText) 到 \(f.to.moneyText) 多卖反而少拿"))
                }
                for f in p.fallingRemoved {
                    lines.append(say("    removed: more \(input) paid less from \(f.from.moneyText) to \(f.to.moneyText)",
                                     "    消除：\(name(input)) 从 \(f.from.moneyText) 到 \(f.to.moneyText) 多卖反而少拿"))
                }
            }
            if !any { lines.append(say("  \(r.nameB) adds and removes no cliff", "  \(r.nameB) 没有新增或消除断崖")) }
        } else {
            lines.append(say("cliffs: pay here comes from orders, not a monthly input, so there is no input to scan",
                             "断崖：本方案的工资来自订单而不是月度录入，无法扫描"))
        }
        // Pay and performance.
        if let input = r.performanceFigure {
            _ = input
            lines.append("")
            lines.append(say("pay and performance over \(r.period):", "\(r.period) 工资与业绩："))
            var t2 = TextTable(header: [say("agent", "员工"), name(input), r.nameA, r.nameB, say("\(r.nameA) pay/\(input)", "\(r.nameA) 工资/业绩"), say("\(r.nameB) pay/\(input)", "\(r.nameB) 工资/业绩")],
                               rightAligned: [false, true, true, true, true, true])
            func ratio(_ pay: Fixed?, _ x: Fixed?) -> String {
                guard let pay, let x, !x.isZero, let q = Fixed.checkedDivide(Fixed.checkedMultiply(pay, Fixed(100)) ?? pay, x) else { return "—" }
                return q.rounded(toDigits: 1).format(minimumFractionDigits: 1, grouping: true) + "%"
            }
            for p in r.people { t2.add([p.name, money(p.performance), money(p.payA), money(p.payB), ratio(p.payA, p.performance), ratio(p.payB, p.performance)]) }
            lines += t2.render(fitting: Session.tableWidth).map { $0.isEmpty ? "" : "  " + $0 }
        }
        // Spread.
        lines.append("")
        lines.append(say("spread of pay (min / median / max, top ÷ median):", "工资分布（最低 / 中位 / 最高，最高 ÷ 中位）："))
        for (n, s) in [(r.nameA, r.spreadA), (r.nameB, r.spreadB)] {
            guard let s else { continue }
            lines.append("  \(n): \(s.minimum.moneyText) / \(s.median.moneyText) / \(s.maximum.moneyText), \(s.topToMedian.map { $0.format(minimumFractionDigits: 2, grouping: false) + "×" } ?? "—")")
        }
        // A8 account policies.
        for (n, policies) in [(r.nameA, r.policiesA), (r.nameB, r.policiesB)] where !policies.isEmpty {
            lines.append("")
            lines.append(say("chat accounts (A8) under \(n), by account_plan: inquiries of the accounts staffed, the sales they bring at the shop's sales per inquiry, pay",
                             "\(n) 的旺旺分流（A8），按 account_plan：值守账号的询单、按每询单业绩估算的业绩、工资"))
            var t3 = TextTable(header: [say("agent", "员工")] + policies.flatMap { [say("\($0.policy) inquiries", "\($0.policy) 询单"), say("\($0.policy) sales", "\($0.policy) 估算业绩"), say("\($0.policy) pay", "\($0.policy) 工资")] },
                               rightAligned: [false] + policies.flatMap { _ in [true, true, true] })
            for (i, ag) in policies[0].people.enumerated() {
                t3.add([ag.name] + policies.flatMap { [money($0.people[i].inquiries), money($0.people[i].accountSales), money($0.people[i].pay)] })
            }
            lines += t3.render(fitting: Session.tableWidth).map { $0.isEmpty ? "" : "  " + $0 }
            for pol in policies {
                if let s = pol.spread {
                    lines.append(say("  \(pol.policy): estimated sales min / median / max \(s.minimum.moneyText) / \(s.median.moneyText) / \(s.maximum.moneyText)",
                                     "  \(pol.policy)：估算业绩 最低 / 中位 / 最高 \(s.minimum.moneyText) / \(s.median.moneyText) / \(s.maximum.moneyText)"))
                }
            }
        }
        return lines
    }

    // MARK: forecast

    /// `forecast A [B] [PERIOD] [--runs N] [--seed S]`: the period simulated from each person's history.
    func forecast(_ rest: String) -> Output {
        let usage = say("write forecast FORK [FORK2] [PERIOD] [--runs N] [--seed S], e.g. forecast main 2026 --runs 1000 --seed 1",
                        "写法：forecast 方案 [方案2] [期间] [--runs 次数] [--seed 种子]，例如 forecast main 2026 --runs 1000 --seed 1")
        do {
            let args = try CommandArguments.parse(rest, options: ["--runs", "--seed"])
            let pos = args.positional, opts = args.values
            var forkWords = pos, periodWord: String? = nil
            // A last word that is no fork and starts like a period (`2026-13`) is the period, so a wrong one is named as such.
            if pos.count > 1, let last = pos.last, workspace(named: last) == nil, Period(text: last) != nil || last.count >= 4 && last.prefix(4).allSatisfy({ ("0"..."9").contains($0) }) {
                periodWord = last; forkWords.removeLast()
            } else if pos.count == 1, let last = pos.last, Period(text: last) != nil, workspace(named: last) == nil { periodWord = last; forkWords.removeLast() }
            guard (1...2).contains(forkWords.count) else { return .error(usage) }
            let workspaces = try forkWords.map { n -> Workspace in
                guard let w = workspace(named: n) else { throw WhatIfRefusal(unknownFork(n)) }
                return w
            }
            let period = try periodOrYear(periodWord)
            let runs = try opts["--runs"].map { s -> Int in
                guard let n = Int(s), (1...1_000_000).contains(n) else { throw WhatIfError(say("--runs takes a whole number from 1 to 1,000,000", "--runs 取 1 到 1,000,000 的整数")) }
                return n
            } ?? 1000
            let seed = try opts["--seed"].map { s -> UInt64 in
                guard let n = UInt64(s) else { throw WhatIfError(say("--seed takes a whole number from 0 to 18446744073709551615", "--seed 取 0 到 18446744073709551615 的整数")) }
                return n
            } ?? 1
            var results: [Forecast] = []
            for (i, w) in workspaces.enumerated() {
                let label = forkWords[i]
                results.append(try Forecast(workspace: w, period: period, runs: runs, seed: seed,
                                            shouldStop: { [interruptCheck] in interruptCheck() },
                                            progress: { [progressLine] done, all in
                                                if done % 50 == 0 || done == all { progressLine("forecast \(label): \(done)/\(all)") } }))
                if results.last!.interrupted { break }
            }
            progressLine("")
            return Output(lines: forecastLines(results, names: forkWords))
        } catch let e as WhatIfError where e.reason == nil {
            return .error(e.message)
        } catch let p as CommandArguments.Problem {
            return .error("\(p.text(language)); \(usage)")
        } catch { return refusal(error) }
    }

    func forecastLines(_ results: [Forecast], names: [String]) -> [String] {
        let f0 = results[0]
        var lines: [String] = []
        lines.append(say("forecast of \(f0.period): \(f0.runs) runs, seed \(f0.seed); each month resampled from the scenario's months (one shop-wide draw, each person's own \(f0.inputs.joined(separator: ", ")))",
                         "\(f0.period) 预测：\(f0.runs) 次模拟，种子 \(f0.seed)；每月从方案已有月份中重抽（全店同抽一月，每人取自己的 \(f0.inputs.joined(separator: "、"))）"))
        if f0.interrupted { lines.append(say("interrupted after \(f0.runs) of \(f0.requestedRuns) runs: the figures cover those", "已中断：完成 \(f0.runs)/\(f0.requestedRuns) 次，以下为已完成部分")) }
        if f0.failedRuns > 0 { lines.append(say("\(f0.failedRuns) runs gave an error value and are left out", "\(f0.failedRuns) 次模拟出现错误值，已剔除")) }
        // Under zh, figures by the plan's labels (half_bonus → 半年奖), as the rest of the session shows them.
        func label(_ k: Int, _ figure: String) -> String { language == .zh ? (labelsOf(engineOrNil(names[k]))[figure] ?? figure) : figure }
        for (k, f) in results.enumerated() {
            guard !f.totalPay.isEmpty else { lines.append(say("\(names[k]): no run completed", "\(names[k])：没有完成的模拟")); continue }
            lines.append("")
            lines.append(say("\(names[k]) — \(f.payFigure) over \(f.period) (P10 / median / P90):", "\(names[k]) — \(f.period) \(label(k, f.payFigure))（P10 / 中位 / P90）："))
            var header = [say("agent", "员工"), "P10", say("median", "中位"), "P90"]
            if f.minimumWage != nil { header.append(say("runs under minimum", "低于最低工资的概率")) }
            header += f.bonuses.map { say("\($0) paid", "\(label(k, $0))发放概率") }
            var t = TextTable(header: header, rightAligned: [false] + Array(repeating: true, count: header.count - 1))
            func pct(_ n: Int) -> String { f.runs == 0 ? "—" : "\((n * 1000 / max(1, f.totalPay.count) + 5) / 10)%" }
            for p in f.people where !p.pay.isEmpty {
                let s = Forecast.Spread(p.pay)
                var row = [p.simulated ? p.name : p.name + say(" (no history)", "（无历史）"), s.p10.moneyText, s.median.moneyText, s.p90.moneyText]
                if f.minimumWage != nil { row.append(pct(p.runsUnderMinimum)) }
                row += f.bonuses.map { pct(p.bonusPaidRuns[$0] ?? 0) }
                t.add(row)
            }
            let tp = Forecast.Spread(f.totalPay)
            t.separatorBefore = [t.rows.count]
            t.add([say("total", "合计"), tp.p10.moneyText, tp.median.moneyText, tp.p90.moneyText] + Array(repeating: "", count: header.count - 4))
            // Folded to 80 columns (indent included): a plan with many bonuses gives a wide table.
            lines += t.render(fitting: Session.tableWidth).map { $0.isEmpty ? "" : "  " + $0 }
            if f.costFigure != f.payFigure {
                let c = Forecast.Spread(f.totalCost)
                lines.append(say("  owner's cost (\(f.costFigure)): P10 \(c.p10.moneyText), median \(c.median.moneyText), P90 \(c.p90.moneyText)",
                                 "  老板成本（\(label(k, f.costFigure))）：P10 \(c.p10.moneyText)，中位 \(c.median.moneyText)，P90 \(c.p90.moneyText)"))
            }
        }
        if results.count == 2, results[0].totalPay.count == results[1].totalPay.count, !results[0].totalPay.isEmpty {
            let diffs = zip(results[0].totalPay, results[1].totalPay).compactMap { Fixed.checkedSubtract($1, $0) }
            let d = Forecast.Spread(diffs)
            func signed(_ x: Fixed) -> String { x.isNegative ? "−" + x.magnitude.moneyText : "+" + x.moneyText }
            lines.append("")
            lines.append(say("\(names[1]) − \(names[0]), total \(results[0].payFigure) (same draws): P10 \(signed(d.p10)), median \(signed(d.median)), P90 \(signed(d.p90))",
                             "\(names[1]) − \(names[0]) \(label(0, results[0].payFigure))合计差额（相同抽样）：P10 \(signed(d.p10))，中位 \(signed(d.median))，P90 \(signed(d.p90))"))
        }
        return lines
    }
}
