import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The hand-written scenario reader and writer (issue 10) against Foundation's `JSONDecoder` /
/// `JSONEncoder` on the `Codable` body (the reference), the messages they give for bad files
/// (kind, path, line and column worked out by hand), and files written by earlier builds.
@Suite struct ScenarioFileReaderTests {
    static let shipped = [electronics, onlineShop, webAgency]

    /// Strings that exercise every escape and ordering rule of the writer.
    static let awkward = ["", "plain", "李雷", "韩梅梅", "A10", "A9", "a9", "B", "_x", "2026-10", "2026-9", "q\"uote", "back\\slash",
                          "sl/ash", "tab\there", "line\nbreak", "cr\rx", "\u{8}bs", "\u{C}ff", "\u{1}x", "\u{1F}", "\u{7F}del",
                          "\u{2028}ls", "emoji😀", "é", "#1", "T002#CS01"]

    /// A body with every field set (a field added to `Body` and not set here fails `everyFieldIsSet`).
    static func fullBody() -> ScenarioFile.Body {
        let a = awkward
        var agents: [ScenarioFile.AgentRecord] = []
        for (i, s) in a.enumerated() {
            agents.append(.init(name: "n\(i)\(s)", id: s, role: s, hired: "2025-06-01", left: "2026-01-31", base: Fixed(raw: Int128(i) * 1_000_000_007),
                                attributes: Dictionary(uniqueKeysWithValues: a.map { ($0, AttributeValue.text($0)) })))
        }
        agents.append(.init(name: "bare", id: nil, role: nil, hired: nil, left: nil, base: nil, attributes: nil))
        agents.append(.init(name: "empty", id: nil, role: nil, hired: nil, left: nil, base: nil, attributes: [:]))
        let series = Dictionary(uniqueKeysWithValues: a.enumerated().map { ($1, Fixed(raw: Int128($0) * 123_456_789_012_345)) })
        var body = ScenarioFile.Body(
            format: ScenarioFile.formatName, version: ScenarioFile.version, name: "n\"ame", description: "d\\esc\n", years: "2026-2027",
            plan: a + [""], agents: agents,
            inputs: Dictionary(uniqueKeysWithValues: a.map { ($0, ["sales": series, "": [:], "x": ["2026-01": Fixed(decimalText: "0.1")!]]) }),
            team_inputs: ["team": series, "none": [:]],
            orders: a.enumerated().map { i, s in
                .init(id: "O\(i)\(s)", agent: i % 2 == 0 ? s : nil, date: "2026-03-02", fields: i % 3 == 0 ? nil : ["amount": .number(Fixed(i)), s: .text(s)])
            },
            calendar: .init(weekend: [6, 7], holidays: ["2026-10-01", "2026-10-02"], workdays: []),
            as_of: "2026-06-30", import_maps: ["taobao": Dictionary(uniqueKeysWithValues: a.map { ($0, $0) }), "none": [:]])
        var fork = body
        fork.description = nil
        body.forks = ["what-if": fork, "李": fork]
        return body
    }

    @Test func everyFieldIsSet() {
        for (label, value) in Mirror(reflecting: Self.fullBody()).children {
            if case Optional<Any>.none = value as Any? { Issue.record("field \(label ?? "?") is nil") }
            let m = Mirror(reflecting: value)
            if m.displayStyle == .optional && m.children.isEmpty { Issue.record("Body.\(label ?? "?") is not set in fullBody(): read and write it in ScenarioFile+Reading/Writing") }
        }
    }

    @Test func writerGivesFoundationsBytes() throws {
        let body = Self.fullBody()
        let mine = ScenarioFile.write(body)
        let reference = try ScenarioFile.encodeWithFoundation(body)
        #expect(mine == reference)
        if mine != reference {
            let i = zip(mine, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, reference.count)
            Issue.record("first difference at byte \(i): \(String(decoding: mine[max(0, i - 40)..<min(mine.count, i + 40)], as: UTF8.self))")
        }
    }

    @Test func readerReadsWhatFoundationReads() throws {
        let data = try ScenarioFile.encodeWithFoundation(Self.fullBody())
        let mine = try ScenarioFile.readBody(data)
        let reference = try ScenarioFile.decodeBodyWithFoundation(data)
        // Equal bodies write equal bytes (the writer is checked against Foundation above).
        #expect(try ScenarioFile.encodeWithFoundation(mine) == ScenarioFile.encodeWithFoundation(reference))
        #expect(try ScenarioFile.encodeWithFoundation(mine) == data)
    }

    @Test func shippedScenariosReadAndWriteAsWithFoundation() throws {
        for path in Self.shipped {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let mine = try ScenarioFile.decodeWithForks(data)
            let reference = try ScenarioFile.workspace(from: ScenarioFile.decodeBodyWithFoundation(data))
            #expect(mine.workspace == reference.workspace, "\(path)")
            #expect(mine.description == reference.description)
            #expect(ScenarioFile.write(ScenarioFile.body(of: mine.workspace, description: mine.description)) == data, "\(path)")
        }
    }

    /// Opening a file reads `inputs` straight into the workspace's form (`TypedInputs`); it must give the
    /// workspace, and refuse with the message, that reading the period texts first and converting them
    /// gives (`readBody` without typed inputs, then `workspace(from:)`). Messages by hand: 2026-13 is no
    /// month; "ghost" is no agent; a quarter value for the month input sales has no place.
    @Test func typedInputsReadAsThePeriodTextsDo() throws {
        func both(_ inputs: String) -> (typed: String, texts: String) {
            let text = Self.head.replacingOccurrences(of: #""plan": []"#, with: #""plan": ["input month sales", "month pay = sales"]"#)
                + #""agents": [{"name": "甲"}, {"name": "乙"}], "inputs": "# + inputs + "}"
            let data = Data(text.utf8)
            func outcome(_ f: () throws -> Workspace) -> String {
                do { let w = try f(); return "\(w.inputs.keys.sorted()) \(w.inputs.mapValues { $0.mapValues { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.moneyText)" } } })" }
                catch let e as ScenarioError { return e.message } catch { return "\(error)" }
            }
            return (outcome { try ScenarioFile.decodeWithForks(data).workspace },
                    outcome { try ScenarioFile.workspace(from: ScenarioFile.readBody(data)).workspace })
        }
        let cases: [(String, String?)] = [
            (#"{"甲": {"sales": {"2026-03": "120000", "2026-01": "0.1"}}, "乙": {"sales": {}}}"#, nil),
            (#"{"甲": {}, "乙": {"sales": {"2026-12": "5"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-03": "1", "2026-13": "2"}}}"#, #"inputs.甲.sales: "2026-13" is not a period such as 2026-03"#),
            (#"{"ghost": {"sales": {"2026-03": "1"}}}"#, #"inputs: "ghost" is not one of the agents"#),
            (#"{"甲": {"sales": {"2026-Q1": "1"}}}"#, #"inputs.甲.sales."2026-Q1": sales is a month input, so a quarter value has no place; payplan would not read this value"#),
            // A key twice is refused at the second, whether written plainly, escaped or far from the first;
            // 2026-3 is another text for the month 2026-03, so it is no repeat (the later value stands).
            (#"{"甲": {"sales": {"2026-03": "1", "2026-04": "2", "2026-03": "3"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-03": "1", "2026\u002d03": "3"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-03": "1", "2036-03": "2", "2016-03": "3", "2036-03": "4"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-03": "1", "2026-3": "2"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-3": "1", "2026-03": "2", "2026-3": "3"}}}"#, nil),
            (#"{"甲": {"sales": {"2026-03": "12x"}}}"#, nil),
        ]
        let twice: [Int: String] = [5: "2026-03", 6: "2026-03", 7: "2036-03", 9: "2026-3"]
        for (k, (inputs, refusal)) in cases.enumerated() {
            let (typed, texts) = both(inputs)
            // Two texts of one month (case 8): reading by text keeps whichever its dictionary gives last;
            // opening a file keeps the later in the file, as it always has (checked by hand below).
            if k != 8 { #expect(typed == texts, "\(inputs)") }
            if let key = twice[k] {
                #expect(typed.contains("the key \"\(key)\" appears twice in this object"), "\(typed)")
            } else if k == 10 {
                #expect(typed == "inputs.甲.sales.2026-03: '12x' is not an amount: write digits with at most one point, such as \"3000.10\" or \"-0.5\"")
            } else if let refusal { #expect(typed == refusal, "\(inputs)") } else { #expect(!typed.contains("not"), "\(typed)") }
        }
        #expect(both(cases[8].0).typed == #"["甲"] ["甲": ["sales": ["2026-03=2.00"]]]"#)
        #expect(both(#"{"甲": {"sales": {"2026-3": "2", "2026-03": "1"}}}"#).typed == #"["甲"] ["甲": ["sales": ["2026-03=1.00"]]]"#)
        // By hand: 乙's empty series and 甲's empty inputs are dropped; the amounts are exact.
        #expect(both(cases[0].0).typed == #"["甲"] ["甲": ["sales": ["2026-01=0.10", "2026-03=120,000.00"]]]"#)
        #expect(both(cases[1].0).typed == #"["乙"] ["乙": ["sales": ["2026-12=5.00"]]]"#)
    }

    /// A save writes `inputs` from the workspace's periods (`JSONWriter.seriesByPeriod`): the bytes must be
    /// those of the body by period text that Foundation's encoder writes (`withTextInputs`), for series of
    /// months (in month order, 2026-09 before 2026-10), of several grains (in text order: 2026 < 2026-01 <
    /// 2026-H1 < 2026-Q1), of years written with padding (0999) or five digits, awkward names, and empty
    /// series and agents (dropped), forks included; and they read back to the same workspace.
    @Test func savedInputsAreWrittenAsTheirTextsSort() throws {
        var w = Workspace(name: "inputs")
        w.years = 2026...2027
        let month = { (y: Int, m: Int) in Period.month(Month(year: y, month: m)) }
        let grains: [Period] = [Period(text: "2026")!, Period(text: "2026-Q1")!, Period(text: "2026-H1")!, month(2026, 1), month(2027, 12)]
        for (i, name) in Self.awkward.enumerated() {
            for m in [10, 9, 1, 12, 3] { w.setInput("sales", agent: name, period: month(2026 + i % 2, m), value: Fixed(raw: Int128(i * 100 + m) * 1_000_000_007)) }
            for (k, p) in grains.enumerated() { w.setInput("mixed" + name, agent: name, period: p, value: Fixed(k - i)) }
        }
        w.setInput("old", agent: "plain", period: month(999, 5), value: Fixed(1))
        w.setInput("old", agent: "plain", period: month(1000, 5), value: Fixed(2))
        w.setInput("far", agent: "plain", period: month(10_000, 1), value: Fixed(3))
        w.setInput("far", agent: "plain", period: month(9_999, 12), value: Fixed(4))
        w.inputs["李雷", default: [:]]["none"] = [:]
        w.inputs["nobody"] = ["none": [:]]
        w.inputs["empty"] = [:]
        let body = ScenarioFile.body(of: w, description: "d")
        #expect(ScenarioFile.write(body) == (try ScenarioFile.encodeWithFoundation(body)))
        let text = body.withTextInputs()
        #expect(text.inputs["nobody"] == nil && text.inputs["empty"] == nil && text.inputs["李雷"]?["none"] == nil)
        // By hand: 0999 sorts before 1000, and 10000-01 (five digits) between 1000-05 and 9999-12 as text.
        #expect(text.inputs["plain"]?["old"]?.keys.sorted() == ["0999-05", "1000-05"])
        let written = String(decoding: ScenarioFile.write(body), as: UTF8.self)
        let order = ["\"10000-01\"", "\"9999-12\""].map { written.range(of: $0)!.lowerBound }
        #expect(order[0] < order[1])
        let nine = written.range(of: "\"2026-09\"")!.lowerBound, ten = written.range(of: "\"2026-10\"")!.lowerBound
        #expect(nine < ten)
        var forked = body
        forked.forks = ["f": ScenarioFile.body(of: w)]
        #expect(ScenarioFile.write(forked) == (try ScenarioFile.encodeWithFoundation(forked)))
    }

    @Test func moneyRoundTripsExactly() throws {
        var w = Workspace(name: "money")
        // The values are entered for a declared input: a load refuses values no input holds.
        w.plan = try Plan.parse(lines: ["input month sales default 0"])
        w.agents = [Agent(name: "甲", base: Fixed(decimalText: "3000.10")!)]
        // raw = value × 10¹², by hand.
        let amounts: [(String, Int128)] = [("0.1", 100_000_000_000), ("0.2", 200_000_000_000),
                                          ("12345678901234.56", 12_345_678_901_234_560_000_000_000), ("-0.000000000001", -1)]
        for (i, (text, _)) in amounts.enumerated() { w.setInput("sales", agent: "甲", period: .month(Month(year: 2026, month: i + 1)), value: Fixed(decimalText: text)!) }
        let data = try ScenarioFile.encode(w)
        let text = String(decoding: data, as: UTF8.self)
        for (t, _) in amounts { #expect(text.contains("\"\(t)\"")) }
        let back = try ScenarioFile.decode(data).workspace
        for (i, (_, raw)) in amounts.enumerated() {
            #expect(back.inputs["甲"]?["sales"]?[.month(Month(year: 2026, month: i + 1))]?.raw == raw)
        }
        #expect(back.agents[0].base?.raw == 3_000_100_000_000_000)
    }

    func message(_ text: String) -> String {
        do { _ = try ScenarioFile.decodeWithForks(Data(text.utf8)); return "loaded" } catch let e as ScenarioError { return e.message } catch { return "\(error)" }
    }
    func message(_ bytes: [UInt8]) -> String {
        do { _ = try ScenarioFile.decodeWithForks(Data(bytes)); return "loaded" } catch let e as ScenarioError { return e.message } catch { return "\(error)" }
    }
    static let head = #"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "2026", "plan": [], "#

    @Test func syntaxErrorsSayLineAndColumn() {
        // Columns count characters: 名 is one column.
        #expect(message("{\n  \"a\": 1,\n  \"b\" 2\n}") == "not valid JSON: line 3, column 7: expected ':' after a key")
        #expect(message("{\"a\": [1, 2}") == "not valid JSON: line 1, column 12: expected ',' or ']'")
        #expect(message("{\"名\": \"x\",\n \"v\": tru}") == "not valid JSON: line 2, column 7: expected a value")
        #expect(message("") == "not valid JSON: line 1, column 1: the text ends where a value is expected")
        #expect(message("{\"a\": \"x\n\"}") == "not valid JSON: line 1, column 9: a control character (such as a line break) inside a string")
        #expect(message("{\"a\": 1} x") == "not valid JSON: line 1, column 10: unexpected text after the end")
        // What only the reader sees: `{"name": "a\q"}` has its backslash at column 12.
        #expect(message(#"{"name": "a\q"}"#) == #"not valid JSON: line 1, column 12: an unknown escape after '\' in a string (use \", \\, \/, \b, \f, \n, \r, \t or \uXXXX)"#)
        // Bytes that are not UTF-8: `{"name": "` is 10 bytes, so 0xFF is at column 11 (neither UTF-8 nor GBK).
        #expect(message(Array(#"{"name": ""#.utf8) + [0xFF, 0x22, 0x7D]) == "not valid JSON: line 1, column 11: this text is not UTF-8; save the file as UTF-8 text")
        #expect(message(#"{"name": "\uD83D"}"#) == "not valid JSON: line 1, column 11: a \\u escape is half of a pair (a lone surrogate)")
    }

    @Test func fieldErrorsNameTheirPath() {
        let cases: [(String, String)] = [
            (Self.head + #""agents": [{"name": 5}], "inputs": {}}"#, "agents[0].name: expected text here"),
            (Self.head + #""agents": [{"name": null}], "inputs": {}}"#, "agents[0].name: a value is missing"),
            (Self.head + #""agents": [{"id": "S01"}], "inputs": {}}"#, "agents[0]: the field \"name\" is missing"),
            (Self.head + #""agents": [], "inputs": {"甲": {"sales": {"2026-03": "12x"}}}}"#,
             "inputs.甲.sales.2026-03: '12x' is not an amount: write digits with at most one point, such as \"3000.10\" or \"-0.5\""),
            (Self.head + #""agents": [], "inputs": {"甲": {"sales": {"2026-03": 120}}}}"#,
             "inputs.甲.sales.2026-03: 120 is written as a number: write an amount as a string, \"120\", so that no digit is lost"),
            (Self.head + #""agents": [], "inputs": {"甲": {"sales": {"2026-03": true}}}}"#, "inputs.甲.sales.2026-03: expected text here"),
            (Self.head + #""agents": []}"#, "the field \"inputs\" is missing"),
            (#"{"format": "payplan-scenario", "version": 1}"#, "the field \"name\" is missing"),
            (#"{"format": "other", "version": 1}"#, "this is not a payplan scenario (format is \"other\", expected \"payplan-scenario\")"),
            (#"{"format": "payplan-scenario", "name": "x"}"#, "the field \"version\" is missing"),
            (#"{"agents": 5, "format": "payplan-scenario", "version": 99, "name": "x"}"#,
             "this scenario was written in format version 99, newer than this payplan reads (\(ScenarioFile.version)); install a newer payplan to open it"),
            (Self.head + #""agents": [], "inputs": {}, "orders": [{"id": "O1"}]}"#, "orders[0]: the field \"date\" is missing"),
            (Self.head + #""agents": [], "inputs": {}, "calendar": {"weekend": ["sat"], "holidays": [], "workdays": []}}"#,
             "calendar.weekend[0]: expected a whole number here"),
            (Self.head + #""agents": [], "inputs": {}, "forks": {"f": {"format": "payplan-scenario", "version": 1, "name": "f"}}}"#,
             "forks.f: the field \"years\" is missing"),
        ]
        for (text, expected) in cases {
            #expect(message(text) == expected, "\(text)")
        }
        // Where Foundation's decoder names the same problem, both say the same.
        for (text, expected) in cases.prefix(10) {
            let reference: String
            do { _ = try ScenarioFile.decodeBodyWithFoundation(Data(text.utf8)); reference = "loaded" } catch let e as ScenarioError { reference = e.message } catch { reference = "\(error)" }
            #expect(reference == expected, "Foundation: \(text)")
        }
    }

    /// Files written by earlier builds (version 1: no orders, forks, calendar or maps yet) and by later
    /// builds that added an optional key this one does not know still load.
    @Test func olderAndWiderFilesLoad() throws {
        let first = #"""
        {
          "agents" : [
            {
              "base" : "3000",
              "hired" : "2025-06-01",
              "id" : "S01",
              "name" : "李雷"
            }
          ],
          "format" : "payplan-scenario",
          "inputs" : {
            "李雷" : {
              "sales" : {
                "2026-03" : "120000.5"
              }
            }
          },
          "name" : "first",
          "plan" : [
            "input month sales",
            "month pay = base + sales * 1%"
          ],
          "version" : 1,
          "years" : "2026"
        }
        """#
        let w = try ScenarioFile.decode(Data(first.utf8)).workspace
        #expect(w.agents == [Agent(name: "李雷", id: "S01", hired: Day(year: 2025, month: 6, day: 1), base: Fixed(3000))])
        #expect(w.inputs["李雷"]?["sales"]?[.month(Month(year: 2026, month: 3))] == Fixed(decimalText: "120000.5"))
        #expect(w.orders.isEmpty && w.calendar == WorkCalendar() && w.asOf == nil)
        // And it saves back to the same bytes (plus the final newline the writer adds).
        #expect(String(decoding: try ScenarioFile.encode(w), as: UTF8.self) == first + "\n")
        // A key this build does not read (say "notes", from a later build or a hand edit) is the owner's data:
        // kept and written back by a save (issue 11), at its sorted place (after "name", before "plan"), in the
        // file's layout, its nested keys in their own order, "\u00e9" as the character é, null and numbers as written.
        let wider = first.replacingOccurrences(of: #""name" : "first","#, with: #""name" : "first", "notes" : {"a": [1, {"b": null}], "c": "\u00e9", "d": 1e5},"#)
        let kept = try ScenarioFile.decode(Data(wider.utf8)).workspace
        #expect(kept.kept.top == [KeptKey(key: "notes", value: .object([
            KeptKey(key: "a", value: .array([.number("1"), .object([KeptKey(key: "b", value: .null)])])),
            KeptKey(key: "c", value: .string("é")), KeptKey(key: "d", value: .number("1e5"))]))])
        let written = first.replacingOccurrences(of: "  \"name\" : \"first\",\n", with: #"""
          "name" : "first",
          "notes" : {
            "a" : [
              1,
              {
                "b" : null
              }
            ],
            "c" : "é",
            "d" : 1e5
          },

        """#)
        #expect(String(decoding: try ScenarioFile.encode(kept), as: UTF8.self) == written + "\n")
    }
}

/// Keys a scenario cannot hold (issue 11, problem 4): a misspelled `"orders"` dropped every
/// order, and a second `"plan"` replaced the plan. Both are refused with their line and column.
@Suite struct ScenarioKeyRefusalTests {
    let base = """
    {
      "agents" : [ { "name" : "李雷" } ],
      "format" : "payplan-scenario",
      "inputs" : { },
      "name" : "keys",
      "orders" : [ { "agent" : "李雷", "date" : "2026-03-02", "id" : "1" } ],
      "plan" : [ "month pay = 3000" ],
      "version" : 1,
      "years" : "2026"
    }
    """

    func message(_ text: String) -> String {
        do { _ = try ScenarioFile.decode(Data(text.utf8)); return "loaded" } catch { return "\(error)" }
    }

    @Test func theFileItselfLoads() throws {
        #expect(try ScenarioFile.decode(Data(base.utf8)).workspace.orders.count == 1)
    }

    @Test(arguments: [
        // (the key written, the key meant); each replaces "orders" on line 6, column 3 (2 spaces, then the quote).
        ("order", "orders"), ("Orders", "orders"), ("ordres", "orders"), ("orderss", "orders"),
    ])
    func aMisspelledKeyIsRefusedWithItsPlace(_ row: (String, String)) {
        let text = base.replacingOccurrences(of: #""orders" :"#, with: "\"\(row.0)\" :")
        #expect(message(text) == "line 6, column 3: the key \"\(row.0)\" is not one payplan reads: did you mean \"\(row.1)\"? (a scenario's keys: agents, as_of, calendar, description, forks, format, import_maps, inputs, name, orders, plan, team_inputs, version, years)")
    }

    @Test func everyKeyPayplanWritesIsReadAndAnUnrelatedNewKeyIsKept() throws {
        // The writer's keys (ScenarioFile+Writing.swift, read by hand): each is a known key, not a misspelling.
        for key in ["agents", "as_of", "calendar", "description", "forks", "format", "import_maps", "inputs", "name", "orders", "plan", "team_inputs", "version", "years"] {
            #expect(ScenarioFile.bodyKeys.contains(key))
        }
        // A key unrelated to any of them is kept, not refused.
        let wider = base.replacingOccurrences(of: #""name" : "keys","#, with: #""name" : "keys", "notes" : "a later build's key","#)
        #expect(message(wider) == "loaded")
    }

    @Test func aKeyGivenTwiceIsRefusedAtTheSecond() {
        // A second, empty "plan" on line 8 (after "plan" on line 7): column 3.
        let twice = base.replacingOccurrences(of: #""version" : 1,"#, with: #""plan" : [ ],\#n  "version" : 1,"#)
        #expect(message(twice) == "line 8, column 3: the key \"plan\" appears twice in this object; the second would replace the first")
        // Inside a record too: the order's "agent" twice, on line 6 at column 45 (counted in the line below).
        //   `  "orders" : [ { "agent" : "李雷", "date" : "2026-03-02", "id" : "1", "agent" : "x" } ],`
        let inOrder = base.replacingOccurrences(of: #""id" : "1" }"#, with: #""id" : "1", "agent" : "x" }"#)
        let col = Array(#"  "orders" : [ { "agent" : "李雷", "date" : "2026-03-02", "id" : "1", "#).count + 1
        #expect(message(inOrder) == "line 6, column \(col): the key \"agent\" appears twice in this object; the second would replace the first")
    }
}
