import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding 6: each message names the real problem, and the refused command changes nothing.
@Suite struct MisleadingMessageTests {
    /// The bytes `save` would write: the workspace and its forks, to tell that nothing changed.
    func state(_ s: Session) -> Workspace { s.workspace }

    /// Two command words typed the wrong way round get the command they make swapped as the hint
    /// (fresh-user finding: `import orders FILE` said only "unknown command 'import'").
    @Test(arguments: [("import orders 订单.csv", "import", "orders import"), ("import performance 赤兔.csv", "import", "performance import"),
                      ("add agent 甲 base=3000", "add", "agent add"), ("rm order T001", "rm", "order rm"), ("of as 2026-03-31", "of", "as of")])
    func swappedCommandWordsHintTheCommand(_ row: (String, String, String)) throws {
        let s = try Session(path: repositoryRoot + "/scenarios/electronics-sales.json")
        expectRefused(s, row.0, "unknown command '\(row.1)' (did you mean '\(row.2)'?); type 'help' for the list of commands")
        s.language = .zh
        #expect(s.execute(row.0).errors.map(\.message) == ["未知命令 '\(row.1)'（是否想写 '\(row.2)'？）；输入 help 查看命令列表"])
    }

    /// `calendar workday` on a weekday and `calendar holiday` on a weekend change nothing and say so;
    /// `as of` outside the years is taken with a note of what it means (fresh-user findings).
    @Test func calendarDaysAlreadySoAndAsOfOutsideTheYearsAreSaid() throws {
        let s = try Session(path: repositoryRoot + "/scenarios/web-agency.json")
        // 2026-10-12 is a Monday; 2026-10-03..04 a Saturday and a Sunday (2026-01-01 was a Thursday).
        expectRefused(s, "calendar workday 2026-10-12", "2026-10-12 is already a workday (weekdays that are not holidays, or worked weekend days); nothing was changed")
        expectRefused(s, "calendar holiday 2026-10-03..2026-10-04", "2026-10-03..2026-10-04 are all already days off (weekend days or holidays); nothing was changed")
        // A range with one real change is taken: 10-02 (Friday) becomes a holiday.
        #expect(!s.execute("calendar holiday 2026-10-02..2026-10-04").failed)
        #expect(s.workspace.calendar.holidays.contains(Day(year: 2026, month: 10, day: 2)!))
        // A worked Saturday is taken once; again it is already a workday.
        #expect(!s.execute("calendar workday 2026-10-10").failed)
        expectRefused(s, "calendar workday 2026-10-10", "2026-10-10 is already a workday")
        let early = s.execute("as of 1999-01-01")
        #expect(!early.failed)
        #expect(early.text.contains("note: 1999-01-01 is before this scenario's years (2026): on that day nothing the orders record has happened yet"))
        #expect(s.workspace.asOf == Day(year: 1999, month: 1, day: 1)!)
        let inside = s.execute("as of 2026-06-30")
        #expect(!inside.text.contains("note:"))
        s.language = .zh
        #expect(s.execute("as of 2031-01-01").text.contains("注意：2031-01-01 晚于本方案的年份（2026）"))
        #expect(s.execute("calendar workday 2026-10-12").errors.map(\.message).first?.hasPrefix("2026-10-12 本来就是工作日") == true)
    }

    @Test func droppingADefinitionOthersReadSaysWhoReadsIt() throws {
        let s = try Session()
        run(s, "input month sales default 0", "input month points default 0", "month commission = sales * 2%",
            "month bonus = if sales > 10万 then 500 else 0", "month pay = base + commission + bonus",
            "agent add 甲 base=3000")
        let before = state(s), undoSteps = s.undoStack.count
        // sales is an input read by commission and bonus (not by pay): said by kind and readers.
        var out = s.execute("drop sales")
        #expect(out.failed)
        #expect(out.errors.map(\.message) == ["cannot drop sales: it is an input that commission, bonus read; drop or redefine them first; nothing was changed"])
        #expect(state(s) == before && s.undoStack.count == undoSteps)
        out = s.execute("drop commission")
        #expect(out.errors.map(\.message) == ["cannot drop commission: it is a rule that pay reads; drop or redefine it first; nothing was changed"])
        s.language = .zh
        #expect(s.execute("drop commission").errors.map(\.message) == ["不能删除 commission：它是规则，pay 读取了它；请先删除或改写它们；未做任何更改"])
        // Nothing reads points: it is dropped.
        #expect(!s.execute("drop points").failed)
        #expect(s.workspace.plan.definition(named: "points") == nil)
    }

    @Test func aBackwardYearRangeIsNamedAsSuch() throws {
        let s = try Session(path: electronics)
        let before = state(s)
        #expect(s.execute("years 2027-2026").errors.map(\.message) == ["years 2027-2026 runs backwards: write the earlier year first, years 2026-2027"])
        #expect(state(s) == before && !s.isDirty)
        // Not a range of years at all: the usage, as before.
        #expect(s.execute("years abc").errors.first?.message.hasPrefix("years takes a year or a range") == true)
    }

    @Test func aForecastOfAMonthThatDoesNotExistSaysThePeriodIsWrong() throws {
        let s = try Session(path: electronics)
        #expect(s.execute("forecast main 2026-13").errors.map(\.message)
                == ["'2026-13' is not a period: write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026"])
        // A fork name that is not a period still says there is no such fork.
        #expect(s.execute("forecast main lower").errors.first?.message.hasPrefix("no scenario named 'lower'") == true)
    }

    @Test func aDirectoryGivenAsTheScenarioIsNamedADirectory() throws {
        let dir = NSTemporaryDirectory() + "payplan-dir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: ScenarioError.self) { try Session(path: dir) }
        do { _ = try Session(path: dir + "/") } catch let e as ScenarioError {
            #expect(e.message == "\(dir)/ is a directory, not a scenario file: give a scenario file (.json)")
        }
        try FileManager.default.copyItem(atPath: electronics, toPath: dir + "/shop.json")
        do { _ = try Session(path: dir) } catch let e as ScenarioError {
            #expect(e.message == "\(dir) is a directory, not a scenario file: give one of its scenario files, e.g. \(dir)/shop.json")
        }
        // A missing file still says so.
        do { _ = try Session(path: dir + "/none.json") } catch let e as ScenarioError {
            #expect(e.message == "cannot read \(dir)/none.json: no such file")
        }
    }

    @Test func asOfAloneShowsTheSetting() throws {
        let s = try Session(path: electronics)
        // No as of set: the default, said as such (the latest date the shipped orders record is 2026-12-30).
        #expect(s.execute("as of").lines == ["as of 2026-12-30 (no as of is set: the latest date the orders record, so nothing after it is booked; as of DATE sets another)"])
        run(s, "as of 2026-06-30")
        #expect(s.execute("as of").lines == ["as of 2026-06-30"])
        #expect(s.execute("as of 2026-13-01").failed)
    }
}
