import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// `agent add` appended in place computes the newcomer's cells rule by rule through the block
/// evaluator (`Engine+AppendedChunk`), or cell by cell when the plan has no rule-level schedule;
/// undo and redo of an add or rm of the agent added last are made in place on the workspace too
/// (`Session.restoreAgentInPlace`). Each is checked against a fresh engine of the workspace, cell
/// for cell (`_checkInvariants`), and against figures worked out by hand from rules.md.
@Suite struct AgentAppendInPlaceTests {
    func expectConsistent(_ s: Session, _ note: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        let problems = s._checkInvariants()
        #expect(problems.isEmpty, "\(note): \(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// Agents of every kind the chunk's lanes meet: employed all year, hired and leaving inside the
    /// year (part months prorated by the tree walk), no hire date (an error value in every month),
    /// another base, an attribute of the plan's; each equals a fresh engine cell for cell, on plan C
    /// whose take-home part and damage carried forward are circles through `prev` (period by period).
    @Test func appendedAgentsOfEveryKindEqualAFreshEngine() throws {
        let s = try Session(path: electronics)
        let engine = s.engine
        let adds = ["agent add P1 base=3000 hired=2020-01-01", "agent add P2 base=4000 hired=2026-02-10",
                    "agent add P3 base=3500 hired=2019-05-01 left=2026-08-20", "agent add P4",
                    "agent add P5 base=2500.50 hired=2026-11-30 role=sales", "agent add P6 base=0 hired=2021-03-03"]
        for line in adds {
            run(s, line)
            expectConsistent(s, line)
        }
        #expect(s.engine === engine && s.engine.appendedAgentCount == adds.count, "every add was made in place")
        #expect(s.engine.appended.chunkSteps != nil, "plan C has a rule-level schedule: the chunks went rule by rule")
        // C3: no sales, R = 0 deducts 30% of B and earns no commission; P1 (hired 2020, past C1's probation)
        // is paid 3,000 − 900 = 2,100.00 every month.
        for m in 1...12 { #expect(query(s, String(format: "P1.pay[2026-%02d]", m)) == "2,100.00") }
        // Sales entered for an appended agent recompute their cells: 5万 in March is R = 50,000, no
        // deduction, commission 2% × 50,000 = 1,000 (C3), no monthly bonus (C3.2): 3,000 + 1,000.
        run(s, "P1.sales[2026-03] = 5万")
        #expect(query(s, "P1.pay[2026-03]") == "4,000.00")
        expectConsistent(s, "after P1's sales")
    }

    /// A plan whose rules circle through a fixed period (`u` reads `w` of the month before, `w` reads
    /// `u` of January) has no rule-level schedule: the newcomer's chunk goes cell by cell in its twins'
    /// order, with the same figures as a fresh engine. By hand: u[2026-01] = prev(w) outside the years = 0,
    /// w[m] = u[2026-01] + 1 = 1, so u[m] = w[m − 1] = 1 from February.
    @Test func aPlanWithoutARuleScheduleAppendsCellByCell() throws {
        let s = try Session(path: electronics)
        run(s, "month u = 0", "month w = u[2026-01] + 1", "month u = prev(w)", "agent add Q1 hired=2020-01-01")
        run(s, "agent add Q2 hired=2020-01-01")
        #expect(s.engine.appendedAgentCount >= 1 && s.engine.appended.chunkSteps == nil)
        #expect(query(s, "Q2.u[2026-01]") == "0.00" && query(s, "Q2.u[2026-05]") == "1.00" && query(s, "Q2.w[2026-09]") == "1.00")
        expectConsistent(s, "no rule schedule")
    }

    /// `agent rm` of the agent added last, with their entered sales, then undo, redo and undo again: each
    /// step is made in place (the same engine; no step on either stack keeps a copy of the workspace) and
    /// leaves the very workspace the edits gave (compared with the workspaces recorded on the way).
    @Test func undoAndRedoOfAddAndRemoveAreInPlace() throws {
        let s = try Session(path: electronics)
        let original = s.workspace
        run(s, "agent add X base=3000 hired=2020-01-01")
        let added = s.workspace
        run(s, "X.sales[2026-03] = 5万")
        let withSales = s.workspace
        let engine = s.engine
        run(s, "agent rm X")
        let removed = s.workspace
        #expect(removed.agents == original.agents && removed.inputs["X"] == nil)
        // Undo brings X back with the March sales (3,000 + 2% × 50,000 = 4,000.00, C3); redo takes both off.
        #expect(run(s, "undo").contains("X.pay[2026-03]: — → 4,000.00"))
        #expect(s.workspace == withSales && s.redoStack.last?.workspace == nil)
        expectConsistent(s, "undo of rm")
        #expect(run(s, "redo").contains("X.pay[2026-03]: 4,000.00 → —"))
        #expect(s.workspace == removed && s.undoStack.last?.workspace == nil)
        expectConsistent(s, "redo of rm")
        run(s, "undo")
        #expect(s.workspace == withSales)
        // Back past the sales (a whole snapshot) and the add (in place): the scenario as opened.
        run(s, "undo")
        #expect(s.workspace == added)
        #expect(run(s, "undo").last == "X.pay[2026-12]: 2,100.00 → —")
        #expect(s.workspace == original && s.redoStack.last?.workspace == nil && !s.isDirty)
        expectConsistent(s, "undo of add")
        run(s, "redo")
        #expect(s.workspace == added)
        run(s, "redo", "redo")
        #expect(s.workspace == removed)
        expectConsistent(s, "redo to the end")
        #expect(s.engine === engine, "every step was made in place")
    }
}
