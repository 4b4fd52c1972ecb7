import Testing
import TestSupport
@testable import PayPlan

/// The lexer and parser: literals as owners type them, and errors with their place.
@Suite struct LanguageTests {
    func number(_ s: String) throws -> Fixed {
        let e = try Parser.expression(s)
        guard case .number(let n) = e.kind else { Issue.record("\(s) is not a number literal"); return .zero }
        return n
    }

    @Test func moneyLiterals() throws {
        #expect(try number("12万") == Fixed(120_000))
        #expect(try number("1.5万") == Fixed(15_000))
        #expect(try number("40k") == Fixed(40_000))
        // 千 (thousand) as owners say it: 3.5千 = 3,500; 8千元 = 8,000 (fresh-user note: base=3.5千 was refused).
        #expect(try number("3.5千") == Fixed(3_500))
        #expect(try number("8千元") == Fixed(8_000))
        #expect(try number("40,000") == Fixed(40_000))
        #expect(try number("1,234,567.89") == Fixed(decimalText: "1234567.89"))
        #expect(try number("¥40000") == Fixed(40_000))
        #expect(try number("￥40000") == Fixed(40_000))
        #expect(try number("3000元") == Fixed(3_000))
        #expect(try number("2%") == Fixed(decimalText: "0.02"))
        #expect(try number("1.5%") == Fixed(decimalText: "0.015"))
        #expect(try number("3万元") == Fixed(30_000))
    }

    /// As a Chinese input method types them (fresh-user finding): a space before 万, 亿, 元 or a lone 千
    /// is skipped, and 。 stands for the dot of a reference. 千 followed by letters is a name, not a unit.
    @Test func unitsAfterASpaceAndTheIdeographicFullStop() throws {
        #expect(try number("15 万") == Fixed(150_000))
        #expect(try number("15\t万元") == Fixed(150_000))
        #expect(try number("2 亿") == Fixed(200_000_000))
        #expect(try number("3 千") == Fixed(3_000))
        #expect(try number("3 千元") == Fixed(3_000))
        #expect(try number("800 元") == Fixed(800))
        // `3 千克` is 3 then the name 千克: two operands in a row are refused, not read as 3,000.
        #expect(throws: SourceError.self) { try Parser.expression("3 千克") }
        let t = try Lexer.tokenize("李雷。sales")
        #expect(t.map(\.kind) == [.identifier("李雷"), .symbol("."), .identifier("sales"), .end])
    }

    @Test func commaFollowedBySpaceSeparatesArguments() throws {
        let e = try Parser.expression("max(1, 100)")
        guard case .call("max", let args) = e.kind else { Issue.record("not a call"); return }
        #expect(args.count == 2)
    }

    @Test func badMoneyLiteralNamesTheToken() throws {
        let wan = try #require(throws: SourceError.self) { try Parser.expression("12x万") }
        #expect(wan.message == "'12x万' is not a number: write amounts like 12万, 1.5万, 40k, 40,000, ¥40000 or 2%")
        #expect(wan.range == 0..<4)
        let e = try #require(throws: SourceError.self) { try Parser.expression("sales + 12x") }
        #expect(e.range == 8..<11) // "sales + " is 8 characters, "12x" the next 3
        #expect(e.message.contains("'12x' is not a number"), "\(e.message)")
    }

    @Test func datesAndPeriods() throws {
        let t = try Lexer.tokenize("2026-03-15 2026-03 2026-Q1 2026-H2")
        #expect(t[0].kind == .date(Day(year: 2026, month: 3, day: 15)!))
        #expect(t[1].kind == .period(Period(text: "2026-03")!))
        #expect(t[2].kind == .period(Period(grain: .quarter, start: Month(year: 2026, month: 1))))
        #expect(t[3].kind == .period(Period(grain: .half, start: Month(year: 2026, month: 7))))
        // Month 13 and 30 February do not exist (2026 is not a leap year).
        for bad in ["2026-13", "2026-02-30"] {
            let e = try #require(throws: SourceError.self) { try Lexer.tokenize(bad) }
            #expect(e.message == "'\(bad)' is neither a date (2026-03-15) nor a period (2026-03, 2026-Q1, 2026-H1)")
            #expect(e.range == 0..<bad.count)
        }
    }

    @Test func fullWidthPunctuationFromAChineseInputMethod() throws {
        let e = try Parser.expression("round（sales × 2％）")
        guard case .call("round", let args) = e.kind, case .binary("*", _, let r) = args[0].kind,
              case .number(let n) = r.kind else { Issue.record("did not parse"); return }
        #expect(n == Fixed(decimalText: "0.02"))
    }

    @Test func precedence() throws {
        // and binds tighter than or; comparison tighter than and; * tighter than +.
        let e = try Parser.expression("a or b and c > 1 + 2 * 3")
        guard case .binary("or", _, let rhs) = e.kind, case .binary("and", _, let cmp) = rhs.kind,
              case .binary(">", _, let sum) = cmp.kind, case .binary("+", _, let prod) = sum.kind,
              case .binary("*", _, _) = prod.kind else { Issue.record("wrong tree: \(e)"); return }
    }

    @Test func statements() throws {
        let t = try Parser.statement("table t \"阶梯\" (lo, hi]: 0 -> 1%, 1万 -> 2%")
        guard case .table("t", "阶梯", .upperInclusive, let rows) = t else { Issue.record("\(t)"); return }
        #expect(rows.count == 2)
        let r = try Parser.statement("team month pool = sum(sales over agents where active)")
        guard case .rule(let dim, "pool", nil, _) = r else { Issue.record("\(r)"); return }
        #expect(dim == Dimension(grain: .month, perAgent: false))
        let noElse = try #require(throws: SourceError.self) { try Parser.statement("month pay = if sales > 0 then 1") }
        #expect(noElse.message.contains("else 0"), "\(noElse.message)")
    }

    @Test func inListIsAChainOfEquals() throws {
        let e = try Parser.expression("product in (\"seo\", \"vi\")")
        guard case .binary("or", let a, let b) = e.kind, case .binary("=", _, _) = a.kind, case .binary("=", _, _) = b.kind else {
            Issue.record("\(e)"); return
        }
        let n = try Parser.expression("x not in (1, 2)")
        guard case .unary("not", _) = n.kind else { Issue.record("\(n)"); return }
        let bare = try #require(throws: SourceError.self) { try Parser.expression("x in 1, 2") }
        #expect(bare.message == "write the choices in brackets: in (\"a\", \"b\")")
    }

    @Test func continuationRules() {
        #expect(StatementText.needsContinuation("table t [lo, hi):"))
        #expect(StatementText.needsContinuation("month a = round(1 +"))
        #expect(StatementText.needsContinuation("month a = 1 +"))
        #expect(StatementText.needsContinuation("month a = if x then"))
        #expect(!StatementText.needsContinuation("month a = 1"))
        let chunks = StatementText.group(["# a comment", "month a = 1", "  + 2", "", "month b = 3"])
        #expect(chunks.map(\.text) == ["month a = 1\n  + 2", "month b = 3"])
        #expect(chunks[0].comment == ["a comment"])
        #expect(chunks[1].line == 4)
    }

    @Test func calendar() {
        #expect(Day(year: 2026, month: 3, day: 6)!.weekday == 5) // Friday
        #expect(Day(year: 2026, month: 3, day: 10)!.weekday == 2) // Tuesday
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 2, day: 14)!.adding(days: 31) == Day(year: 2026, month: 3, day: 17))
        #expect(Period.containing(Month(year: 2026, month: 5), grain: .half).description == "2026-H1")
        #expect(Period.containing(Month(year: 2026, month: 9), grain: .quarter).description == "2026-Q3")
        #expect(Period(text: "2026")?.months.count == 12)
    }
}
