import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding 1: pay below zero (gross or take-home) and months under the minimum wage
/// are said by `check`, on the statement in every format, and after the edit that brings them.
@Suite struct PayConcernWarningTests {
    /// 甲: base 3,000, employed all year; 乙: base 2,000, hired 2026-03-01; minimum wage 2,500.
    /// pay = base + 2% × sales − clawback while employed (0 outside), net_pay = pay − 1,000 while employed.
    func session() throws -> Session {
        let s = try Session()
        run(s, "input month sales default 0 range 0..", "input month clawback default 0",
            "param minimum_wage = 2500",
            "month pay = if not active then 0 else base + sales * 2% - clawback",
            "month net_pay = if not active then 0 else pay - 1000", "report total pay",
            "agent add 甲 base=3000 hired=2025-01-01", "agent add 乙 base=2000 hired=2026-03-01")
        return s
    }

    func messages(_ out: Output) -> [String] { out.warnings.map(\.message) }

    @Test func checkListsEveryKindPerAgentWithTheFirstPeriodAndACount() throws {
        let s = try session()
        // 乙 earns 2,000 < 2,500 in each month employed, March–December: 10 months, the first 2026-03.
        // 乙's take-home is 2,000 − 1,000 = 1,000 ≥ 0; 甲's 3,000 is not under 2,500. Jan–Feb 乙 is not employed (pay 0, not warned).
        var out = s.execute("check")
        #expect(messages(out) == ["in 'pay': 乙.pay[2026-03] = 2,000.00 is under the minimum wage (minimum_wage 2,500.00) (and 9 more months under it): a month worked must pay at least the local minimum wage"])
        #expect(out.warnings.first?.warningKind == .belowMinimumWage)
        // 甲's April clawback of 3,500: pay 3,000 − 3,500 = −500 (below zero and under the minimum),
        // net_pay −500 − 1,000 = −1,500; 乙's May clawback 1,500: pay 500, net −500.
        run(s, "甲.clawback[2026-04] = 3500", "乙.clawback[2026-05] = 1500")
        out = s.execute("check")
        #expect(Set(messages(out)) == [
            "in 'pay': 甲.pay[2026-04] = -500.00 is below zero: the deductions and clawbacks of that month are more than the pay; decide whether to carry them to later months (e.g. with a cap) or to pay 0",
            "in 'net_pay': 甲.net_pay[2026-04] = -1,500.00 is below zero: more is withheld (social insurance, housing fund, tax) than is paid",
            "in 'net_pay': 乙.net_pay[2026-05] = -500.00 is below zero: more is withheld (social insurance, housing fund, tax) than is paid",
            "in 'pay': 甲.pay[2026-04] = -500.00 is under the minimum wage (minimum_wage 2,500.00): a month worked must pay at least the local minimum wage",
            "in 'pay': 乙.pay[2026-03] = 2,000.00 is under the minimum wage (minimum_wage 2,500.00) (and 9 more months under it): a month worked must pay at least the local minimum wage",
        ])
        #expect(out.lines.first == "5 warnings")
        s.language = .zh
        let zh = s.execute("check").warnings.map(\.message)
        #expect(zh.contains("在 'pay' 中：甲.pay[2026-04] = -500.00 为负数：当月的扣款和追回超过了工资；请决定是结转到以后（例如设上限）还是发 0"))
        #expect(zh.contains("在 'pay' 中：乙.pay[2026-03] = 2,000.00 低于最低工资（minimum_wage 2,500.00）（另有 9 个月也低于最低工资）：在职月份的工资不得低于当地最低工资"))
    }

    @Test func anEditSaysOnlyTheConcernsItBrought() throws {
        let s = try session()
        // An input edit (in place): 3,000 − 3,500 = −500 is new below zero, new under the minimum, and net −1,500 new.
        var out = s.execute("甲.clawback[2026-04] = 3500")
        #expect(!out.failed)
        #expect(Set(out.warnings.map(\.warningKind)) == [.negativePay, .belowMinimumWage])
        #expect(messages(out).count == 3)
        #expect(messages(out).contains { $0.hasPrefix("in 'pay': 甲.pay[2026-04] = -500.00 is below zero") })
        #expect(messages(out).contains { $0.hasPrefix("in 'net_pay': 甲.net_pay[2026-04] = -1,500.00 is below zero") })
        // Deeper in the same month (−600): nothing new to say.
        out = s.execute("甲.clawback[2026-04] = 3600")
        #expect(out.warnings.isEmpty, "\(messages(out))")
        // An edit that brings nothing: 甲's May sales 1万 → 3,200 (no warning).
        #expect(s.execute("甲.sales[2026-05] = 1万").warnings.isEmpty)
        // A rule edit (the plan changes): a 700 fee → 甲 3,000 − 700 = 2,300 < 2,500 in 10 new months
        // (January–March, June–December; April was under already, May is 3,200 − 700 = 2,500, not under).
        out = s.execute("month pay = if not active then 0 else base + sales * 2% - clawback - 700")
        #expect(messages(out).contains("in 'pay': 甲.pay[2026-01] = 2,300.00 is under the minimum wage (minimum_wage 2,500.00) (and 9 more months under it): a month worked must pay at least the local minimum wage"))
        run(s, "undo")
        // A new minimum wage of 3,001: 甲's 3,000 is under it in the 10 months not already flagged
        // (all but April, −600, and May, 3,200): first 2026-01.
        out = s.execute("param minimum_wage = 3001")
        #expect(messages(out).contains("in 'pay': 甲.pay[2026-01] = 3,000.00 is under the minimum wage (minimum_wage 3,001.00) (and 9 more months under it): a month worked must pay at least the local minimum wage"))
        // A new agent below zero from the start: base 500, net 500 − 1,000 = −500 in all 12 months.
        out = s.execute("agent add 丙 base=500 hired=2025-06-01")
        #expect(messages(out).contains("in 'net_pay': 丙.net_pay[2026-01] = -500.00 is below zero (and 11 more months): more is withheld (social insurance, housing fund, tax) than is paid"))
    }

    @Test func theStatementSaysItInEveryFormat() throws {
        let s = try session()
        run(s, "甲.clawback[2026-04] = 3500")
        let en = ["warning: pay for 2026-04 is below zero (-500.00); check its deductions and clawbacks before paying",
                  "warning: take-home pay for 2026-04 is below zero (-1,500.00): more is withheld than is paid",
                  "warning: pay for 2026-04 (-500.00) is under the minimum wage (2,500.00)"]
        let text = s.execute("statement 甲 2026-04").text
        #expect(text.hasSuffix(en.joined(separator: "\n")), "\(text)")
        // A quarter's statement names the month.
        #expect(s.execute("statement 甲 2026-Q2").text.hasSuffix(en.joined(separator: "\n")))
        // A month with none says none.
        #expect(!s.execute("statement 甲 2026-05").text.contains("warning"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("concern-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["md", "html", "csv"] {
            let file = dir.appendingPathComponent("甲.\(format)").path
            #expect(!s.execute("statement 甲 2026-04 --\(format) \(file)").failed)
            let body = try String(contentsOfFile: file, encoding: .utf8)
            for line in en { #expect(body.contains(line), "\(format): \(line)") }
        }
        let html = try String(contentsOfFile: dir.appendingPathComponent("甲.html").path, encoding: .utf8)
        #expect(html.contains("<p class=\"warn\">warning: pay for 2026-04 is below zero"))
        // statement all --csv: a last column of warnings; 乙's April (2,000 < 2,500) has its own.
        let all = dir.appendingPathComponent("all.csv").path
        #expect(!s.execute("statement all 2026-04 --csv \(all)").failed)
        let rows = try String(contentsOfFile: all, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rows[0].hasSuffix(",warnings"))
        #expect(rows[1].hasSuffix(",\"warning: pay for 2026-04 is below zero (-500.00); check its deductions and clawbacks before paying; warning: take-home pay for 2026-04 is below zero (-1,500.00): more is withheld than is paid; warning: pay for 2026-04 (-500.00) is under the minimum wage (2,500.00)\""))
        #expect(rows[2].hasSuffix(",\"warning: pay for 2026-04 (2,000.00) is under the minimum wage (2,500.00)\""))
        s.language = .zh
        #expect(s.execute("statement 甲 2026-04").text.hasSuffix("注意：2026-04 的应发工资（-500.00）低于最低工资（2,500.00）"))
    }

    @Test func noMinimumWageParameterNoMinimumWageWarning() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = if not active then 0 else base + sales * 2%",
            "agent add 甲 base=1000 hired=2025-01-01")
        // 1,000 a month with no minimum_wage: nothing to compare; not below zero.
        #expect(s.execute("check").warnings.isEmpty)
        // −1万 of sales: 1,000 − 200 = 800, still not below zero; −6万: 1,000 − 1,200 = −200.
        #expect(s.execute("甲.sales[2026-02] = -1万").warnings.isEmpty)
        let out = s.execute("甲.sales[2026-02] = -6万")
        #expect(messages(out) == ["in 'pay': 甲.pay[2026-02] = -200.00 is below zero: the deductions and clawbacks of that month are more than the pay; decide whether to carry them to later months (e.g. with a cap) or to pay 0"])
    }

    /// The shipped scenarios as a fresh user opens them.
    @Test func shippedScenarios() throws {
        // Plan C: 赵强 (hired 2026-04-01, base 3,000) is on probation with no sales in April:
        // 3,000 − 40% × 3,000 (probation_no_sales_rate) = 1,800 < 2,740 (the take-home part's example minimum wage).
        let c = try Session(path: electronics)
        let w = c.execute("check").warnings
        #expect(w.count == 1 && w[0].warningKind == .belowMinimumWage)
        #expect(w.first?.message.hasPrefix("in 'pay': 赵强.pay[2026-04] = 1,800.00 is under the minimum wage (minimum_wage 2,740.00)") == true)
        // The fresh user's case: 韩梅梅 2027-04 after years 2026-2027 with 2027 known (as of 2027-12-31): base 3,000
        // − 1,049.99 of clawbacks − 900 deduction − 1,200 overdue penalty = −149.99, said by the edit and by check.
        run(c, "years 2026-2027")
        let out = c.execute("as of 2027-12-31")
        #expect(out.warnings.map(\.message).contains { $0.hasPrefix("in 'pay': 韩梅梅.pay[2027-04] = -149.99 is below zero") })
        #expect(c.execute("check").warnings.map(\.message).contains { $0.hasPrefix("in 'pay': 韩梅梅.pay[2027-04] = -149.99 is below zero") })
        // Plan B: base 800 while the month's website sales are under 10,000 (B1): 800 < 2,740 in January for each of 甲乙丙丁.
        let b = try Session(path: webAgency)
        let under = b.execute("check").warnings.filter { $0.warningKind == .belowMinimumWage }.map(\.message)
        for name in ["甲", "乙", "丙", "丁"] {
            #expect(under.contains { $0.hasPrefix("in 'pay': \(name).pay[2026-01] = 800.00 is under the minimum wage (minimum_wage 2,740.00)") })
        }
    }
}
