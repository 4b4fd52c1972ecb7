import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The fresh-user findings on trust left open last session (issue 11), each with a test of its kind:
/// keys a save would drop, values a plan holds to amounts, `performance import --month`, a typo'd
/// parameter. Every refusal leaves the workspace (and the files) as they were.
@Suite struct TrustFindingsTests {
    /// A copy of a shipped scenario with `edit` applied to its JSON object.
    func scenario(_ shipped: String, _ edit: (inout [String: Any]) -> Void) throws -> (dir: String, file: String, bytes: Data) {
        let dir = tempDir("trust-findings")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shipped))) as? [String: Any])
        edit(&json)
        let bytes = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        let file = dir + "/s.json"
        try bytes.write(to: URL(fileURLWithPath: file))
        return (dir, file, bytes)
    }

    /// Loading `file` from a session on the shipped electronics scenario is refused with `message`;
    /// the session and the file are as they were.
    func expectLoadRefused(_ file: String, bytes: Data, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try Session(path: file) }
        do { _ = try Session(path: file) } catch {
            #expect(Session.said(error).text(.en).contains(message), "got: \(Session.said(error).text(.en))", sourceLocation: sourceLocation)
        }
        let s = try Session(path: electronics)
        expectRefused(s, "load \(file)", message, sourceLocation: sourceLocation)
        #expect(s.path == electronics && !s.isDirty, sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes, sourceLocation: sourceLocation)
    }

    // MARK: 3. Keys a save would drop

    /// Top level (`"notes"`), an agent's (`"phone"`), an order's, the calendar's and a fork's own
    /// top level: each refused with its key and place (the JSON is written with sorted keys, so the
    /// place is checked through the path and the key, and line/column once by hand below).
    @Test(arguments: [
        ("top", "the key \"notes\" is not one payplan reads, so a save would drop it: remove it, or put such text in \"description\""),
        ("agent", "agents[1]: the key \"phone\" is not one payplan reads, so a save would drop it: remove it, or keep it as an attribute (\"attributes\": {\"phone\": \"…\"})"),
        ("order", "orders[0]: the key \"channel\" is not one payplan reads, so a save would drop it: remove it, or keep it as a field (\"fields\": {\"channel\": \"…\"})"),
        ("calendar", "calendar: the key \"note\" is not one payplan reads, so a save would drop it"),
        ("fork", "forks.f: the key \"notes\" is not one payplan reads"),
    ])
    func aKeyPayplanDoesNotReadIsRefusedWithItsPlace(_ row: (String, String)) throws {
        let (dir, file, bytes) = try scenario(electronics) { j in
            switch row.0 {
            case "top": j["notes"] = "王总 3 月 1 日改过"
            case "agent":
                var agents = j["agents"] as! [[String: Any]]
                agents[1]["phone"] = "138 0000 0000"
                j["agents"] = agents
            case "order":
                var orders = j["orders"] as! [[String: Any]]
                orders[0]["channel"] = "京东"
                j["orders"] = orders
            case "calendar": j["calendar"] = ["weekend": [6, 7], "holidays": [String](), "workdays": [String](), "note": "x"]
            default:
                var fork = j
                fork.removeValue(forKey: "forks")
                fork["notes"] = "x"
                j["forks"] = ["f": fork]
            }
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectLoadRefused(file, bytes: bytes, row.1)
    }

    /// The line and column, worked out by hand: `"phone"` on line 4 of this file, after 4 spaces.
    @Test func theRefusalSaysLineAndColumn() throws {
        let text = """
        {
          "agents" : [ {
            "name" : "李雷",
            "phone" : "138 0000 0000"
          } ],
          "inputs" : { }, "name" : "x", "plan" : [ "month pay = 3000" ], "version" : 1, "years" : "2026"
        }
        """
        #expect(throws: ScenarioError(#"line 4, column 5: agents[0]: the key "phone" is not one payplan reads, so a save would drop it: remove it, or keep it as an attribute ("attributes": {"phone": "…"}) (a newer payplan may have written it; an agent's keys: attributes, base, hired, id, left, name, role)"#)) {
            try ScenarioFile.decode(Data(text.utf8))
        }
        // Kept as an attribute, it loads and survives a save.
        let kept = text.replacingOccurrences(of: #""phone" : "138 0000 0000""#, with: #""attributes" : { "phone" : "138 0000 0000" }"#)
        let w = try ScenarioFile.decode(Data(kept.utf8)).workspace
        #expect(w.agents[0].extra["phone"] == .text("138 0000 0000"))
        #expect(try ScenarioFile.decode(ScenarioFile.encode(w)).workspace == w)
    }

    // MARK: 5. Values the plan holds to amounts

    /// In a file: an order field with a number default holding text (`"amount": "abc"`), and an
    /// attribute with a number default holding text, are refused with their place; a text field
    /// (`terms`, default "cash") takes any text.
    @Test func aNonNumberWhereThePlanHoldsAmountsIsRefusedAtLoad() throws {
        var (dir, file, bytes) = try scenario(electronics) { j in
            var orders = j["orders"] as! [[String: Any]]
            var fields = orders[2]["fields"] as! [String: Any]
            fields["amount"] = "abc"
            orders[2]["fields"] = fields
            j["orders"] = orders
        }
        try expectLoadRefused(file, bytes: bytes, #"orders[2].fields.amount: "abc" is not a number; the plan's field amount holds amounts (its default is 0), as order set would refuse it"#)
        try? FileManager.default.removeItem(atPath: dir)

        (dir, file, bytes) = try scenario(onlineShop) { j in
            var agents = j["agents"] as! [[String: Any]]
            agents[3]["attributes"] = ["home_account": "3", "rotation": "第四"]
            j["agents"] = agents
        }
        let s = try Session(path: electronics)
        expectRefused(s, "load \(file)", #"agents[3].attributes.rotation: "第四" is not a number; the plan's attribute rotation holds amounts (its default is 0), as agent set would refuse it"#)
        try? FileManager.default.removeItem(atPath: dir)

        (dir, file, bytes) = try scenario(electronics) { j in
            var orders = j["orders"] as! [[String: Any]]
            var fields = orders[2]["fields"] as! [String: Any]
            fields["terms"] = "货到付款"
            orders[2]["fields"] = fields
            j["orders"] = orders
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Session(path: file).workspace.orders[2].fields["terms"] == .text("货到付款"))
    }

    /// Typed: `order set` and `agent set` hold fields and attributes the plan declares with a number
    /// default (or a range) to the amount rules of inputs: a number, one sign, no percent, to the fen.
    @Test(arguments: [
        ("order set 2026040110006 amount=abc", "'abc' is not a number: the plan holds amount to amounts (its default is 0); write e.g. 3000, 1.5万 or 40,000"),
        ("order set 2026040110006 amount=20710.005", "'20710.005' is finer than a fen (0.01): amount is money or a count, entered to the fen at most"),
        ("order set 2026040110006 costs=50%", "'50%' is a percent, but costs takes an amount (CNY or a count)"),
        ("order set 2026040110006 profit=--5", "'--5' has two signs in a row: write -5 or 5, not --5"),
        ("order add X1 agent=李雷 date=2026-03-05 amount=yes", "'yes' is not a number: the plan holds amount to amounts (its default is 0)"),
        ("agent set 李雷 base=1.005", "'1.005' is finer than a fen (0.01): base is money or a count, entered to the fen at most"),
        ("agent set 李雷 base=50%", "'50%' is a percent, but base takes an amount (CNY or a count)"),
        ("agent add 新人 base=--3000", "'--3000' has two signs in a row"),
    ])
    func typedValuesAreHeldToTheAmountRules(_ row: (String, String)) throws {
        let s = try Session(path: electronics)
        expectRefused(s, row.0, row.1)
        #expect(!s.isDirty)
    }

    @Test func valuesThatAreAmountsStillWork() throws {
        let s = try Session(path: electronics)
        // 2026040110006 (韩梅梅, 2026-04-01): amount 20,710; one fen more is fine, and a text field takes text.
        run(s, "order set 2026040110006 amount=20710.01 terms=net30", "agent set 李雷 base=3000.50", "agent set 李雷 base=0.35万")
        #expect(s.workspace.order("2026040110006")?.fields["amount"] == .number(Fixed(decimalText: "20710.01")!))
        #expect(s.workspace.order("2026040110006")?.fields["terms"] == .text("net30"))
        #expect(s.workspace.agents.first { $0.name == "李雷" }?.base == Fixed(3500))
        // A field that holds a fraction (its default writes a percent) takes one.
        run(s, "field share_rate \"分成\" default 5%", "order set 2026040110006 share_rate=7.5%", "order set 2026040110006 share_rate=0.075")
        #expect(s.workspace.order("2026040110006")?.fields["share_rate"] == .number(Fixed(decimalText: "0.075")!))
    }

    /// `orders import` refuses a price below the plan's range (`field price "成交价" default 0 range 0..`,
    /// plan B) as a bad row with its row and column, in English and Chinese; nothing is imported.
    @Test func importRefusesAValueOutsideAFieldsRange() throws {
        let dir = tempDir("trust-range")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = dir + "/b.csv"
        try "订单编号,业务员,日期,成交价,产品\nW91,甲,2026-05-06,4200,standard\nW92,乙,2026-05-07,-500,standard\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let s = try Session(path: repositoryRoot + "/scenarios/web-agency.json")
        let command = "orders import \(csv) --map 订单编号=id,业务员=agent,日期=date"
        let before = s.workspace
        let out = s.execute(command)
        #expect(out.failed)
        #expect(out.text.contains("row 3, column 成交价: '-500' is outside the range the plan declares for price (0..), as order add would refuse it"), "\(out.text)")
        #expect(s.workspace == before && !s.isDirty)
        s.language = .zh
        #expect(s.execute(command).text.contains("列 成交价：'-500' 超出方案为 price 规定的范围（0..），order add 也会拒绝它"))
        // --skip-bad imports the good row only.
        s.language = .en
        run(s, command + " --skip-bad")
        #expect(s.workspace.order("W91") != nil && s.workspace.order("W92") == nil)
    }

    // MARK: 6. performance import --month

    @Test func performanceMonthConflictsAndOutsideTheYearsAreRefused() throws {
        let s = try Session(path: onlineShop)  // years 2026
        let chitu = repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/chitu-performance.csv"
        // The file's 日期 column gives each row's month (2026-02 …): --month would be ignored.
        expectRefused(s, "performance import \(chitu) --month 2026-03",
                      "\(chitu): its column 日期 gives each row's month, so --month 2026-03 would be ignored; nothing was imported (leave out --month to use 日期, or add --map 日期=- to use --month 2026-03 for every row)")
        expectRefused(s, "performance import \(chitu) --month 1999-03",
                      "--month 1999-03 is outside the scenario's years (2026); nothing was imported (years 1999-2026 widens them)")
        s.language = .zh
        expectRefused(s, "performance import \(chitu) --month 2026-03", "其中的 日期 列已给出每行的月份，--month 2026-03 会被忽略")
        s.language = .en
        // With the column ignored, --month gives every row's month: 小美's inquiries (100 in the file) land in 2026-03.
        run(s, "performance import \(chitu) --month 2026-03 --map 日期=-")
        #expect(query(s, "小美.inquiries[2026-03]") == "100.00")
        // Without --month, the column's months.
        let t = try Session(path: onlineShop)
        run(t, "performance import \(chitu)")
        #expect(query(t, "小美.inquiries[2026-02]") == "100.00")
    }

    // MARK: 4. A typo'd name

    /// The electronics plan has `param expense_limit_all_tiers`; a new parameter one letter short that
    /// nothing reads gets a note with the name meant. A new name with no near name, a redefinition,
    /// or a new rule get none.
    @Test func aTypoOfAnExistingNameSaysDidYouMean() throws {
        let s = try Session(path: electronics)
        #expect(s.workspace.plan.definition(named: "expense_limit_all_tiers") != nil)
        try checkTypo(s)
    }

    func checkTypo(_ s: Session) throws {
        let out = s.execute("param expense_limit_all_tier = no")
        #expect(!out.failed)
        #expect(out.text.contains("note: nothing reads 'expense_limit_all_tier'; did you mean expense_limit_all_tiers (a parameter)? If 'expense_limit_all_tier' is a typo, drop expense_limit_all_tier and set expense_limit_all_tiers instead"), "\(out.text)")
        let zh = try Session(path: electronics)
        zh.language = .zh
        #expect(zh.execute("param expense_limit_all_tierz = no").text.contains("注意：没有任何规则读取 'expense_limit_all_tierz'；是不是想写 expense_limit_all_tiers（参数）？"))
        // Nothing near: no note. A redefinition (the name was there before): no note.
        #expect(!s.execute("param 新年红包 = 888").text.contains("did you mean"))
        let again = s.execute("param expense_limit_all_tier = yes")
        #expect(!again.failed && !again.text.contains("did you mean"))
        // A new rule is read by nothing until the pay reads it, on purpose: no note.
        #expect(!s.execute("month expense_limit_all_tierr = 1").text.contains("did you mean"))
    }
}
