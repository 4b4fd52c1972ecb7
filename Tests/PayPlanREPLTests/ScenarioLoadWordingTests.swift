import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// A scenario file that cannot be loaded is refused with a typed `ScenarioError.Kind` naming the
/// place, said in English (unchanged) and in Chinese (issue 13, point 1: the JSON loader's checks
/// were English in both languages). Texts written out by hand; the file on disk is left as it was.
@Suite struct ScenarioLoadWordingTests {
    /// Decodes `text`; the refusal's kind and its two renderings.
    func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> (kind: ScenarioError.Kind?, en: String, zh: String) {
        do {
            _ = try ScenarioFile.decode(Data(text.utf8))
            Issue.record("loaded", sourceLocation: sourceLocation)
            return (nil, "", "")
        } catch let e as ScenarioError {
            let m = ScenarioErrorMessage(e.kind)
            return (e.kind, m.text(.en), m.text(.zh))
        } catch {
            Issue.record("not a ScenarioError: \(error)", sourceLocation: sourceLocation)
            return (nil, "", "")
        }
    }

    static let header = #"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "2026", "plan": ["input month sales default 0"], "#

    /// An empty order ID is said once, as empty; a repeated one names the order that has it first (en and zh).
    @Test func anEmptyOrRepeatedOrderIDIsSaidOnce() {
        let agents = #""inputs": {}, "agents": [{"name": "李雷"}], "orders": "#
        let empty = refusal(Self.header + agents + #"[{"id": "", "agent": "李雷", "date": "2026-03-02"}]}"#)
        #expect(empty.en == "orders[0].id: the order's ID is empty")
        #expect(empty.zh == "orders[0].id：订单号为空")
        let twice = refusal(Self.header + agents + #"[{"id": "T1", "date": "2026-03-02"}, {"id": "T1", "date": "2026-03-03"}]}"#)
        #expect(twice.en == #"orders[1].id: "T1" is also the ID of orders[0]; order IDs are unique"#)
        #expect(twice.zh == #"orders[1].id："T1" 也是 orders[0] 的订单号；订单号不能重复"#)
    }

    /// Line 3 is `  "version" 1`: two spaces and `"version"` (9 characters) end at column 11, a space, so the
    /// `1` where ':' belongs is at column 13.
    @Test func aSyntaxErrorSaysLineColumnAndWhat() {
        let r = refusal("{\n  \"format\": \"payplan-scenario\",\n  \"version\" 1\n}\n")
        #expect(r.kind == .notJSON(line: 3, column: 13, .expectedColon))
        #expect(r.en == "not valid JSON: line 3, column 13: expected ':' after a key")
        #expect(r.zh == "不是有效的 JSON：第 3 行第 13 列：键后面应为 ':'")
    }

    @Test func checksOfAgentsOrdersAndInputsReadInBothLanguages() {
        var r = refusal(Self.header + #""agents": [{"name": "李雷", "hired": "2025-13-01"}], "inputs": {}}"#)
        #expect(r.kind == .at("agents[0].hired", .notADate("2025-13-01", example: "2025-06-01")))
        #expect(r.en == #"agents[0].hired: "2025-13-01" is not a date such as 2025-06-01"#)
        #expect(r.zh == #"agents[0].hired："2025-13-01" 不是日期（应写作 2025-06-01 这样）"#)
        // Hired 2026-06-30, left 2026-03-01: leaving before being hired.
        r = refusal(Self.header + #""agents": [{"name": "李雷", "hired": "2026-06-30", "left": "2026-03-01"}], "inputs": {}}"#)
        #expect(r.en == "agents[0].left: 2026-03-01 is before hired 2026-06-30; an agent cannot leave before being hired")
        #expect(r.zh == "agents[0].left：离职日期 2026-03-01 早于入职日期 2026-06-30；员工不能在入职前离职")
        r = refusal(Self.header + #""agents": [{"name": "李雷", "id": "S01"}, {"name": "韩梅梅", "id": "S01"}], "inputs": {}}"#)
        #expect(r.zh == #"agents[1].id："S01" 也是 agents[0]（李雷）的工号；工号不能重复"#)
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {"无名氏": {}}}"#)
        #expect(r.kind == .at("inputs", .notAnAgent("无名氏")))
        #expect(r.zh == #"inputs："无名氏" 不是本方案的员工"#)
        // sales entered for 2030-03 in a scenario of 2026: outside the years, one value.
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {"李雷": {"sales": {"2030-03": "1"}}}}"#)
        #expect(r.en == #"inputs.李雷.sales."2030-03": 2030-03 is outside the scenario's years (2026); payplan would not read this value"#)
        #expect(r.zh == #"inputs.李雷.sales."2030-03"：2030-03 超出方案的年份（2026）；payplan 不会读取这个数值"#)
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {}, "orders": [{"id": "T1", "date": "2026-02-30", "agent": "李雷"}]}"#)
        #expect(r.zh == #"orders[0].date："2026-02-30" 不是日期（应写作 2026-03-02 这样）"#)
    }

    @Test func theHeaderAndThePlanReadInBothLanguages() {
        var r = refusal(#"{"format": "工资表", "version": 1}"#)
        #expect(r.kind == .notAScenario(format: "工资表", expected: "payplan-scenario"))
        #expect(r.zh == #"这不是 payplan 方案文件（format 为 "工资表"，应为 "payplan-scenario"）"#)
        r = refusal(#"{"format": "payplan-scenario", "version": 99}"#)
        #expect(r.kind == .newerVersion(99, reads: ScenarioFile.version))
        r = refusal(#"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "明年", "plan": [], "agents": [], "inputs": {}}"#)
        #expect(r.zh == #"years：应为年份（如 "2026"）或年份范围（如 "2026-2027"），实际为 "明年""#)
        // The second plan line does not parse: `month pay = (1` ends inside the bracket.
        r = refusal(#"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "2026", "plan": ["input month sales default 0", "month pay = (1"], "agents": [], "inputs": {}}"#)
        #expect(r.en.hasPrefix("plan line 2: "))
        #expect(r.zh.hasPrefix("方案第 2 行："))
        #expect(MessageCatalogueTests.englishWords(r.zh).isEmpty, "\(r.zh)")
    }

    /// `load` of a broken file under zh: the whole error in Chinese, the session and the file unchanged.
    @Test func loadOfABrokenFileSaysItInChineseAndChangesNothing() throws {
        let tmp = NSTemporaryDirectory() + "payplan-load-" + UUID().uuidString + ".json"
        let text = "{\n  \"format\": \"payplan-scenario\",\n  \"version\" 1\n}\n"
        try text.write(toFile: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let s = try Session(path: electronics)
        s.language = .zh
        let before = s.workspace
        let out = s.execute("load \(tmp)")
        #expect(out.failed)
        #expect(out.errors.first?.render(language: .zh).first == "错误：\(tmp)：不是有效的 JSON：第 3 行第 13 列：键后面应为 ':'；未做任何更改")
        #expect(s.workspace == before)
        #expect(try String(contentsOfFile: tmp, encoding: .utf8) == text)
    }

    /// A scenario saved as GBK (GB18030) on Chinese Windows (fresh-user M2: "not valid JSON … this text is not
    /// UTF-8" in English under zh): said in both languages, naming the encoding and the iconv that converts it.
    /// `{"name": "` is 10 bytes, so 李 (GB18030 C0 EE, 雷 C0 D7) starts at byte 11: column 11, line 1.
    /// The file is not changed, and `load` under zh leaves the session as it was.
    @Test func aGBKScenarioNamesItsEncodingAndTheFix() throws {
        let tmp = NSTemporaryDirectory() + "payplan-gbk-" + UUID().uuidString + ".json"
        let bytes: [UInt8] = Array(#"{"name": ""#.utf8) + [0xC0, 0xEE, 0xC0, 0xD7] + Array(#"", "version": 1}"#.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: tmp))
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let utf8 = String(tmp.dropLast(5)) + ".utf8.json"
        do {
            _ = try ScenarioFile.load(path: tmp)
            Issue.record("loaded")
        } catch let e as ScenarioError {
            #expect(e.kind == .at(tmp, .notUTF8(line: 1, column: 11, readsAsGBK: true, file: tmp)))
            let m = ScenarioErrorMessage(e.kind)
            #expect(m.text(.en) == "\(tmp): not valid JSON: line 1, column 11: this text is not UTF-8; it reads as GBK (GB18030), as files saved on Chinese Windows often are; convert it: iconv -f GB18030 -t UTF-8 \(tmp) > \(utf8) (or save it as UTF-8)")
            #expect(m.text(.zh) == "\(tmp)：不是有效的 JSON：第 1 行第 11 列：这段文本不是 UTF-8 编码；它按 GBK（GB18030）编码可以读出，中文系统保存的文件常是这样；请转换：'iconv -f GB18030 -t UTF-8 \(tmp) > \(utf8)'（或另存为 UTF-8）")
        }
        let s = try Session(path: electronics)
        s.language = .zh
        let before = s.workspace
        let out = s.execute("load \(tmp)")
        #expect(out.failed)
        #expect(out.errors.first?.render(language: .zh).first?.hasPrefix("错误：\(tmp)：不是有效的 JSON：第 1 行第 11 列：这段文本不是 UTF-8 编码；它按 GBK（GB18030）") == true)
        #expect(s.workspace == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: tmp)) == Data(bytes))
    }

    /// Which bytes read as GB18030 by their structure: two-byte 李 (C0 EE), four-byte U+0080 (81 30 81 30),
    /// ASCII; not a lone lead byte at the end, 0xFF, 0x80, or a lead followed by 0x7F.
    @Test func gb18030IsRecognisedByItsStructure() {
        #expect(JSONSyntax.readsAsGB18030(Data([0x7B, 0xC0, 0xEE, 0x81, 0x30, 0x81, 0x30, 0x7D])))
        #expect(!JSONSyntax.readsAsGB18030(Data([0x7B, 0xC0])))
        #expect(!JSONSyntax.readsAsGB18030(Data([0xFF, 0x41])))
        #expect(!JSONSyntax.readsAsGB18030(Data([0x80, 0x41])))
        #expect(!JSONSyntax.readsAsGB18030(Data([0xC0, 0x7F])))
        #expect(!JSONSyntax.readsAsGB18030(Data([0x81, 0x30, 0x81])))
        // The first byte that is not UTF-8: after "ab" (2 bytes) and 名 (3 bytes), offset 5.
        #expect(JSONSyntax.firstNotUTF8(in: Data(Array("ab名".utf8) + [0xC0, 0xEE])) == 5)
        #expect(JSONSyntax.firstNotUTF8(in: Data("ab名".utf8)) == nil)
    }

    /// Bytes neither UTF-8 nor GBK (0xFF): no encoding to name, save it as UTF-8.
    @Test func bytesThatAreNoEncodingSaySaveAsUTF8() {
        do {
            _ = try ScenarioFile.decode(Data(Array(#"{"name": ""#.utf8) + [0xFF, 0x22, 0x7D]))
            Issue.record("loaded")
        } catch let e as ScenarioError {
            #expect(e.kind == .notUTF8(line: 1, column: 11, readsAsGBK: false, file: nil))
            #expect(ScenarioErrorMessage(e.kind).text(.en) == "not valid JSON: line 1, column 11: this text is not UTF-8; save the file as UTF-8 text")
            #expect(ScenarioErrorMessage(e.kind).text(.zh) == "不是有效的 JSON：第 1 行第 11 列：这段文本不是 UTF-8 编码；请把文件另存为 UTF-8 文本")
        } catch { Issue.record("\(error)") }
    }

    /// The JSON reader's field checks (issue 13, point 1: English in both languages, `Kind.text`) are typed
    /// and read in Chinese; the English is as it was (ScenarioFileReaderTests, TrustFindingsTests).
    @Test func theReadersFieldChecksReadInBothLanguages() {
        var r = refusal(Self.header + #""agents": [{"hired": "2026-01-01"}], "inputs": {}}"#)
        #expect(r.kind == .at("agents[0]", .fieldMissing("name")))
        #expect(r.en == #"agents[0]: the field "name" is missing"#)
        #expect(r.zh == #"agents[0]：缺少字段 "name""#)
        r = refusal(Self.header + #""agents": [{"name": 5}], "inputs": {}}"#)
        #expect(r.kind == .at("agents[0].name", .expected(.text)))
        #expect(r.en == "agents[0].name: expected text here")
        #expect(r.zh == "agents[0].name：此处应为文本")
        r = refusal(Self.header + #""agents": [{"name": null}], "inputs": {}}"#)
        #expect(r.en == "agents[0].name: a value is missing")
        #expect(r.zh == "agents[0].name：缺少值")
        r = refusal(Self.header + #""agents": {}, "inputs": {}}"#)
        #expect(r.zh == "agents：此处应为列表 […]")
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {"李雷": {"sales": {"2026-03": "12x"}}}}"#)
        #expect(r.kind == .at("inputs.李雷.sales.2026-03", .notAnAmount("12x")))
        #expect(r.en == #"inputs.李雷.sales.2026-03: '12x' is not an amount: write digits with at most one point, such as "3000.10" or "-0.5""#)
        #expect(r.zh == #"inputs.李雷.sales.2026-03：'12x' 不是金额：请只写数字和至多一个小数点，例如 "3000.10" 或 "-0.5""#)
        // A JSON number as an amount: told to write that very number as a string (a Double would lose digits).
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {"李雷": {"sales": {"2026-03": 3000.1}}}}"#)
        #expect(r.kind == .at("inputs.李雷.sales.2026-03", .notExactDecimal("3000.1")))
        #expect(r.en == #"inputs.李雷.sales.2026-03: 3000.1 is written as a number: write an amount as a string, "3000.1", so that no digit is lost"#)
        #expect(r.zh == #"inputs.李雷.sales.2026-03：3000.1 写成了数字：金额请写成字符串 "3000.1"，以免丢失位数"#)
        // 13 decimals, counted by hand: "0000000000001".
        r = refusal(Self.header + #""agents": [{"name": "李雷"}], "inputs": {"李雷": {"sales": {"2026-03": "1.0000000000001"}}}}"#)
        #expect(r.kind == .at("inputs.李雷.sales.2026-03", .tooManyDecimals("1.0000000000001", digits: 13)))
        #expect(r.en == "inputs.李雷.sales.2026-03: '1.0000000000001' has 13 decimal places; amounts have at most 12")
        #expect(r.zh == "inputs.李雷.sales.2026-03：'1.0000000000001' 有 13 位小数；金额最多 12 位小数")
    }

    /// An amount written as a string but beyond ±10²⁶ (`Fixed.largest`) is refused as too large, at its place, with
    /// the largest allowed — not with the advice to write it as a string, which it is (issue 13, M9). The bound is
    /// worked out by hand: 10²⁶ has 27 digits, so 27 nines are over it, 10²⁶ itself and 26 nines are not.
    /// Text that is not decimal at all keeps the old wording.
    @Test func anAmountTooLargeIsSaidToBeTooLarge() {
        func inputs(_ v: String) -> String { Self.header + #""agents": [{"name": "李雷"}], "inputs": {"李雷": {"sales": {"2026-03": ""# + v + #""}}}}"# }
        let place = "inputs.李雷.sales.2026-03"
        for v in [String(repeating: "9", count: 27), "-" + String(repeating: "9", count: 27), "100000000000000000000000000.01",
                  "+1" + String(repeating: "0", count: 30) + ".5", String(repeating: "9", count: 60)] {
            let r = refusal(inputs(v))
            #expect(r.kind == .at(place, .amountTooLarge(v)), "\(v)")
            #expect(r.en == "\(place): '\(v)' is too large: amounts go up to 10²⁶ (100,000,000,000,000,000,000,000,000)")
            #expect(r.zh == "\(place)：'\(v)' 太大：金额最大到 10²⁶（100,000,000,000,000,000,000,000,000）")
            #expect(!r.en.contains("string") && !r.zh.contains("字符串"))
        }
        // Within the range: loads.
        for v in ["1" + String(repeating: "0", count: 26), "-1" + String(repeating: "0", count: 26), String(repeating: "9", count: 26) + ".999999999999"] {
            #expect((try? ScenarioFile.decode(Data(inputs(v).utf8))) != nil, "\(v)")
        }
        // Not decimal text, or more than 12 decimals: not "too large".
        for v in ["12x", "9" + String(repeating: "9", count: 30) + "x", "--1", ".", "", "1.2.3", "１２"] {
            #expect(refusal(inputs(v)).kind == .at(place, .notAnAmount(v)), "\(v)")
        }
        for (v, d) in [("1.0000000000001", 13), ("0." + String(repeating: "5", count: 20), 20), ("-3.1234567890123", 13)] {
            #expect(refusal(inputs(v)).kind == .at(place, .tooManyDecimals(v, digits: d)), "\(v)")
        }
    }

    /// A key twice and a misspelled key, at their line and column: line 2 is `  "version": 1}` and its key's
    /// quote is at column 3; `"hierd"` on line 2 after `  "agents": [{"name": "李雷", ` — 2 spaces, `"agents": [{`
    /// (12 characters), `"name": "李雷", ` (14) — starts at column 29.
    @Test func aKeyTwiceAndAMisspelledKeyReadInBothLanguages() {
        var r = refusal("{\"format\": \"payplan-scenario\", \"version\": 1,\n  \"version\": 1}")
        #expect(r.kind == .atLine(line: 2, column: 3, .keyTwice("version")))
        #expect(r.en == #"line 2, column 3: the key "version" appears twice in this object; the second would replace the first"#)
        #expect(r.zh == #"第 2 行第 3 列：键 "version" 在这个对象中出现了两次；后一个会覆盖前一个"#)
        r = refusal(Self.header + "\n  \"agents\": [{\"name\": \"李雷\", \"hierd\": \"2025-01-01\"}], \"inputs\": {}}")
        #expect(r.kind == .atLine(line: 2, column: 29, .at("agents[0]", .misspelledKey("hierd", meant: "hired", of: .agent, keys: ScenarioFile.agentKeys))))
        #expect(r.en == #"line 2, column 29: agents[0]: the key "hierd" is not one payplan reads: did you mean "hired"? (an agent's keys: attributes, base, hired, id, left, name, role)"#)
        #expect(r.zh == #"第 2 行第 29 列：agents[0]：键 'hierd' 不是 payplan 读取的键：是不是 'hired'？（员工的键：'attributes'、'base'、'hired'、'id'、'left'、'name'、'role'）"#)
    }

    /// The engine's years check and a new scenario's file name and folder, typed, in both languages;
    /// no file is made.
    @Test func yearsAndANewFileReadInBothLanguages() throws {
        let e = try #require(throws: ScenarioError.self) { try Engine(workspace: Workspace(name: "w", years: 0...0)) }
        #expect(e.kind == .yearsOutsideCalendar(0...0))
        #expect(ScenarioErrorMessage(e.kind).text(.zh) == "年份 0–0：方案的年份须在 1–9999 之内")
        let missing = NSTemporaryDirectory() + "payplan-no-" + UUID().uuidString
        var n = try #require(throws: ScenarioError.self) { try Session(newFile: missing + "/a.json") }
        #expect(n.kind == .newFileNoFolder(missing + "/a.json", folder: missing))
        #expect(ScenarioErrorMessage(n.kind).text(.en) == "\(missing)/a.json: no such folder \(missing), so a new scenario could not be saved there")
        #expect(ScenarioErrorMessage(n.kind).text(.zh) == "\(missing)/a.json：没有文件夹 \(missing)，所以无法在那里保存新方案")
        n = try #require(throws: ScenarioError.self) { try Session(newFile: missing) }
        #expect(ScenarioErrorMessage(n.kind).text(.zh) == "\(missing)：没有这个文件（新方案的文件名须以 .json 结尾，例如 \(missing).json）")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

