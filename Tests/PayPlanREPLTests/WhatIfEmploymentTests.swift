import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `sweep`, `solve` and `cliffs` for a month the person is not employed in (fresh user, session 10):
/// `sweep … for 赵强 in 2026-03` (赵强 joins on 2026-04-01) printed rows of 0.00, as if the plan paid
/// nothing at any sales. A month before the hire month or after the leaving month is now refused, naming
/// the hire or leaving day and the months the person is employed, in en and zh, for each of the three
/// commands; with no `in`, the first month the person is employed is taken, and said.
@Suite struct WhatIfEmploymentTests {
    /// Plan C's scenario plus 离职: employed from 2024 and leaving on 2026-06-15.
    func session() throws -> Session {
        let s = try Session(path: electronics)
        run(s, "agent add 离职 id=S08 base=3000 hired=2024-01-01 left=2026-06-15")
        return s
    }

    @Test func aMonthBeforeTheHireMonthIsRefused() throws {
        let s = try session()
        let en = "赵强 was not employed in 2026-03 (hired 2026-04-01); they are employed 2026-04 to 2026-12: choose one of those months, e.g. in 2026-04"
        let zh = "赵强 在 2026-03 尚未入职（入职日 2026-04-01）；其在职月份为 2026-04 到 2026-12：请选其中一个月，例如 in 2026-04"
        for command in ["sweep sales from 0 to 10万 step 5万 show pay for 赵强 in 2026-03",
                        "solve sales for pay = 5000 for 赵强 in 2026-03",
                        "cliffs pay over sales from 0 to 10万 for 赵强 in 2026-03"] {
            try expectRefusedInBoth(s, command, en: en, zh: zh, file: nil)
        }
        expectRefused(s, "sweep sales from 0 to 10万 step 5万 show pay for 赵强 in 2026-01",
                      "赵强 was not employed in 2026-01 (hired 2026-04-01); they are employed 2026-04 to 2026-12")
    }

    @Test func aMonthAfterTheLeavingMonthIsRefused() throws {
        let s = try session()
        let en = "离职 was not employed in 2026-07 (left 2026-06-15); they are employed 2026-01 to 2026-06: choose one of those months, e.g. in 2026-01"
        let zh = "离职 在 2026-07 已离职（离职日 2026-06-15）；其在职月份为 2026-01 到 2026-06：请选其中一个月，例如 in 2026-01"
        for command in ["sweep sales from 0 to 10万 step 5万 show pay for 离职 in 2026-07",
                        "solve sales for pay = 5000 for 离职 in 2026-07",
                        "cliffs pay over sales from 0 to 10万 for 离职 in 2026-07"] {
            try expectRefusedInBoth(s, command, en: en, zh: zh, file: nil)
        }
        // The hire month and the leaving month are employed in part: tried as asked.
        #expect(!s.execute("sweep sales from 0 to 10万 step 5万 show pay for 离职 in 2026-06").failed)
        #expect(!s.execute("sweep sales from 0 to 10万 step 5万 show pay for 赵强 in 2026-04").failed)
    }

    /// With no `in`, the first month 赵强 is employed, 2026-04 (a probation month, C1; no expenses, no orders):
    /// sales 0 → deduction 40% × 3,000 = 1,200, pay 1,800.00 (C1); 5万 → R in [4万, 10万): no deduction,
    /// commission 2% × 50,000 = 1,000, pay 4,000.00 (C3); 10万 → 2% × 10万 = 2,000, pay 5,000.00 (C3).
    @Test func withNoMonthTheFirstMonthEmployedIsTaken() throws {
        let s = try session()
        let out = run(s, "sweep sales from 0 to 10万 step 5万 show pay for 赵强")
        #expect(out.contains("(in 2026-04, the first month 赵强 is employed; add for AGENT in MONTH to choose)"))
        // The table's rows, right-aligned: sales, pay.
        let rows = out.map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        #expect(rows.contains(["0.00", "1,800.00"]))
        #expect(rows.contains(["50,000.00", "4,000.00"]))
        #expect(rows.contains(["100,000.00", "5,000.00"]))
        // solve likewise: 2% × 99,999.75 = 1,999.995 → 2,000.00 (half away from zero); 99,999.74 → 1,999.99.
        let solved = run(s, "solve sales for pay = 5000 for 赵强")
        #expect(solved.first == "赵强.sales[2026-04] = 99,999.75 is the least that gives 赵强.pay[2026-04] ≥ 5,000.00 (pay = 5,000.00; at 99,999.74 it is 4,999.99)")
        s.language = .zh
        #expect(run(s, "solve sales for pay = 5000 for 赵强").last == "（月份取 赵强 在职的第一个月 2026-04；加 for 员工 in 月份 可指定）")
        // A person employed from the scenario's first month keeps it, said as before.
        s.language = .en
        #expect(run(s, "solve sales for pay = 5000 for 李雷").last == "(in 2026-01, the first month; add for AGENT in MONTH to choose)")
    }
}
