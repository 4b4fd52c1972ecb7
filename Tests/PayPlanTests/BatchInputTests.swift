import Foundation
import Testing
@testable import PayPlan
import TestSupport

/// `Engine.setInputs` (one recompute for many edits) against one edit at a time
/// and against a fresh engine built from the edited workspace, cell for cell.
@Suite struct BatchInputTests {
    @Test func batchEqualsOneByOneEqualsFresh() throws {
        let w0 = try ScenarioFile.load(path: repositoryRoot + "/scenarios/electronics-sales.json").workspace
        var rng = SplitMix64(seed: 7)
        for round in 0..<20 {
            let one = try Engine(workspace: w0), batch = try Engine(workspace: w0)
            var w = w0
            var edits: [(cell: Int, value: Fixed?)] = []
            let r = one.plan.ruleIndex["sales"]!
            for _ in 0..<30 {
                let a = Int(rng.next() % UInt64(w0.agents.count)), m = Int(rng.next() % 12)
                let v = Fixed(Int(rng.next() % 400_000))
                let p = Period.month(Month(year: 2026, month: m + 1))
                let c = one.cell(rule: r, agent: a, period: p)!
                edits.append((c, v))
                _ = one.setInput(cell: c, value: v)
                w.setInput("sales", agent: w0.agents[a].name, period: p, value: v)
            }
            batch.setInputs(edits)
            let fresh = try Engine(workspace: w)
            #expect(fresh.cellCount == one.cellCount)
            var bad = 0
            for c in 0..<fresh.cellCount where fresh.value(ofCell: c) != one.value(ofCell: c) || fresh.value(ofCell: c) != batch.value(ofCell: c) {
                if bad < 3 { Issue.record("round \(round): \(fresh.name(ofCell: c)) fresh \(fresh.value(ofCell: c)) one-by-one \(one.value(ofCell: c)) batch \(batch.value(ofCell: c))") }
                bad += 1
            }
            #expect(bad == 0)
        }
    }
}
