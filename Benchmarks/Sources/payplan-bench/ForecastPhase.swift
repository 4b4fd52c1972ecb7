// The forecast phase (issue 15): 1,000 simulated years of the shipped plan C
// (4 people, their own months) and of 200 generated people, each run being
// one batch of input edits on one private engine.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PayPlan

func forecastPhase(_ c: Context) throws {
    let year = Period(grain: .year, start: Month(year: 2026, month: 1))
    // The shipped scenario as it is: 4 people, 12 months of sales and expenses, orders kept.
    let shipped = try ScenarioFile.load(path: c.options.scenario).workspace
    var t = now(), cpu = cpuNanoseconds()
    let small = try Forecast(workspace: shipped, period: year, runs: 1000, seed: c.options.seed)
    let smallNs = now() - t, smallCPU = cpuNanoseconds() - cpu
    c.target("forecast shipped C, \(shipped.agents.count) people × 1,000 runs",
             String(format: "%.0f ms", ms(smallNs)), target: "≈ 1000 ms", ok: smallNs <= 1_500_000_000)
    c.line("  CPU time (wall is longer when loaded)", String(format: "%.0f ms", ms(smallCPU)))
    c.line("  runs done / with an error value", "\(small.runs) / \(small.failedRuns)")

    // 200 of the generated people with their random months.
    var w = c.generated.workspace
    let keep = Array(w.agents.prefix(200))
    w.agents = keep
    w.inputs = w.inputs.filter { name, _ in keep.contains { $0.name == name } }
    t = now(); cpu = cpuNanoseconds()
    let big = try Forecast(workspace: w, period: year, runs: 1000, seed: c.options.seed)
    let bigNs = now() - t, bigCPU = cpuNanoseconds() - cpu
    c.target("forecast \(keep.count) people × 1,000 runs", String(format: "%.1f s", Double(bigNs) / 1e9),
             target: "< 60 s", ok: bigNs < 60_000_000_000)
    c.line("  CPU time", String(format: "%.1f s", Double(bigCPU) / 1e9))
    // A check that cannot come from the code under test: a constant history gives the deterministic plan in
    // every run. Give every generated person one month (their March) and compare each run with a fresh engine.
    var constant = w
    for a in keep {
        let march = Period.month(Month(year: 2026, month: 3))
        constant.inputs[a.name] = ["sales": [march: w.inputs[a.name]?["sales"]?[march] ?? .zero],
                                   "expenses": [march: w.inputs[a.name]?["expenses"]?[march] ?? .zero]]
    }
    let f = try Forecast(workspace: constant, period: year, runs: 20, seed: c.options.seed)
    var expected = constant
    let marchMonth = Month(year: 2026, month: 3)
    // People not employed in March have no history there: the forecast keeps their inputs, and so does the check.
    for a in keep where !((a.hired.map { $0 > marchMonth.lastDay } ?? false) || (a.left.map { $0 < marchMonth.firstDay } ?? false)) {
        for m in 1...12 {
            let p = Period.month(Month(year: 2026, month: m))
            let employed = !((a.hired.map { $0 > p.lastDay } ?? false) || (a.left.map { $0 < p.firstDay } ?? false))
            guard employed else { continue }
            expected.setInput("sales", agent: a.name, period: p, value: constant.inputs[a.name]?["sales"]?[.month(Month(year: 2026, month: 3))])
            expected.setInput("expenses", agent: a.name, period: p, value: constant.inputs[a.name]?["expenses"]?[.month(Month(year: 2026, month: 3))])
        }
    }
    let fresh = try Engine(workspace: expected)
    var bad = 0
    for (i, a) in keep.enumerated() {
        let want = fresh.figure(rule: "pay", agent: a.name, period: year)?.number
        if f.people[i].pay.contains(where: { $0 != want }) { bad += 1 }
    }
    c.wrong += bad
    c.line("  constant history = fresh engine, each run", "\(keep.count) people, \(bad) wrong")
}

/// User + system CPU time of this process so far, in nanoseconds (getrusage).
func cpuNanoseconds() -> UInt64 {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    func ns(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1000 }
    return ns(u.ru_utime) + ns(u.ru_stime)
}
