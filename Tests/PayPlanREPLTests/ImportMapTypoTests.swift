import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// A `--map` entry of `orders import` that would lose data without a word (fresh user, session 9,
/// HIGH): `--map 金额=amout` imported the order with no amount (its commission 0, no warning), while
/// `order add … amout=100` is refused; `--map 利闰=profit` (利润 misspelt) named a column the file does
/// not have and was ignored, so profit was never read. Both are now refused, naming the entry and the
/// name one slip from it, in en and zh, and nothing is imported.
@Suite struct ImportMapTypoTests {
    func file() throws -> String {
        try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nT1,李雷,2026/4/7,30000,3000\n".utf8), "orders.csv")
    }
    /// The order fields of plan C's scenario, in the order its plan declares them (scenarios/electronics-sales.json).
    let fields = ["amount", "profit", "terms", "costs", "approved", "resale", "paid", "written_off"]
    let good = "订单编号=id,业务员=agent,签收日期=date,金额=amount,利润=profit"

    @Test func aFieldMisspeltInTheMapIsRefused() throws {
        let s = try Session(path: electronics), f = try file()
        let map = good.replacingOccurrences(of: "金额=amount", with: "金额=amout")
        try expectRefusedInBoth(s, "orders import \(f) --map \(map)",
                                en: "\(f): --map 金额=amout: no rule reads an order field 'amout', so the column would count nowhere; did you mean 金额=amount? "
                                    + "(the plan's order fields: \(fields.joined(separator: ", ")); or id, agent, date, note, or - to ignore the column); nothing was imported",
                                zh: "\(f)：--map '金额=amout'：没有任何规则读取订单字段 'amout'，这一列不会计入任何一项；是不是想写 '金额=amount'？"
                                    + "（方案的订单字段：\(fields.map { "'\($0)'" }.joined(separator: "、"))；或 id、agent、date、note，或 - 表示忽略这一列）；未导入任何订单", file: f)
        #expect(s.workspace.order("T1") == nil)
        // On top of a saved mapping, the same.
        expectRefused(s, "orders import \(f) --map-name electronics --map 金额=amout", "did you mean 金额=amount?")
        // A made-up field, one slip from none: the entry is named, with the plan's fields.
        expectRefused(s, "orders import \(f) --map 订单编号=id,签收日期=date,金额=bogusfield",
                      "--map 金额=bogusfield: no rule reads an order field 'bogusfield', so the column would count nowhere (the plan's order fields: amount, profit, terms")
        #expect(s.workspace.order("T1") == nil)
    }

    @Test func aColumnTheFileDoesNotHaveIsRefused() throws {
        let s = try Session(path: electronics), f = try file()
        let map = good.replacingOccurrences(of: "利润=profit", with: "利闰=profit")
        try expectRefusedInBoth(s, "orders import \(f) --map \(map)",
                                en: "\(f): --map 利闰=profit: the file has no column 利闰; did you mean 利润? (its columns are: 订单编号, 业务员, 签收日期, 金额, 利润); nothing was imported",
                                zh: "\(f)：--map '利闰=profit'：文件中没有「利闰」这一列；是不是想写「利润」？（它的列为：「订单编号」、「业务员」、「签收日期」、「金额」、「利润」）；未导入任何订单", file: f)
        #expect(s.workspace.order("T1") == nil)
    }

    /// The map is checked from the file's header before any row is read (fresh user, session 10): a slip in
    /// the entry for the order number or the date was said as its consequence, "no column maps to id" (or
    /// date), which names neither the entry nor the slip. Every kind of slip, for each column the importer
    /// needs, is now named first, in en and zh, and nothing is imported.
    @Test func theMapIsCheckedBeforeTheImportersOwnChecks() throws {
        let s = try Session(path: electronics), f = try file()
        let en = fields.joined(separator: ", "), zh = fields.map { "'\($0)'" }.joined(separator: "、")
        // The order number's column mapped to a made-up field: no column would be left for id.
        try expectRefusedInBoth(s, "orders import \(f) --map 订单编号=bogusfield",
                                en: "\(f): --map 订单编号=bogusfield: no rule reads an order field 'bogusfield', so the column would count nowhere "
                                    + "(the plan's order fields: \(en); or id, agent, date, note, or - to ignore the column); nothing was imported",
                                zh: "\(f)：--map '订单编号=bogusfield'：没有任何规则读取订单字段 'bogusfield'，这一列不会计入任何一项"
                                    + "（方案的订单字段：\(zh)；或 id、agent、date、note，或 - 表示忽略这一列）；未导入任何订单", file: f)
        // One slip from id, and from date: the target meant is named.
        try expectRefusedInBoth(s, "orders import \(f) --map 订单编号=di",
                                en: "\(f): --map 订单编号=di: no rule reads an order field 'di', so the column would count nowhere; did you mean 订单编号=id? "
                                    + "(the plan's order fields: \(en); or id, agent, date, note, or - to ignore the column); nothing was imported",
                                zh: "\(f)：--map '订单编号=di'：没有任何规则读取订单字段 'di'，这一列不会计入任何一项；是不是想写 '订单编号=id'？"
                                    + "（方案的订单字段：\(zh)；或 id、agent、date、note，或 - 表示忽略这一列）；未导入任何订单", file: f)
        expectRefused(s, "orders import \(f) --map 签收日期=daet", "\(f): --map 签收日期=daet: no rule reads an order field 'daet', so the column would count nowhere; did you mean 签收日期=date?")
        // The order number's and the date's columns misspelt: the column is named, not the field left unmapped.
        expectRefused(s, "orders import \(f) --map 订单编=id", "\(f): --map 订单编=id: the file has no column 订单编; did you mean 订单编号?")
        expectRefused(s, "orders import \(f) --map 签收日=date", "\(f): --map 签收日=date: the file has no column 签收日; did you mean 签收日期?")
        #expect(s.workspace.order("T1") == nil)
    }

    @Test func aRightMapStillImportsEveryFigure() throws {
        let s = try Session(path: electronics), f = try file()
        run(s, "orders import \(f) --map \(good)")
        let order = try #require(s.workspace.order("T1"))
        #expect(order.fields["amount"] == .number(Fixed(30000)))
        #expect(order.fields["profit"] == .number(Fixed(3000)))
        // `-` ignores a column, and the order's own targets (id, agent, date) are no fields.
        let t = try Session(path: electronics)
        run(t, "orders import \(f) --map \(good.replacingOccurrences(of: "利润=profit", with: "利润=-"))")
        #expect(t.workspace.order("T1")?.fields["profit"] == nil)
    }
}
