import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Under zh an import error names each of the file's columns in corner brackets (「订单 编号」), so that a
/// column whose name has a space, a comma or nothing in it reads as one name; English is unchanged. Each
/// way a file's column is named: the columns listed, one column missing, one near it, a bad row's column.
@Suite struct ImportColumnQuotingTests {
    /// A file whose columns are `单 号` (with a space), `业务员` and `日期`: none is the order number.
    @Test func theFilesColumnsAreListedInBrackets() throws {
        let f = try tempFile(Data("单 号,业务员,日期\nX1,李雷,2026-03-05\n".utf8))
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("orders import \(f)").errors.first?.message ?? ""
        #expect(zh.contains("文件的列为：「单 号」、「业务员」、「日期」"), "\(zh)")
        s.language = .en
        let en = s.execute("orders import \(f)").errors.first?.message ?? ""
        #expect(en.contains("the file's columns are: 单 号, 业务员, 日期"), "\(en)")
    }

    /// `--map 单号=id` names a column the file lacks; the one a slip from it is `单 号`.
    @Test func aMissingColumnAndTheNearOneAreInBrackets() throws {
        let f = try tempFile(Data("单号x,业务员,日期\nX1,李雷,2026-03-05\n".utf8))
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("orders import \(f) --map 单号=id,日期=date").errors.first?.message ?? ""
        #expect(zh.contains("文件中没有「单号」这一列；是不是想写「单号x」？（它的列为：「单号x」、「业务员」、「日期」）"), "\(zh)")
    }

    /// A bad row's cell is named by its column: 第 2 行，列「金额」：.
    @Test func aBadRowsColumnIsInBrackets() throws {
        let f = try tempFile(Data("订单编号,业务员,签收日期,金额\nX1,李雷,2026-03-05,abc\n".utf8))
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("orders import \(f) --map-name electronics").text
        #expect(zh.contains("第 2 行，列「金额」：'abc'"), "\(zh)")
        s.language = .en
        #expect(s.execute("orders import \(f) --map-name electronics").text.contains("row 2, column 金额: 'abc'"))
    }

    /// Every message that names a file's columns, in the catalogue's samples: each column name it was given
    /// appears in brackets in the Chinese text, and never bare after a list's separator.
    @Test func everyCatalogueSampleBracketsItsColumns() {
        for m in ImportErrorMessage.samples {
            let columns: [String]
            switch m.kind {
            case .noColumnFor(_, let c, _), .noAgentColumn(let c), .noInputColumn(_, let c): columns = c
            case .noSuchColumn(let c, let cs): columns = [c] + cs
            case .twoColumnsMapTo(_, let a, let b), .twoColumnsGive(_, let a, let b): columns = [a, b]
            default: continue
            }
            let zh = m.text(.zh)
            for c in columns { #expect(zh.contains("「\(c)」"), "\(zh) should bracket \(c)") }
        }
    }
}
