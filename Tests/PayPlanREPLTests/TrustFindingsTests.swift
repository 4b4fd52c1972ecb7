import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The fresh-user findings on trust left open last session (issue 11), each with a test of its kind:
/// keys payplan does not read (kept through a save), values a plan holds to amounts, `performance import --month`, a typo'd
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

    // MARK: 3. Keys payplan does not read: the owner's data, carried from load to save

    /// Where each kind of kept key is put in the file, and where it is looked for in a saved one.
    static func place(_ kind: String, _ j: inout [String: Any], _ value: Any) {
        switch kind {
        case "top": j["notes"] = value
        case "agent":
            var agents = j["agents"] as! [[String: Any]]
            agents[1]["phone"] = value
            j["agents"] = agents
        case "order":
            var orders = j["orders"] as! [[String: Any]]
            orders[0]["channel"] = value
            j["orders"] = orders
        case "calendar": j["calendar"] = ["weekend": [6, 7], "holidays": [String](), "workdays": [String](), "note": value]
        default:
            var fork = j
            fork.removeValue(forKey: "forks")
            fork.removeValue(forKey: "description")  // a fork's description: aForksDescriptionIsKeptThroughLoadAndSave
            fork["notes"] = value
            j["forks"] = ["f": fork]
        }
    }

    static func found(_ kind: String, in j: [String: Any]) -> Any? {
        switch kind {
        case "top": j["notes"]
        // Agent 1 is 韩梅梅, renamed below to 韩梅: her phone goes with her.
        case "agent": (j["agents"] as? [[String: Any]])?.first { $0["name"] as? String == "韩梅" }?["phone"]
        case "order": (j["orders"] as? [[String: Any]])?.first { $0["id"] as? String == "2026040110006" }?["channel"]
        case "calendar": (j["calendar"] as? [String: Any])?["note"]
        default: ((j["forks"] as? [String: Any])?["f"] as? [String: Any])?["notes"]
        }
    }

    /// Top level (`"notes"`), an agent's (`"phone"`), an order's, the calendar's and a fork's own top
    /// level: each is loaded (`load` says it is kept, en and zh), survives an edit of the record that
    /// holds it (the agent renamed, the order's amount changed) and a save, with its value — text,
    /// a number as written, a nested object — unchanged; saved right after loading, the whole file is
    /// the same JSON as the one loaded.
    @Test(arguments: ["top", "agent", "order", "calendar", "fork"])
    func aKeyPayplanDoesNotReadIsKeptThroughLoadAndSave(_ kind: String) throws {
        let value: [String: Any] = ["备注": "王总 3 月 1 日改过", "电话": 13800138000, "标签": ["老客户", ["级别": 2.5]], "停用": NSNull()]
        let (dir, file, bytes) = try scenario(electronics) { j in Self.place(kind, &j, value) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let name = kind == "agent" ? "phone" : kind == "order" ? "channel" : kind == "calendar" ? "note" : "notes"

        let s = try Session(path: electronics)
        let out = s.execute("load \(file)")
        #expect(!out.failed, "\(out.text)")
        #expect(out.lines.contains("1 key in the file payplan does not read ('\(name)') is kept as it is; save writes it back unchanged"), "\(out.lines)")
        #expect(s.path == file && !s.isDirty)
        // Saved as loaded: the same JSON object (keys, values and numbers as JSON reads them).
        run(s, "save! \(dir)/same.json")
        let same = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/same.json"))) as? [String: Any])
        #expect(NSDictionary(dictionary: same).isEqual(to: original))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)

        // After edits of the records that hold the keys, a save still writes them, and it reopens the same.
        run(s, "agent set 韩梅梅 name=韩梅", "order set 2026040110006 amount=30000")
        run(s, "save! \(dir)/edited.json")
        let edited = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/edited.json"))) as? [String: Any])
        let kept = try #require(Self.found(kind, in: edited) as? [String: Any], "\(kind) key missing after the save")
        // Compared as JSON reads it (Foundation on Linux does not equate a Swift Int with the NSNumber it reads).
        let expected = try #require(try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: value)) as? [String: Any])
        #expect(NSDictionary(dictionary: kept).isEqual(to: expected))
        // The number as it was written, byte for byte (not 1.38e10).
        #expect(try String(contentsOfFile: dir + "/edited.json", encoding: .utf8).contains(#""电话" : 13800138000"#))
        let reopened = try Session(path: dir + "/edited.json")
        #expect(reopened.workspace == s.workspace)
        #expect(reopened.keptKeysNote == "1 key in the file payplan does not read ('\(name)') is kept as it is; save writes it back unchanged")
        reopened.language = .zh
        #expect(reopened.keptKeysNote == "文件中有 1 个 payplan 不读取的键（'\(name)'），已原样保留；save 时原样写回")
    }

    /// A fork's own `"description"` (written by hand; payplan writes none) survives load → edit → save at
    /// its place beside the main description, is not called a key payplan does not read, and a fork made
    /// from it keeps it while main's stays main's (was dropped on save: data loss).
    @Test func aForksDescriptionIsKeptThroughLoadAndSave() throws {
        let (dir, file, _) = try scenario(electronics) { j in
            var fork = j
            fork.removeValue(forKey: "forks")
            fork["description"] = "试算：2% 档改为 1.8%"
            j["forks"] = ["f": fork]
            j["description"] = "电子销售部 2026"
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        #expect(s.keptKeysNote == nil)
        run(s, "switch f", "李雷.sales[2026-03] = 15万", "fork g", "switch main")
        run(s, "save! \(dir)/saved.json")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/saved.json"))) as? [String: Any])
        #expect(saved["description"] as? String == "电子销售部 2026")
        let forks = try #require(saved["forks"] as? [String: Any])
        #expect((forks["f"] as? [String: Any])?["description"] as? String == "试算：2% 档改为 1.8%")
        #expect((forks["g"] as? [String: Any])?["description"] as? String == "试算：2% 档改为 1.8%")
        // Reopened: the same forks, and saved again the same bytes.
        let reopened = try Session(path: dir + "/saved.json")
        #expect(reopened.forks == s.forks)
        run(reopened, "save! \(dir)/again.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/again.json")) == Data(contentsOf: URL(fileURLWithPath: dir + "/saved.json")))
    }

    /// An agent removed takes her kept keys with her, an order removed its own; the count says so.
    @Test func aRemovedRecordTakesItsKeptKeys() throws {
        let (dir, file, _) = try scenario(electronics) { j in
            Self.place("agent", &j, "138 0000 0000")
            Self.place("order", &j, "京东")
            j["notes"] = "x"
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        #expect(s.keptKeysNote == "3 keys in the file payplan does not read ('notes', 'phone', 'channel') are kept as they are; save writes them back unchanged")
        run(s, "order rm 2026040110006")
        #expect(s.keptKeysNote == "2 keys in the file payplan does not read ('notes', 'phone') are kept as they are; save writes them back unchanged")
        run(s, "save")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(Self.found("order", in: saved) == nil && saved["notes"] as? String == "x")
        #expect((saved["agents"] as? [[String: Any]])?[1]["phone"] as? String == "138 0000 0000")
    }

    /// A misspelling of a key payplan reads is still refused, in a record too (what it holds would not
    /// be read: `"hierd"` would leave the agent without a hire date), with the key meant; the session
    /// and the file are as they were.
    @Test(arguments: [
        ("agent", "hierd", "agents[1]: the key \"hierd\" is not one payplan reads: did you mean \"hired\"? (an agent's keys: attributes, base, hired, id, left, name, role)"),
        ("order", "Date", "orders[0]: the key \"Date\" is not one payplan reads: did you mean \"date\"? (an order's keys: agent, date, fields, id)"),
        ("calendar", "holiday", "calendar: the key \"holiday\" is not one payplan reads: did you mean \"holidays\"? (the calendar's keys: holidays, weekend, workdays)"),
        ("top", "order", "the key \"order\" is not one payplan reads: did you mean \"orders\"?"),
    ])
    func aMisspelledKeyIsRefusedInEveryRecord(_ row: (String, String, String)) throws {
        let (dir, file, bytes) = try scenario(electronics) { j in
            switch row.0 {
            case "agent":
                var agents = j["agents"] as! [[String: Any]]
                agents[1][row.1] = "2025-01-01"
                j["agents"] = agents
            case "order":
                var orders = j["orders"] as! [[String: Any]]
                orders[0][row.1] = "2026-03-02"
                j["orders"] = orders
            case "calendar": j["calendar"] = ["weekend": [6, 7], "holidays": [String](), "workdays": [String](), row.1: ["2026-10-01"]]
            default: j[row.1] = [Any]()
            }
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectLoadRefused(file, bytes: bytes, row.2)
    }

    /// The line and column of a misspelling, worked out by hand: `"hierd"` on line 4 of this file, after 4 spaces.
    @Test func theRefusalSaysLineAndColumn() throws {
        let text = """
        {
          "agents" : [ {
            "name" : "李雷",
            "hierd" : "2025-01-01"
          } ],
          "inputs" : { }, "name" : "x", "plan" : [ "month pay = 3000" ], "version" : 1, "years" : "2026"
        }
        """
        // Typed now (ScenarioError.Kind.atLine … .misspelledKey): its English reads as it did.
        let e = try #require(throws: ScenarioError.self) { try ScenarioFile.decode(Data(text.utf8)) }
        #expect(e.message == #"line 4, column 5: agents[0]: the key "hierd" is not one payplan reads: did you mean "hired"? (an agent's keys: attributes, base, hired, id, left, name, role)"#)
        // Any other key is kept: "phone" here.
        let kept = text.replacingOccurrences(of: #""hierd" : "2025-01-01""#, with: #""phone" : "138 0000 0000""#)
        let w = try ScenarioFile.decode(Data(kept.utf8)).workspace
        #expect(w.agents[0].kept == [KeptKey(key: "phone", value: .string("138 0000 0000"))])
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
        #expect(s.execute(command).text.contains("列「成交价」：'-500' 超出方案为 price 规定的范围（0..），order add 也会拒绝它"))
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
        expectRefused(s, "performance import \(chitu) --month 2026-03", "其中的「日期」列已给出每行的月份，--month 2026-03 会被忽略")
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
