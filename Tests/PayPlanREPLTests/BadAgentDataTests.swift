import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Issue 12, part 2: bad data is refused with a clear error, and the workspace stays as it was.
@Suite struct BadAgentDataTests {
    func session() throws -> Session {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = base + sales * 1%")
        return s
    }

    @Test func leavingBeforeBeingHiredIsRefused() throws {
        let s = try session()
        expectRefused(s, "agent add 甲 base=3000 hired=2026-03-01 left=2026-02-28",
                      "left=2026-02-28 is before hired=2026-03-01: an agent cannot leave before being hired")
        run(s, "agent add 乙 base=3000 hired=2026-03-01")
        expectRefused(s, "agent set 乙 left=2026-01-31", "left=2026-01-31 is before hired=2026-03-01")
        expectRefused(s, "agent set 乙 hired=2026-12-01 left=2026-11-30", "left=2026-11-30 is before hired=2026-12-01")
        // Leaving on the hire day is a one-day job, not an error.
        run(s, "agent set 乙 left=2026-03-01")
        s.language = .zh
        expectRefused(s, "agent set 乙 left=2026-02-01", "离职日 left=2026-02-01 早于入职日 hired=2026-03-01")
    }

    @Test func aBaseOutsideTheDeclaredRangeIsRefused() throws {
        let s = try session()
        // Without a declared range a negative base is the owner's business (a draw against pay).
        run(s, "agent add 甲 base=-100")
        run(s, "agent rm 甲", "attribute base \"底薪\" default 3000 range 0..")
        expectRefused(s, "agent add 甲 base=-3000", "base=-3000 is outside the range the plan declares for base (0..)")
        run(s, "agent add 甲 base=0", "agent set 甲 base=3000")
        expectRefused(s, "agent set 甲 base=-0.01", "base=-0.01 is outside the range the plan declares for base (0..)")
        #expect(query(s, "甲.pay[2026-03]") == "3,000.00")
    }

    /// Names that could not be used in a reference (`NAME.sales[2026-03]`), each with the reason.
    @Test(arguments: [
        ("123", "'123' cannot name an agent: a name starts with a letter or '_'"),
        ("1号", "'1号' cannot name an agent: a name starts with a letter or '_'"),
        ("a.b", "'a.b' cannot name an agent: '.' is not allowed in a name"),
        ("张[三]", "'张[三]' cannot name an agent: '[' is not allowed in a name"),
        ("month", "'month' cannot name an agent: it is a word of the pay language"),
        ("if", "'if' cannot name an agent: it is a word of the pay language"),
        ("order", "'order' cannot name an agent: it is a word of the pay language"),
        ("agents", "'agents' cannot name an agent: the commands use it (the agents list)"),
        // `statement all 2026-03` would print only this agent's statement (fresh-user finding).
        ("all", "'all' cannot name an agent: the commands use it (statement all)"),
        // A `total` row in report and compare could not be told from the total (fresh-user finding).
        ("total", "'total' cannot name an agent: the commands use it (the total row of report and compare)"),
    ])
    func unusableAgentNamesAreRefused(_ row: (String, String)) throws {
        let s = try session()
        expectRefused(s, "agent add \(row.0) base=3000", row.1)
        // A rename to such a name is refused the same way.
        run(s, "agent add 甲 base=3000")
        expectRefused(s, "agent set 甲 name=\(row.0)", row.1)
    }

    /// A fork takes the same names as an agent, and a reserved word is refused as reserved, not as
    /// a name with spaces or dots (fresh-user finding: `fork x` said "use letters, digits…").
    @Test(arguments: ["x", "month", "total", "all"])
    func reservedForkNamesSayTheyAreReserved(_ name: String) throws {
        let s = try session()
        expectRefused(s, "fork \(name)", "'\(name)' cannot name a scenario: it is a word of the pay language or of the commands; choose another name, e.g. \(name)_1")
        expectRefused(s, "fork a.b", "'a.b' cannot name a scenario: a name starts with a letter or '_' (then letters, digits, '_' or '-'; no spaces or dots), e.g. lower_tier")
    }

    /// 千 is read as owners say it, in a base and in an input (fresh-user note: base=3.5千 was
    /// refused). pay = base + sales × 1%: 3,500 + 2,000 × 1% = 3,520.00; then 4,000 + 20 = 4,020.00.
    @Test func thousandsWrittenInChinese() throws {
        let s = try session()
        run(s, "agent add 甲 base=3.5千", "甲.sales[2026-03] = 2千")
        #expect(query(s, "甲.pay[2026-03]") == "3,520.00")
        run(s, "agent set 甲 base=4千元")
        #expect(query(s, "甲.pay[2026-03]") == "4,020.00")
    }

    /// A name that is another agent's employee ID, or an ID that is another's name, is refused: a note
    /// or an imported 业务员 cell `S01` would credit the wrong one (fresh-user finding: `agent add S01`
    /// took 李雷's imported orders, 李雷 being S01).
    @Test func aNameMayNotBeAnotherAgentsID() throws {
        let s = try Session(path: repositoryRoot + "/scenarios/electronics-sales.json")
        let before = s.workspace
        expectRefused(s, "agent add S01 base=3000 hired=2026-01-01", "'S01' is 李雷's employee ID: an agent of that name could not be told apart from 李雷 in notes and imports")
        expectRefused(s, "agent add Ｓ０１ base=3000", "is 李雷's employee ID")
        expectRefused(s, "agent set 韩梅梅 name=S01", "'S01' is 李雷's employee ID")
        expectRefused(s, "agent add 新人 id=王芳", "id=王芳 is the name of the agent 王芳")
        expectRefused(s, "agent set 韩梅梅 id=李雷", "id=李雷 is the name of the agent 李雷")
        #expect(s.workspace == before)
        // An agent's own ID as its own name is no one else's: taken.
        run(s, "agent add S09 id=S09 base=3000 hired=2026-01-01")
    }

    @Test func usableNamesStillWork() throws {
        let s = try session()
        run(s, "agent add S01_李雷 base=3000", "agent add months base=3000", "agent add 王-芳 base=3000", "agent add _x base=3000")
        #expect(query(s, "months.pay[2026-03]") == "3,000.00")
        #expect(query(s, "王-芳.pay[2026-03]") == "3,000.00")
    }

    @Test func removingSeveralAgentsRemovesAllOrNone() throws {
        let s = try session()
        run(s, "agent add 张三 base=3000", "agent add 李四 base=3000", "agent add 王五 base=3000", "张三.sales[2026-03] = 1万")
        expectRefused(s, "agent rm 张三 赵六", "no agent named '赵六'; nothing was removed")
        expectRefused(s, "agent rm 张三 张三", "an agent is named twice in agent rm; nothing was removed")
        let out = run(s, "agent rm 张三 李四")
        #expect(out.first == "removed 2 agents (张三, 李四) and their inputs (undo brings them back)")
        #expect(s.workspace.agents.map(\.name) == ["王五"])
        #expect(s.workspace.inputs["张三"] == nil)
        run(s, "undo")
        #expect(s.workspace.agents.map(\.name) == ["张三", "李四", "王五"])
        #expect(query(s, "张三.sales[2026-03]") == "10,000.00")
    }

    /// A redefinition without a label keeps the old label, placed by parsing: `m` is not found inside `month`.
    @Test func labelKeptOnRedefinitionByTheParsedName() throws {
        let s = try session()
        run(s, "input month m \"x\" default 0", "input month m default 5")
        #expect(s.execute("show m").lines == ["input month m \"x\" default 5"])
        run(s, "param r \"比例\" = 2%", "param r = 3%")
        #expect(s.execute("show r").lines == ["param r \"比例\" = 3%"])
        // A rule whose name also appears earlier in the text (`month pay` inside `team month pay_pool`).
        run(s, "team month h \"池\" = 1", "team month h = 2")
        #expect(s.execute("show h").lines == ["team month h \"池\" = 2"])
        // A new label replaces the old one.
        run(s, "input month m \"y\" default 5")
        #expect(s.execute("show m").lines == ["input month m \"y\" default 5"])
    }

    @Test func rangesParseWithCarets() throws {
        let s = try session()
        run(s, "input month visits default 0 range 0..100", "input month refunds range ..5万 default 0", "input month delta default 0 range -100..100")
        guard case .input(_, _, _, _, let r?) = s.workspace.plan.definition(named: "refunds")?.statement else { Issue.record("no range"); return }
        #expect(r == AmountRange(lower: nil, upper: Fixed(50000)))
        expectRefused(s, "input month bad default 0 range 5..1", "this range is empty: 5.00 is above 1.00",
                      sourceLine: "  input month bad default 0 range 5..1")
        expectRefused(s, "input month bad default 0 range ..", "a range needs at least one end")
        expectRefused(s, "input month bad default 0 range 0 100", "write a range as LO..HI")
        expectRefused(s, "input month bad default 0 range sales..", "a range's ends are amounts written out")
    }
}
