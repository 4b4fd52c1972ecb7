import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// Errors from below the REPL as data (issue 13, point 1): the lexer's, parser's, constant
/// amounts', `Agent.set`'s (`SourceError.Kind`), the file layer's (`ScenarioError.Kind`), the
/// import mapping's (`ImportError.Kind`) and `--options` problems (`ArgumentMessage`) each render
/// from a typed kind in English (unchanged) and Chinese, never by matching text; the `error:`
/// prefix is `错误：` under zh; a refused edit leaves the workspace as it was.
@Suite struct TypedErrorTests {
    /// The case names of `enum NAME` in `file` (one line per `case`, as the kind files write them).
    static func cases(of name: String, in file: String) throws -> Set<String> {
        let text = try String(contentsOfFile: repositoryRoot + "/" + file, encoding: .utf8)
        var out = Set<String>(), inside = false
        for line in text.split(separator: "\n") {
            if line.contains("enum \(name): ") { inside = true; continue }
            guard inside else { continue }
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "}" || t.hasPrefix("public var") || t.hasPrefix("/// The error in English") { break }
            if t.hasPrefix("case "), let m = t.firstMatch(of: /^case (\w+)/) { out.insert(String(m.1)) }
        }
        return out
    }

    static func caseName(_ value: Any) -> String { Mirror(reflecting: value).children.first?.label ?? String(describing: value) }

    /// Every case of every typed kind has a sample, so the catalogue test renders it in Chinese.
    @Test func everyKindHasASample() throws {
        let kinds: [(String, String, Set<String>)] = [
            ("Kind", "Sources/PayPlan/Language/SourceError+Kind.swift", Set(SourceErrorMessage.samples.map { Self.caseName($0.kind) })),
            ("Kind", "Sources/PayPlan/Scenario/ScenarioError+Kind.swift", Set(ScenarioErrorMessage.samples.map { Self.caseName($0.kind) })),
            ("Kind", "Sources/PayPlanImport/TextDecoding.swift", Set(ImportErrorMessage.samples.map { Self.caseName($0.kind) })),
        ]
        for (name, file, sampled) in kinds {
            let declared = try Self.cases(of: name, in: file)
            #expect(declared.count >= 4, "\(file): found \(declared)")
            // `text` is the untyped remainder of the file and import layers (an English text shown as
            // written in both languages, no pattern translation); it has no Chinese to sample.
            #expect(declared.subtracting(sampled).subtracting(["text"]).isEmpty, "\(file): no sample of \(declared.subtracting(sampled).sorted())")
        }
        // The pay language's errors are typed through and through: no untyped text kind is left.
        #expect(try !Self.cases(of: "Kind", in: "Sources/PayPlan/Language/SourceError+Kind.swift").contains("text"))
        #expect(try !Self.cases(of: "Kind", in: "Sources/PayPlanImport/TextDecoding.swift").contains("text"))
        // An unreadable import file reads as the import's own message did, in both languages.
        for exists in [false, true] {
            #expect(ImportErrorMessage(.cannotRead("订单.csv", exists: exists)).wording == ImportMessage.cannotRead("订单.csv", exists: exists).wording)
        }
        let write = try Self.cases(of: "WriteProblem", in: "Sources/PayPlan/Scenario/ScenarioError+Kind.swift")
        let sampledWrite = Set(ScenarioErrorMessage.samples.compactMap { if case .cannotWrite(_, _, let w) = $0.kind { Self.caseName(w) } else { nil } })
        // Seven: readOnlyFileSystem (EROFS) joined the six (issue 11: a read-only mount was "permission denied");
        // ten with the workbook library's three (sheetRefused, workbookLibrary, workbookNotReadBack); eleven with isFolder (save adir).
        #expect(write.count == 11 && write.subtracting(sampledWrite).isEmpty, "WriteProblem: \(write.subtracting(sampledWrite))")
    }

    /// The lexer and parser throw typed kinds with their place; English reads as before.
    @Test func theParserThrowsTypedKinds() {
        func kind(_ text: String) -> (SourceError.Kind, SourceRange?)? {
            do { _ = try Definition(source: text); return nil } catch let e as SourceError { return (e.kind, e.range) } catch { return nil }
        }
        // `(` at offset 10 of "month z = (sales": the caret stays under the bracket that is not closed.
        #expect(kind("month z = (sales")?.0 == .closeParen)
        #expect(kind("month z = (sales")?.1 == 10..<11)
        #expect(SourceError.Kind.closeParen.english == "expected ')' to close the '(' opened here")
        #expect(kind("month z = 1,00")?.0 == .commaGroup("1,00"))
        #expect(kind("month z = \"abc")?.0 == .unclosedText(close: "\""))
        #expect(kind("month z = 1e6")?.0 == .exponent("1e6"))
        #expect(kind("month z = if sales > 1 then 2")?.0 == .expectedElse(found: .end))
        #expect(kind("month then = 1")?.0 == .reservedName("then", .rule))
        #expect(kind("month z = sales 2")?.0 == .trailing(found: .number(Fixed(2))))
        // 5 after 10: thresholds must rise.
        #expect(kind("table tt: 10 -> 1, 5 -> 2")?.0 == .thresholdsRise(Fixed(5), after: Fixed(10)))
        #expect(kind("input month v default 0 range 5..1")?.0 == .rangeEmpty(Fixed(5), above: Fixed(1)))
        #expect(kind("month z = sum(sales)")?.0 == .needsOver("sum"))
        var a = Agent(name: "李雷")
        #expect(throws: SourceError(.expectedDate(key: "hired", text: "2026-13-01"))) { try a.set("hired", text: "2026-13-01") }
        #expect(throws: SourceError(.expectedBase("abc"))) { try a.set("base", text: "abc") }
    }

    /// Under zh each typed error reads in Chinese with the caret kept, after 错误：; under en as
    /// before after `error: `; the plan is unchanged either way.
    @Test func aParseErrorReadsInChineseWithItsCaret() throws {
        for lang in DisplayLanguage.allCases {
            let s = try Session(path: electronics)
            s.language = lang
            let before = s.workspace
            let out = s.execute("month z = (sales")
            #expect(out.failed)
            #expect(s.workspace == before)
            let lines = out.errors.flatMap { $0.render(language: lang) }
            #expect(lines == [lang == .zh ? "错误：这里的 '(' 缺少与之配对的 ')'" : "error: expected ')' to close the '(' opened here",
                              "  month z = (sales", "            ^"])
        }
        let s = try Session(path: electronics)
        s.language = .zh
        let amount = s.execute("李雷.sales[2026-03] = abc")
        #expect(amount.errors.first?.render(language: .zh).first == "错误：录入值必须是金额，例如 12万、40k、40,000 或 ¥40000")
        let base = s.execute("agent set 李雷 base=abc")
        #expect(base.errors.first?.render(language: .zh).first == "错误：base=abc：应为金额，例如 3000、3k 或 0.3万")
        #expect(s.workspace.agents.first { $0.name == "李雷" }?.base == Fixed(3000))
    }

    /// The workbook library's failures are typed: said in Chinese, the library's own English text kept
    /// (quoted) as the detail; English reads as before.
    @Test func workbookFailuresAreWrapped() {
        let lib = ScenarioErrorMessage(.cannotWrite(path: "报表.xlsx", link: nil, why: .workbookLibrary("Error creating output xlsx file. Usually a permissions error.")))
        #expect(lib.text(.en) == "cannot write 报表.xlsx: Error creating output xlsx file. Usually a permissions error.")
        #expect(lib.text(.zh) == "无法写入 报表.xlsx：生成 Excel 工作簿时出错（libxlsxwriter 的原文：'Error creating output xlsx file. Usually a permissions error.'）")
        let sheet = ScenarioErrorMessage(.cannotWrite(path: "报表.xlsx", link: nil, why: .sheetRefused("2026-03")))
        #expect(sheet.text(.en) == "cannot write 报表.xlsx: sheet '2026-03' was refused")
        #expect(sheet.text(.zh) == "无法写入 报表.xlsx：Excel 工作簿库不接受工作表名 '2026-03'")
        #expect(ScenarioErrorMessage(.cannotWrite(path: "a.xlsx", link: nil, why: .workbookNotReadBack)).text(.zh) == "无法写入 a.xlsx：写好的工作簿无法读回")
    }

    /// `--options` problems are typed: `--xlsx` at the end needs a value, in both languages.
    @Test func optionProblemsAreTyped() throws {
        #expect(throws: ArgumentMessage.needsValue("--xlsx")) { try CommandArguments.parse("2026-03 --xlsx", options: ["--xlsx"]) }
        #expect(throws: ArgumentMessage.unknownOption("--x", known: ["--csv"])) { try CommandArguments.parse("--x", flags: ["--csv"]) }
        #expect(ArgumentMessage.needsValue("--xlsx").text(.en) == "--xlsx needs a value")
        let s = try Session(path: electronics)
        s.language = .zh
        let out = s.execute("report 2026-03 --xlsx")
        #expect(out.errors.first?.render(language: .zh).first?.hasPrefix("错误：--xlsx 后面要写值；请写 report 期间") == true)
    }

    /// A file that cannot be written is a typed kind with the system's error number, named in
    /// Chinese; nothing is created.
    @Test func aFileThatCannotBeWrittenIsTyped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString)").path
        let path = dir + "/nodir/x.json"
        #expect(throws: ScenarioError(.cannotWrite(path: path, link: nil, why: .system(errno: ENOENT)))) { try AtomicFile.write(Data("x".utf8), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let m = ScenarioErrorMessage(.cannotWrite(path: "a.json", link: nil, why: .system(errno: ENOENT)))
        #expect(m.text(.en) == "cannot write a.json: No such file or directory")
        #expect(m.text(.zh) == "无法写入 a.json：没有这个文件或文件夹")
        #expect(ScenarioErrorMessage(.cannotRead(path: "a.json", exists: false)).text(.zh) == "无法读取 a.json：没有这个文件")
        let s = try Session(path: electronics)
        s.language = .zh
        let out = s.execute("save \(path)")
        #expect(out.errors.first?.render(language: .zh).first == "错误：无法写入 \(path)：没有这个文件或文件夹；工作区未改变，没有替换任何文件")
    }

    /// An import whose file has no column for the order number says so by a typed kind, and
    /// the orders are unchanged.
    @Test func anImportWithNoIdColumnIsTyped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("o.csv").path
        try Data("单号,业务员,日期\nT1,李雷,2026-03-02\n".utf8).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: electronics)
        s.language = .zh
        let before = s.workspace
        let out = s.execute("orders import \(file)")
        #expect(out.failed)
        #expect(s.workspace == before)
        let line = out.errors.first?.render(language: .zh).first ?? ""
        #expect(line.contains("没有哪一列对应 id，即订单号（例如 --map 订单编号=id）；文件的列为：「单号」、「业务员」、「日期」"), "\(line)")
        #expect(ImportError(.noColumnFor(field: "id", columns: ["a"], savedMaps: [])).message
                == "no column maps to id, the order number (e.g. --map 订单编号=id); the file's columns are: a")
    }

    /// `explain --rules` shows a yes/no parameter as 是/否 under zh (plan C's expense_limit_all_tiers = yes).
    @Test func theRulesTreeShowsFlagsInChinese() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let lines = s.execute("explain 李雷.tier_commission[2026-03] --rules --depth 1").lines
        #expect(lines.contains("  expense_limit_all_tiers = 是  报销规则适用全部档"))
        s.language = .en
        #expect(s.execute("explain 李雷.tier_commission[2026-03] --rules --depth 1").lines.contains { $0.hasPrefix("  expense_limit_all_tiers = yes") })
    }
}
