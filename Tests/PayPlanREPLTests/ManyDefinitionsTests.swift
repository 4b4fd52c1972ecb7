import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding M-E: a plan written top down, one definition a line (`param p0 = 1`, then
/// `param pN = pN-1 + 1`), took 12.6 s for 400 lines and did not finish 2,000 in a debug build, and
/// printed "nothing reads 'pN'; did you mean p…" on every line. Its speed is measured in the
/// benchmark, not here; these tests hold the figures and the notes.
@Suite struct ManyDefinitionsTests {
    /// `param p0 = 1`, `param pK = pK-1 + 1` for K = 1 … 299, typed one after another.
    /// By induction, pK = p(K-1) + 1 = (K - 1 + 1) + 1 = K + 1: p0 = 1, p150 = 151, p299 = 300.
    /// No line gets the did-you-mean note: p17 and p97 differ only in their digits (a numbered series).
    @Test func aChainOfParametersDefinedOneAfterAnotherGivesEachItsFigure() throws {
        let s = try Session()
        let n = 300
        let first = s.execute("param p0 = 1")
        #expect(!first.failed)
        for k in 1..<n {
            let out = s.execute("param p\(k) = p\(k - 1) + 1")
            #expect(!out.failed, "p\(k): \(out.text)")
            #expect(!out.text.contains("did you mean"), "p\(k): \(out.text)")
            #expect(out.lines.first == "defined p\(k)", "p\(k): \(out.text)")
        }
        #expect(s.execute("p0").lines == ["p0 = 1.00"])
        #expect(s.execute("p150").lines == ["p150 = 151.00"])
        #expect(s.execute("p\(n - 1)").lines == ["p\(n - 1) = \(n).00"])
        // Each step's undo keeps no copy of the plan (the workspace before is the one after without the
        // definition): undo takes p299 off (p298 is still 299), redo brings it back (300).
        #expect(s.undoStack.suffix(n - 1).allSatisfy { $0.workspace == nil && $0.dropsLastDefinition != nil })
        #expect(!s.execute("undo").failed)
        #expect(s.workspace.plan.definition(named: "p\(n - 1)") == nil && s.workspace.plan.definitions.count == n - 1)
        #expect(s.execute("p\(n - 2)").lines == ["p\(n - 2) = \(n - 1).00"])
        #expect(try Engine(workspace: s.workspace).values == s.engine.values)
        #expect(!s.execute("redo").failed)
        #expect(s.execute("p\(n - 1)").lines == ["p\(n - 1) = \(n).00"])
        // Redefining the first moves the whole chain by the same amount: p0 = 11 gives p299 = 310.
        #expect(!s.execute("param p0 = 11").failed)
        #expect(s.execute("p\(n - 1)").lines == ["p\(n - 1) = \(n + 10).00"])
        // The session's engine equals one built afresh from its workspace, cell for cell.
        let fresh = try Engine(workspace: s.workspace)
        #expect(fresh.values == s.engine.values)
    }

    /// The same with month rules read per agent: `month m0 = 1`, `month mK = mK-1 + 1` for
    /// K = 1 … 149, one agent: mK is K + 1 in every month (m149[2026-03] = 150, m0 = 1), by induction.
    @Test func aChainOfMonthRulesDefinedOneAfterAnotherGivesEachItsFigure() throws {
        let s = try Session()
        #expect(!s.execute("agent add 甲").failed)
        let n = 150
        #expect(!s.execute("month m0 = 1").failed)
        for k in 1..<n {
            let out = s.execute("month m\(k) = m\(k - 1) + 1")
            #expect(!out.failed, "m\(k): \(out.text)")
        }
        #expect(s.execute("甲.m0[2026-03]").lines == ["甲.m0[2026-03] = 1.00"])
        #expect(s.execute("甲.m\(n - 1)[2026-03]").lines == ["甲.m\(n - 1)[2026-03] = \(n).00"])
        #expect(s.execute("甲.m\(n - 1)[2026-12]").lines == ["甲.m\(n - 1)[2026-12] = \(n).00"])
        let fresh = try Engine(workspace: s.workspace)
        #expect(fresh.values == s.engine.values)
    }

    /// A numbered series gets no note, whatever its digits (`tier1_rate` … `tier3_rate`, `rate2` after
    /// `rate`); a slip in a letter still gets one, also when a number is in the name
    /// (`tier1_rat` for `tier1_rate`), and a slip of the same numbered series' name too
    /// (`tier2_rte` for `tier2_rate`: one letter dropped, not only digits changed).
    @Test func aNumberedSeriesGetsNoNoteButASlipInALetterDoes() throws {
        let s = try Session()
        for line in ["param tier1_rate = 1%", "param tier2_rate = 2%", "param tier3_rate = 3%", "param rate = 1%", "param rate2 = 2%"] {
            let out = s.execute(line)
            #expect(!out.failed && !out.text.contains("did you mean"), "\(line): \(out.text)")
        }
        let slip = s.execute("param tier1_rat = 1%")
        #expect(slip.text.contains("note: nothing reads 'tier1_rat'; did you mean tier1_rate (a parameter)?"), "\(slip.text)")
        let slip2 = s.execute("param tier2_rte = 2%")
        #expect(slip2.text.contains("note: nothing reads 'tier2_rte'; did you mean tier2_rate (a parameter)?"), "\(slip2.text)")
    }

    /// The banded edit distance equals the plain one wherever it is within the limit, and is above the
    /// limit otherwise: every pair of a set of names (ASCII, Chinese, empty, a letter with a combining
    /// accent) at limits 0 … 4, the plain distance being the reference (Levenshtein by the textbook).
    @Test func theBandedEditDistanceAgreesWithThePlainOne() {
        let names = ["", "a", "ab", "ba", "abc", "base", "bsae", "basee", "p17", "p97", "p1017", "提成比率", "提成率", "报销适用全部档",
                     "报销全部档", "expense_limit_all_tiers", "expense_limit_all_tier", "e\u{301}te", "ete", "kitten", "sitting"]
        for a in names {
            for b in names {
                let plain = editDistance(a, b)
                for limit in 0...4 {
                    let banded = editDistance(a, b, within: limit)
                    if plain <= limit { #expect(banded == plain, "\(a) \(b) \(limit)") } else { #expect(banded > limit, "\(a) \(b) \(limit)") }
                }
            }
        }
        // By hand: kitten → sitting is 3 (k→s, e→i, +g); 提成比率 → 提成率 is 1 (比 dropped).
        #expect(editDistance("kitten", "sitting", within: 3) == 3)
        #expect(editDistance("提成比率", "提成率", within: 1) == 1)
    }
}
