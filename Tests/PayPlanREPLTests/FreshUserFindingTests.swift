import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user findings 2, 4, 5, 7 and 8: the as-of default, an overflow said after the edit,
/// amounts held to what an input means, flags and grades month by month on a longer statement,
/// and order fields kept inside a declared range. Values worked out by hand in the comments.
@Suite struct FreshUserFindingTests {
    /// An unpaid order more than 30 days old (as of the as-of date) claws back 10% of its amount,
    /// in the order's month: pay = base − Σ clawback.
    func clawbackSession() throws -> Session {
        let s = try Session()
        run(s, "field amount default 0", "field paid",
            "order clawback = if missing(paid) and days_between(date, as_of) > 30 then amount * 10% else 0",
            "month pay = if not active then 0 else base - sum(clawback over orders)",
            "agent add 甲 base=3000 hired=2025-01-01",
            "order add O1 agent=甲 date=2026-01-10 amount=1000",
            "order add O2 agent=甲 date=2026-02-20 amount=2000 paid=2026-03-05",
            "order add O3 agent=甲 date=2026-03-01 amount=5000")
        return s
    }

    @Test func asOfDefaultsToTheLatestDateTheOrdersRecord() throws {
        let s = try clawbackSession()
        // The latest recorded date: O2's payment, 2026-03-05 (after every order's own date).
        #expect(s.execute("as of").lines == ["as of 2026-03-05 (no as of is set: the latest date the orders record, so nothing after it is booked; as of DATE sets another)"])
        // O1: 2026-01-10 → 2026-03-05 is 21 + 28 + 5 = 54 days > 30: 100 clawed back in January (2,900).
        // O3: 2026-03-01 → 2026-03-05 is 4 days: not yet; the old default (2026-12-31, 305 days) booked 500 in March.
        #expect(query(s, "甲.pay[2026-01]") == "2,900.00")
        #expect(query(s, "甲.pay[2026-03]") == "3,000.00")
        // A new order dated 2026-04-20 moves the default: O3 is 50 days old → 500 in March (2,500).
        #expect(run(s, "order add O4 agent=甲 date=2026-04-20 amount=100").contains("甲.pay[2026-03]: 3,000.00 → 2,500.00"))
        #expect(s.execute("as of").lines.first?.hasPrefix("as of 2026-04-20 (no as of is set") == true)
        // An order edit made in place moves it too: O2 paid 2026-06-01 → as of 2026-06-01; O4 is 42 days old:
        // 10% × 100 = 10 in April (2,990); O2 is paid (no clawback).
        let out = run(s, "order set O2 paid=2026-06-01")
        #expect(out.contains("甲.pay[2026-04]: 3,000.00 → 2,990.00"))
        #expect(query(s, "甲.pay[2026-04]") == "2,990.00")
        // The same figures as a new engine on the same workspace.
        let fresh = try Engine(workspace: s.workspace)
        #expect(fresh.figure(rule: "pay", agent: "甲", period: Period(text: "2026-04")!) == .number(Fixed(2990)))
        // Undo takes both back: as of 2026-04-20, April 3,000.
        run(s, "undo")
        #expect(query(s, "甲.pay[2026-04]") == "3,000.00")
        // A date set by hand wins: as of 2026-03-31, O3 is 30 days old (not > 30): March 3,000.
        run(s, "as of 2026-03-31")
        #expect(s.execute("as of").lines == ["as of 2026-03-31"])
        #expect(query(s, "甲.pay[2026-03]") == "3,000.00")
        // No orders: the end of the years, said as such.
        let empty = try Session()
        #expect(empty.execute("as of").lines == ["as of 2026-12-31 (the end of the scenario's years: there are no orders)"])
    }

    @Test func theFreshUsersNegativeMonthCameFromFutureClawbacks() throws {
        // electronics-sales records nothing after 2026-12-30: after years 2026-2027 no 2027 clawback is booked,
        // so 韩梅梅's April 2027 is base 3,000 − 30% deduction (no revenue) = 2,100.00, not −149.99.
        let s = try Session(path: electronics)
        #expect(s.execute("as of").lines.first?.hasPrefix("as of 2026-12-30") == true)
        run(s, "years 2026-2027")
        #expect(query(s, "韩梅梅.pay[2027-04]") == "2,100.00")
        // Knowing up to the end of 2027 books them (and says the month is below zero, finding 1).
        let out = s.execute("as of 2027-12-31")
        #expect(out.warnings.map(\.message).contains { $0.hasPrefix("in 'pay': 韩梅梅.pay[2027-04] = -149.99 is below zero") })
    }

    @Test func anOverflowIsSaidAfterTheEditWithWhereItStarted() throws {
        let s = try Session(path: electronics)
        // damage_cap_rate 10²⁶% = 10²⁴: 李雷's January cap 10²⁴ × 4,234 (pay before damage) is beyond ±10²⁶.
        // Pay figures that overflow: 李雷, 韩梅梅, 王芳 12 months each and 赵强 April–December (hired 2026-04-01,
        // paid 0 before): 36 + 9 = 45, the first 李雷's January, 44 more.
        let out = s.execute("param damage_cap_rate = 100000000000000000000000000%")
        let w = out.warnings.filter { $0.warningKind == .payError }
        #expect(w.map(\.message) == ["in 'pay': 李雷's pay (应发工资) for 2026-01 cannot be computed (#OVERFLOW the result of 1000000000000000000000000 * 4234 is too large), from 李雷's damage limit (本月可扣上限) for 2026-01 (44 more pay figures are errors too); nothing can be paid from an error: correct the value that caused it, or undo"])
        // The statement says so too.
        #expect(s.execute("statement 李雷 2026-01").text.contains("warning: pay for 2026-01 is an error value"))
        // A sane rate again: no error warning.
        #expect(s.execute("param damage_cap_rate = 20%").warnings.filter { $0.warningKind == .payError }.isEmpty)
    }

    @Test func amountsAreHeldToWhatTheInputMeans() throws {
        let s = try Session(path: electronics)
        let before = s.workspace
        func refused(_ command: String, _ message: String, place: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let out = s.execute(command)
            #expect(out.errors.map(\.message) == [message], sourceLocation: sourceLocation)
            if let d = out.errors.first, let src = d.source, let r = d.range { #expect(String(Array(src)[r]) == place, sourceLocation: sourceLocation) }
            #expect(s.workspace == before, sourceLocation: sourceLocation)
        }
        refused("李雷.sales[2026-03] = 1.005", "'1.005' is finer than a fen (0.01): sales is money or a count, entered to the fen at most", place: "1.005")
        refused("李雷.sales[2026-03] = 50%", "'50%' is a percent, but sales takes an amount (CNY or a count): write 5000 or 5千; a percent is for an input whose default is one (default 5%)", place: "50%")
        refused("李雷.sales[2026-03] = --5", "'--5' has two signs in a row: write -5 or 5, not --5", place: "--5")
        refused("李雷.sales[2026-03] = - -5", "'- -5' has two signs in a row: write -5 or 5, not --5", place: "- -5")
        #expect(s.execute("offer sales -5万").errors.map(\.message) == ["'-5万' is negative: an offer tries sales a new hire could bring, 0 or more"])
        #expect(s.execute("offer sales 1.005").failed)
        // The fen itself, 万, and an expression are fine: 1.01 → sales 1.01 (李雷's March pay 2,100.00 at so little).
        #expect(!s.execute("李雷.sales[2026-03] = 1.01").failed)
        #expect(query(s, "李雷.sales[2026-03]") == "1.01")
        #expect(!s.execute("李雷.sales[2026-03] = 1.5万 + 800").failed)
        #expect(query(s, "李雷.sales[2026-03]") == "15,800.00")
        // An input that holds a fraction (its default is a percent) takes percents and fine decimals.
        let t = try Session()
        run(t, "input month share default 5%", "month pay = base * share", "agent add 甲 base=3000")
        #expect(!t.execute("甲.share[2026-03] = 12.5%").failed)
        #expect(query(t, "甲.pay[2026-03]") == "375.00")  // 3,000 × 12.5%
        #expect(!t.execute("甲.share[2026-04] = 0.125").failed)
        #expect(t.execute("甲.share[2026-04] = --5%").failed)
    }

    @Test func flagsAndGradesAreShownMonthByMonthOnALongerStatement() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month star \"明星\" = sales >= 10万",
            "month grade \"等级\" = if sales >= 10万 then \"A\" else \"B\"", "month pay = base + sales * 2%",
            "report columns sales, star, grade, pay", "agent add 甲 base=3000",
            "甲.sales[2026-04] = 12万", "甲.sales[2026-05] = 5万", "甲.sales[2026-06] = 10万")
        // Q2: sales 120,000 + 50,000 + 100,000 = 270,000 (added up); star yes/no/yes and grade A/B/A, not summed.
        let text = s.execute("statement 甲 2026-Q2").text
        #expect(text.contains("270,000.00"))
        #expect(text.contains("04 yes · 05 no · 06 yes"))
        #expect(text.contains("04 A · 05 B · 06 A"))
        #expect(text.contains("each month (not added up)"))
        s.language = .zh
        let zh = s.execute("statement 甲 2026-Q2").text
        #expect(zh.contains("4月 是 · 5月 否 · 6月 是"))
        #expect(zh.contains("4月 A · 5月 B · 6月 A"))
        let csv = s.execute("statement 甲 2026-Q2 --format csv").text
        #expect(csv.contains(",明星,star,4月 是 · 5月 否 · 6月 是,"))
        // A month's statement shows the month's own value.
        s.language = .en
        #expect(s.execute("statement 甲 2026-05").text.contains("no"))
    }

    @Test func anOrderFieldOutsideItsRangeIsRefusedAndListedByCheck() throws {
        // Plan B (web-agency) declares a deal price of 0 or more (field price … range 0..).
        let s = try Session(path: webAgency)
        let before = s.workspace
        let out = s.execute("order add D99 agent=甲 date=2026-04-03 product=standard price=-5000")
        #expect(out.errors.map(\.message) == ["order D99: price = -5,000.00 is outside the range the plan declares for price (0..); nothing was changed"])
        #expect(s.workspace == before)
        let id = try #require(s.workspace.orders.first?.id)
        #expect(s.execute("order set \(id) price=-1").failed)
        #expect(s.workspace == before)
        // A scenario whose orders were entered before the range was declared: check lists them.
        let t = try Session()
        run(t, "field price default 0", "month pay = base + sum(price over orders) * 10%", "agent add 甲 base=3000",
            "order add A1 agent=甲 date=2026-04-03 price=-5000", "order add A2 agent=甲 date=2026-04-04 price=2000",
            "field price default 0 range 0..")
        #expect(t.execute("check").warnings.map(\.message).contains("in 'price': orders A1 (-5,000.00) have price outside the range the plan declares (0..): correct them with order set ID price=…"))
    }

    /// Typed as a Chinese input method types (fresh-user findings): `李雷。sales[…]` with 。 for the dot,
    /// `15 万` with a space, and an `explain` reference without its `]` said as such.
    @Test func chineseInputMethodTypingOfReferencesAndAmounts() throws {
        let s = try Session(path: electronics)
        // C3: revenue 150,000 − 900 expenses = 149,100; 2% × 100,000 + 3% × 49,100 = 2,000 + 1,473 = 3,473
        // commission; pay 3,000 base + 3,473 = 6,473.00 (README: 6,473.00 at 15万).
        run(s, "李雷。sales[2026-03] = 15 万")
        #expect(query(s, "李雷.sales[2026-03]") == "150,000.00")
        #expect(query(s, "李雷。pay[2026-03]") == "6,473.00")
        expectRefused(s, "explain 李雷.commission[2026-03", "expected ']' after the period")
        let e = s.execute("explain 李雷。commission[2026-03]")
        #expect(e.errors.isEmpty, "\(e.text)")
        #expect(e.text.contains("3,473.00"), "\(e.text)")
    }

    /// A Chinese input method types `[` `]` as `【` `】` (fresh-user finding M4: `李雷。sales【2026-03】 = 15 万`
    /// was "unknown command"): read as `[ ]` wherever `［ ］` is, in an edit, a query, explain, a rule and
    /// a script line; a missing `】` is said as a missing `]` is, in both languages, the workspace unchanged.
    @Test func lenticularBracketsAreReadAsSquareBrackets() throws {
        let s = try Session(path: electronics)
        // C3: 150,000 − 900 = 149,100 (under 15万: no C3.2 bonus); 2,000 + 3% × 49,100 = 3,473; pay 6,473.00.
        #expect(run(s, "李雷。sales【2026-03】 = 15 万").contains("李雷.pay[2026-03]: 5,573.00 → 6,473.00"))
        #expect(query(s, "李雷.sales[2026-03]") == "150,000.00")
        #expect(query(s, "李雷.pay【2026-03】") == "6,473.00")
        #expect(query(s, "李雷.pay［2026-03］") == "6,473.00")
        let e = s.execute("explain 李雷.commission【2026-03】")
        #expect(e.errors.isEmpty && e.text.contains("3,473.00"), "\(e.text)")
        // In a rule: 1% of March's sales, 1% × 150,000 = 1,500 in every month.
        run(s, "month m = sales【2026-03】 * 1%")
        #expect(query(s, "李雷.m[2026-05]") == "1,500.00")
        expectRefused(s, "李雷.pay【2026-03", "expected ']' after the period")
        expectRefused(s, "explain 李雷.pay【2026-03", "expected ']' after the period")
        s.language = .zh
        let zh = s.execute("李雷.pay【2026-03")
        #expect(zh.failed && zh.errors.first?.render().first == "错误：期间后面缺少 ']'", "\(zh.text)")
        // Inside quoted text it stays as typed.
        s.language = .en
        #expect(Session.normalise(#"李雷.sales【2026-03】 "【备注】""#) == #"李雷.sales[2026-03] "【备注】""#)
        // A script line: one command each, the bracket closed on its line.
        let script = try Session(path: electronics)
        let out = script.execute("source " + (try tempFile(Data("王芳.sales【2026-03】 = 10万\n王芳.pay【2026-03】\n".utf8), "ime.txt")))
        #expect(!out.failed, "\(out.text)")
        #expect(query(script, "王芳.sales[2026-03]") == "100,000.00")
    }

    /// `¥ 15,000` (a space after ¥) was "unexpected character '¥'" though `¥15,000` is read (fresh-user LOW):
    /// both read 15,000; ¥ with no amount after it is still refused, in both languages.
    @Test func aYuanSignThenASpaceReadsTheAmount() throws {
        let s = try Session(path: electronics)
        run(s, "param p = ¥ 15,000", "param q = ￥  1.5万", "param r = ¥15,000")
        #expect(query(s, "p") == "15,000.00")
        #expect(query(s, "q") == "15,000.00")
        #expect(query(s, "r") == "15,000.00")
        // C3: 160,000 − 900 = 159,100: 2,000 + 3% × 59,100 = 3,773, C3.2 bonus 500 (R ≥ 150,000): 3,000 + 3,773 + 500.
        run(s, "李雷.sales[2026-03] = ¥ 16万")
        #expect(query(s, "李雷.pay[2026-03]") == "7,273.00")
        expectRefused(s, "param t = ¥", "unexpected character '¥'")
        s.language = .zh
        let before = s.workspace
        let zh = s.execute("param t = ¥ 元")
        #expect(zh.failed && zh.errors.first?.render().first == "错误：无法识别的字符 '¥'", "\(zh.text)")
        #expect(s.workspace == before)
    }

    /// `order add  agent=李雷 …` (the order number left out) made an order numbered "agent=李雷" with no
    /// agent (fresh-user finding H2): refused for add, set and rm, naming the field, the workspace unchanged.
    @Test func anOrderCommandWithoutItsNumberIsRefused() throws {
        let s = try Session(path: electronics)
        for c in ["order add  agent=李雷 date=2026-04-05 amount=1000", "order set amount=5", "order rm agent=李雷"] {
            expectRefused(s, c, "is a field, not an order number: write the order's number first")
        }
        s.language = .zh
        #expect(s.execute("order add agent=李雷 date=2026-04-05").text.contains("'agent=李雷' 是字段，不是订单号"))
    }
}
