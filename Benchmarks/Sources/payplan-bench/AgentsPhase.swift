// Agents added one by one, as a piped script of `agent add` lines does (issue 10:
// 50,000 lines got through 523 a minute, slowing as they went, because each line
// built the engine again). Each `agent add` now appends the agent's cells to the
// engine in place (Engine+AgentEdits), so a line costs that agent's cells.
// Times are this thread's CPU time through `Session.execute`, as typed.

import Foundation
import PayPlan
import PayPlanREPL

/// `--agent-adds N` (default 50,000) `agent add` commands on plan C with one agent to start with.
func agentsPhase(_ c: Context) throws {
    let n = c.options.agentAdds
    var w = try ScenarioFile.load(path: c.options.scenario).workspace
    w.years = 2026...2026
    let first = Day(year: 2020, month: 1, day: 1)!
    w.agents = [Agent(name: "A00000", hired: first, base: Fixed(3000))]
    w.setOrders([])
    w.inputs = [:]
    w.teamInputs = [:]
    let s = try Session(workspace: w)
    let cellsBefore = s.engine.cellCount
    var hired: [Day] = [first]
    // The script is written first (Foundation's String(format:) alone was 6% of a line's instructions
    // besides the session's): what is timed is the session reading it, line by line.
    var script: [String] = []
    if n > 0 {
        for i in 1...n {
            // One in ten joins during 2026 (probation runs); the rest between 2018 and 2025.
            let year = Int.random(in: 0..<10, using: &c.rng) == 0 ? 2026 : Int.random(in: 2018...2025, using: &c.rng)
            let day = Day(year: year, month: Int.random(in: 1...12, using: &c.rng), day: Int.random(in: 1...28, using: &c.rng))!
            hired.append(day)
            script.append("agent add \(String(format: "A%05d", i)) base=3000 hired=\(day)")
        }
    }
    var lastThousand = 0.0
    let total = cpuMs {
        for (i, line) in script.enumerated() {
            if i < n - 1000 { must(s, line); continue }
            let t = cpuNow()
            must(s, line)
            lastThousand += Double(cpuNow() - t) / 1e6
        }
    }
    let perAgent = n > 0 ? (s.engine.cellCount - cellsBefore) / n : 0
    c.target("agents: \(n) agent add lines, as typed", String(format: "%.2f s cpu (%.0f µs a line; the last 1,000 %.0f µs a line; %d appended in place, %d cells an agent)",
                                                            total / 1000, total * 1000 / Double(n), lastThousand * 1000 / Double(min(n, 1000)),
                                                            s.engine.appendedAgentCount, perAgent),
             target: "≤ 10 s", ok: total <= 10_000)
    // Hand check: with no sales and no expenses every agent's year of pay is plan C's by hand.
    let zeros = [Int](repeating: 0, count: 12)
    var handFen = 0
    for h in hired { for m in 1...12 { handFen += handPayFen(hired: h, month: m, salesFen: zeros[...], expensesFen: zeros[...]) } }
    let year = Period(grain: .year, start: Month(year: 2026, month: 1))
    var engineFen = 0
    for a in s.engine.agents {
        guard case .number(let v)? = s.engine.figure(rule: "pay", agent: a.name, period: year), let fen = v.fen else { c.wrong += 1; continue }
        engineFen += Int(fen)
    }
    c.line("agents: year's pay of the \(n + 1) agents", "\(engineFen == handFen ? "equal" : "DIFFERENT") to plan C by hand (\(handFen) fen)")
    if engineFen != handFen { c.wrong += 1 }
    let undo = cpuMs { must(s, "undo") }
    c.target("agents: undo of the last agent add", String(format: "%.2f ms cpu", undo), target: "≤ 1 ms", ok: undo <= 1)
    let rm = cpuMs { must(s, "agent rm \(String(format: "A%05d", n - 1))") }
    c.target("agents: agent rm of the agent added last", String(format: "%.2f ms cpu", rm), target: "≤ 1 ms", ok: rm <= 1)
}
