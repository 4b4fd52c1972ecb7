import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `orders [AGENT] [PERIOD]` that chooses no order says so in a sentence, in English and Chinese, naming
/// what was asked for, and why none when the period lies outside the scenario's years — not an empty
/// table (issue 13). A file or machine format still gets the table (its header alone). Nothing changes.
@Suite struct EmptyOrderListTests {
    /// The shipped scenario's orders, read from its file by this test: (agent, date) of each.
    static func shippedOrders() throws -> [(agent: String?, date: String)] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: electronics))) as! [String: Any]
        return (json["orders"] as! [[String: Any]]).map { ($0["agent"] as? String, $0["date"] as! String) }
    }

    static func lines(_ s: Session, _ command: String, _ language: DisplayLanguage) -> [String] {
        s.language = language
        defer { s.language = .en }
        let out = s.execute(command)
        #expect(out.errors.isEmpty, "\(command): \(out.text)")
        return out.lines
    }

    @Test func anEmptyChoiceIsASentenceInBothLanguages() throws {
        let s = try Session(path: electronics)
        let before = s.workspace
        // The scenario's years are 2026 only; its first order is in April (checked against the file below).
        let cases: [(command: String, en: String, zh: String)] = [
            ("orders 2027", "there are no orders in 2027 (2027 is outside this scenario's years, 2026)", "2027 没有订单（2027 不在本方案的年份 2026 内）"),
            ("orders 2025-12", "there are no orders in 2025-12 (2025-12 is outside this scenario's years, 2026)", "2025-12 没有订单（2025-12 不在本方案的年份 2026 内）"),
            ("orders 2026-Q1", "there are no orders in 2026-Q1", "2026-Q1 没有订单"),
            ("orders 李雷 2026-03", "李雷 has no orders in 2026-03", "李雷 在 2026-03 没有订单"),
            ("orders 2027 李雷", "李雷 has no orders in 2027 (2027 is outside this scenario's years, 2026)", "李雷 在 2027 没有订单（2027 不在本方案的年份 2026 内）"),
        ]
        for c in cases {
            #expect(Self.lines(s, c.command, .en) == [c.en], "\(c.command)")
            #expect(Self.lines(s, c.command, .zh) == [c.zh], "\(c.command)")
        }
        #expect(s.workspace == before && !s.isDirty)
        // No orders at all, nothing asked: how to add some.
        let empty = try Session()
        #expect(Self.lines(empty, "orders", .en) == ["there are no orders yet (order add or orders import adds them)"])
        #expect(Self.lines(empty, "orders", .zh) == ["还没有订单（用 order add 或 orders import 添加）"])
        #expect(Self.lines(empty, "orders 2026-03", .en) == ["there are no orders in 2026-03"])
    }

    /// Every month of the years around the scenario's, for everyone and for 李雷: a sentence exactly when
    /// the file holds no order in it, the table with its count line otherwise.
    @Test func theSentenceComesExactlyWhenTheFileHoldsNoOrder() throws {
        let s = try Session(path: electronics)
        let orders = try Self.shippedOrders()
        for year in 2025...2027 {
            for month in 1...12 {
                let p = String(format: "%04d-%02d", year, month)
                for agent in [nil, "李雷"] as [String?] {
                    let n = orders.filter { $0.date.hasPrefix(p) && (agent == nil || $0.agent == agent) }.count
                    let lines = Self.lines(s, "orders \(agent.map { $0 + " " } ?? "")\(p)", .en)
                    let why = year == 2026 ? "" : " (\(p) is outside this scenario's years, 2026)"
                    if n == 0 {
                        #expect(lines == [agent.map { "\($0) has no orders in \(p)" } ?? "there are no orders in \(p)"] .map { $0 + why }, "\(p) \(agent ?? "")")
                    } else {
                        #expect(lines.last == "\(n) order\(n == 1 ? "" : "s")", "\(p) \(agent ?? "")")
                        #expect(lines.count == n + 3, "\(p) \(agent ?? ""): header, rule, \(n) rows, count")
                    }
                }
            }
        }
    }

    @Test func aMachineFormatStillGetsTheTableHeader() throws {
        let s = try Session(path: electronics)
        let csv = Self.lines(s, "orders 2027 --csv", .en)
        #expect(csv.count == 1 && csv[0].trimmingPrefix("\u{FEFF}").hasPrefix("order,agent,date"), "\(csv)")
    }
}
