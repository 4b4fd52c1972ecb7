import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Pay statements (工资条) on plan C, figures worked by hand.
@Suite struct StatementTests {
    /// 李雷, March: sales 120,000 − expenses 900 = R 119,100; commission 2% × 10万 + 3% × 19,100 = 2,573.00;
    /// pay 3,000 − 0 + 2,573.00 = 5,573.00; the next commission tier starts at 200,000: 80,900.00 more revenue.
    @Test func textStatement() throws {
        let s = try Session(path: electronics)
        let out = run(s, "statement 李雷 2026-03")
        #expect(out[0] == "pay statement 工资条 — 李雷, 2026-03 (electronics-sales)")
        #expect(row(out, "提成 commission") == ["2,573.00", "提成阶梯: 119,100.00 in [100,000.00, 200,000.00)"])
        #expect(row(out, "扣款 deduction") == ["0.00", "扣底薪比例: 119,100.00 in [30,000.00, ∞)"])
        #expect(row(out, "应发工资 pay").first == "5,573.00")
        #expect(out.contains("  提成阶梯 (commission_tiers): 80,900.00 more 营业总额 (revenue) would reach the tier from 200,000.00"))
    }

    @Test func csvMarkdownAndHTML() throws {
        let s = try Session(path: electronics)
        let csv = run(s, "statement 李雷 2026-03 --format csv")
        #expect(csv[0] == "component,label,amount,note")
        #expect(csv.contains("commission,提成,2573.00,\"提成阶梯: 119,100.00 in [100,000.00, 200,000.00)\""))
        #expect(csv.contains("pay,应发工资,5573.00,pay_before_damage - damage_deducted"))
        let md = run(s, "statement 李雷 2026-03 --format md")
        #expect(md.contains("| **应发工资 pay** | **5,573.00** | pay_before_damage - damage_deducted |"))
        let file = NSTemporaryDirectory() + "payplan-statement-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(run(s, "statement 李雷 2026-03 --out \(file)") == ["wrote \(file) (html)"])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && !html.contains("<script") && !html.contains("src=") && !html.contains("href="))
        #expect(html.contains("<td class=\"amt\">5,573.00</td>"))
        // Text is escaped: the formula's ">=" appears as "&gt;=".
        #expect(html.contains("if revenue &gt;= 30万"))
    }

    /// A quarter sums the months: pay in Q1 = 4,234.00 + 3,951.00 + 5,573.00 = 13,758.00.
    @Test func quarterStatementAndErrors() throws {
        let s = try Session(path: electronics)
        #expect(row(run(s, "statement 李雷 2026-Q1"), "应发工资 pay").first == "13,758.00")
        let cases: [(String, String)] = [
            ("statement", "write statement AGENT PERIOD [--format text|md|html|csv] [--out FILE]"),
            ("statement 无名 2026-03", "no agent named '无名' (agents: 李雷, 韩梅梅, 王芳, 赵强)"),
            ("statement 李雷 2026-13", "'2026-13' is not a period"),
            ("statement 李雷 2030-01", "2030-01 is outside this scenario's years (2026–2026)"),
            ("statement 李雷 2026-03 --format pdf", "--format takes one of text, md, html, csv"),
            ("statement 李雷 2026-03 --out /nonexistent-dir/x.html", "cannot write /nonexistent-dir/x.html: No such file or directory; no statement was written"),
        ]
        for (bad, message) in cases { expectRefused(s, bad, message) }
    }
}
