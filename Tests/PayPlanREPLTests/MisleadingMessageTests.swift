import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding 6: each message names the real problem, and the refused command changes nothing.
@Suite struct MisleadingMessageTests {
    /// The bytes `save` would write: the workspace and its forks, to tell that nothing changed.
    func state(_ s: Session) -> Workspace { s.workspace }

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
