import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The golden Chinese transcript (issue 13, "Done when"): every command `help commands` lists, run with
/// `--lang zh` on the shipped scenarios with typical arguments and its common errors, compared exactly
/// with `Golden/zh-transcript.txt`, and checked for English.
///
/// **Regenerating the golden.** After a change of wording or figures:
///
///     PAYPLAN_UPDATE_GOLDEN=1 swift test --filter ZhTranscriptTests
///     git diff Tests/PayPlanREPLTests/Golden/zh-transcript.txt
///
/// The first command rewrites the file (and the test fails once, saying so); a person then reads the
/// whole diff — every changed figure and sentence — before committing it. The figures the comments
/// below derive by hand are also asserted on their own, so a golden regenerated over a wrong figure
/// still fails.
///
/// **The English detector** (`englishWords`). Each line of output is cut into Latin-letter words
/// (`[A-Za-z_][A-Za-z0-9_-]*`). A word is allowed when it is one of:
/// - a name from the plan: every rule, input, parameter, attribute, field, table and report name of
///   the scenario's plan (and of the `takehome` part), an agent's name, ID, role and attribute values,
///   the scenario's and its forks' names, a saved import mapping's name;
/// - a product or format name as its maker writes it (`CSV`, `UTF-8`, `Excel`, `WPS`, `payplan`);
/// - REPL syntax the user types: the command words, aliases and `--options` of `CommandTable` and
///   every Latin word of its Chinese usage lines (`from`, `to`, `step`, `show`, `for`, `in`, `vs`,
///   `key=value`, `taobao` …), the help topic names, the pay language's keywords and built-in
///   functions (`Parser.reserved`, `round`, `lookup` …), a grain or error value (`#MISSING`);
/// - a file name or path (`r.csv`, `$TMP/工资条/index.html`), an ID or period holding a digit
///   (`S01`, `2026-Q1`, `tb66330142`), a unit or formula letter (`k`, `x`);
/// - any part of a line that is a line of the plan's own source text (what `plan`, `show` and
///   `explain --rules` print: the plan author's words, comments included, are the plan's, not payplan's).
/// `yes`, `no`, `true` and `false` are deliberately *not* allowed: under zh a flag shows as 是/否.
/// Every other Latin word is English payplan wrote. The test lists them (`knownEnglish`, which must
/// equal what is found: it can only shrink as messages get Chinese, and a new English word fails).
/// The command lines themselves (`› …`) are what the user typed and are not checked.
@Suite(.serialized) struct ZhTranscriptTests {
    static let golden = repositoryRoot + "/Tests/PayPlanREPLTests/Golden/zh-transcript.txt"

    /// One part of the script: commands run in order on a fresh session of `scenario` under `--lang zh`.
    struct Section {
        /// The `CommandTable` entry it exercises, by its English usage line.
        let usage: String
        let scenario: String
        let commands: [String]
        init(_ usage: String, _ scenario: String, _ commands: [String]) { self.usage = usage; self.scenario = scenario; self.commands = commands }
    }

    static let C = "electronics-sales", A = "online-shop-cs", B = "web-agency"

    /// The script: at least one section for every entry of `CommandTable` (a test holds the two
    /// together, so a new command without a section fails). `$TMP` is a fresh folder, `$REPO` the checkout.
    static let script: [Section] = [
        Section("agent add NAME key=value…", C, [
            "agent add 小刘 id=S09 base=3500 hired=2026-03-01", "agents",
            "agent add 李雷", "agent add 新人 id=S01", "agent add 1号 base=3000", "agent add month base=3000",
            "agent add 新人2 base=-5", "agent add 新人3 hired=2026-05-01 left=2026-04-01"]),
        Section("agent set NAME key=value…", C, [
            "agent set 李雷 base=3500", "李雷.base_pay[2026-03]", "agent set 无名氏 base=1", "agent set 李雷 left=2020-01-01",
            "agent set 李雷 hired=2026-13-01", "agent set 李雷 base=abc"]),
        Section("agent rm NAME", C, ["agent rm 赵强", "undo", "agent rm 无名氏"]),
        Section("agent rm NAME", A, ["agent rm 小美"]),
        Section("agents", C, ["agents"]),
        Section("agents", A, ["agents"]),
        Section("NAME.INPUT[PERIOD] = AMOUNT", C, [
            "李雷.sales[2026-03] = 15万", "李雷.expenses[2026-03] = 1,200",
            "李雷.sales[2026-13] = 1", "李雷.sales[2026-03] = abc", "李雷.salez[2026-03] = 1",
            "李雷.sales[2030-03] = 1", "无名氏.sales[2026-03] = 1", "李雷.sales[2026-03] = -5"]),
        Section("NAME.FIGURE[PERIOD]", C, ["李雷.pay[2026-03]", "李雷.commission[2026-03]", "韩梅梅.pay[2026-Q1]", "李雷.pya[2026-03]", "李雷.pay",
                                           // Error values: what went wrong, and where it started.
                                           "month z = sales / 0", "李雷.z[2026-03]", "month w = sales + (sales > 1)", "李雷.w[2026-03]",
                                           "input month visits", "month v2 = visits + 1", "李雷.v2[2026-03]", "explain 李雷.v2[2026-03] --rules --depth 0",
                                           "explain 李雷.z[2026-03]"]),
        Section("NAME.FIGURE[PERIOD]", A, ["小美.pay[2026-03]", "小美.grade[2026-03]", "大伟.dismiss[2026-03]", "小美.first_reply_ok[2026-03]"]),
        Section("report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE]", C, [
            "report 2026-03", "report 2026-Q1", "report 2026-03 --csv $TMP/r.csv", "report 2026-03 --xlsx $TMP/r.xlsx",
            "report 2026-13", "report", "report 2026-03 --xlsx", "report 2026-03 --csv --json", "report 2026-03 --bogus",
            "report 2026-03 --xlsx $TMP/r.csv", "report 2026-03 --csv=x"]),
        Section("report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE]", A, ["report 2026-03"]),
        Section("report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE]", B, ["report 2026-04"]),
        Section("explain FIGURE [--depth N] [--orders] [--rules]", C, [
            "explain 李雷.commission[2026-03]", "explain 李雷.pay[2026-03]", "explain 李雷.tier_commission[2026-03] --rules --depth 1",
            "fork higher", "agent set 李雷 base=3500", "explain 李雷.pay[2026-03] in main vs higher",
            "explain 李雷.pay", "explain 李雷.pya[2026-03]"]),
        Section("explain FIGURE [--depth N] [--orders] [--rules]", A, ["explain 小美.pay[2026-03]", "explain 小美.commission[2026-03] --orders"]),
        Section("param / input / attribute / field / table / month / quarter / half / year / team / order …", C, [
            "month extra \"测试奖\" = sales * 1%", "李雷.extra[2026-03]", "param base_salary = 3200", "input month visits default 0",
            "month y = revnue", "month z = (sales", "month monthly_bonus = pay * 1%", "param p = 1 +",
            "month z = 1,00", "month z = \"abc", "month z = 1e6", "month z = 12abc", "month z = sales @ 2", "table tt: 10 -> 1, 5 -> 2",
            "month z = if sales > 1 then 2", "month z = sum(sales)", "month z = round(sales", "month z = sales[2026-03", "month z = 2026-03",
            "input visits2", "month then = 1", "month z = sales 2", "input month v2 default 0 range 5..1"]),
        Section("use takehome [on FIGURE]", C, ["use takehome", "李雷.net_pay[2026-03]", "show social_insurance_base", "use foo", "use", "undo", "redo"]),
        Section("plan", B, ["plan"]),
        Section("check", C, ["check", "param damage_cap_rate = 1/0", "check", "李雷.pay[2026-03]"]),
        Section("check", A, ["check"]),
        Section("check", B, ["check"]),
        Section("show NAME", C, ["show commission", "show commission_tiers", "show base_salary", "show nosuch"]),
        Section("drop NAME | drop from MONTH NAME", C, ["month tmp = 1", "drop tmp", "drop nosuch", "drop commission",
                                                        "from 2026-07 param damage_cap_rate = 10%", "show damage_cap_rate",
                                                        "drop from 2026-08 damage_cap_rate", "drop from 2026-07 damage_cap_rate",
                                                        "from 2027-01 param damage_cap_rate = 10%", "from 2026-07 quarter tier_commission = 0"]),
        Section("undo", C, ["undo", "李雷.sales[2026-03] = 13万", "undo", "param expense_limit_rate = 2%", "undo"]),
        Section("redo", C, ["redo", "李雷.sales[2026-03] = 13万", "undo", "redo"]),
        Section("load FILE", C, [
            "load $REPO/scenarios/web-agency.json", "甲.sales[2026-03] = 1", "load $REPO/scenarios/online-shop-cs.json",
            "load! $REPO/scenarios/online-shop-cs.json", "load $TMP/nosuch.json", "load",
            // Files that are not scenarios payplan can read: each refusal says what and where.
            "load $TMP/broken.json", "load $TMP/newer.json", "load $TMP/badhire.json", "load $TMP/badplan.json"]),
        Section("save [FILE]", C, ["李雷.sales[2026-03] = 13万", "save $TMP/saved.json", "save $TMP/nodir/x.json", "save \"\""]),
        Section("source FILE [--bail] [--through LINE]", C, ["source $TMP/edits.txt", "source $TMP/bad.txt --bail", "source $TMP/nosuch.txt", "help source"]),
        Section("years 2026[-2027]", C, ["years", "years 2026-2027", "years 2030-2026", "years abc"]),
        Section("fork NAME", C, ["fork lower", "fork lower", "fork"]),
        Section("switch NAME", C, ["fork lower", "switch main", "switch nosuch"]),
        Section("scenarios", C, ["fork lower", "agent set 李雷 base=2800", "scenarios"]),
        Section("compare A B [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", C, [
            "fork lower", "agent set 李雷 base=2800", "compare main lower 2026-03", "compare main lower 2026-Q1",
            "compare main nosuch", "compare main"]),
        Section("compare A B [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", A, [
            "fork lower", "param commission_rate = 0.8%", "compare main lower 2026-03", "scenarios"]),
        Section("sweep INPUT from X to Y step S show FIGURE…", A, [
            "sweep inquiries from 100 to 400 step 100 show pay, commission for 小美 in 2026-03 --svg $TMP/sweep.svg",
            "sweep inquiries from 0 to 100 step 0 show pay for 小美 in 2026-03", "sweep nosuch from 0 to 1 step 1 show pay"]),
        Section("solve INPUT for FIGURE = TARGET", C, [
            "solve sales for pay = 9000 for 李雷 in 2026-03 from 19万 to 21万", "solve sales for pya = 9000 for 李雷 in 2026-03",
            "solve sales for pay = abc"]),
        Section("solve INPUT for FIGURE = TARGET", A, ["solve buyers for pay = 3200 for 小美 in 2026-03", "solve buyers for pay = 100万 for 小美 in 2026-03"]),
        Section("cliffs FIGURE over INPUT from X to Y", C, [
            "cliffs pay over sales from 0 to 12万 for 李雷 in 2026-03", "cliffs pay over nosuch from 0 to 1"]),
        Section("cliffs FIGURE over INPUT from X to Y", A, ["cliffs pay over inquiries from 0 to 400 for 小美 in 2026-03"]),
        Section("statement AGENT|all PERIOD [--format text|md|html|csv] [--out FILE]", C, [
            "statement 李雷 2026-03", "statement all 2026-03 --html $TMP/工资条", "statement 李雷 2026-03 --format csv --out $TMP/s.csv",
            "statement 无名氏 2026-03", "statement 李雷"]),
        Section("statement AGENT|all PERIOD [--format text|md|html|csv] [--out FILE]", A, ["statement 小美 2026-03"]),
        Section("statement AGENT|all PERIOD [--format text|md|html|csv] [--out FILE]", B, ["statement 甲 2026-04"]),
        Section("review A B [PERIOD] [--html FILE] [--threshold T]", A, [
            "fork lower", "param commission_rate = 0.8%", "review main lower 2026-03 --html $TMP/review.html",
            "review main nosuch", "review main", "review main lower 2026-03 --threshold abc"]),
        Section("forecast A [B] [PERIOD] [--runs N] [--seed S]", A, [
            "fork lower", "param commission_rate = 0.8%", "forecast main lower 2026 --runs 20 --seed 1", "forecast main --runs 0", "forecast nosuch"]),
        Section("offer sales 3万 6万 10万 [base=3500] [from 2026-03]", C, [
            "offer sales 3万 6万 10万", "offer sales 3万 6万 base=3500 from 2026-03", "offer", "offer sales abc"]),
        Section("order add ID agent=NAME date=DATE field=value…", C, [
            "order add T9001 agent=李雷 date=2026-03-05 amount=10000 profit=2000 paid=2026-03-20", "李雷.order_sales[2026-03]",
            "order add T9001 agent=李雷 date=2026-03-06", "order add T9002 agent=无名氏 date=2026-03-06",
            "order add T9003 agent=李雷 date=2026-13-01", "order add T9004 agent=李雷 date=2026-03-06 colour=red"]),
        Section("order set ID field=value…", C, [
            "order add T9001 agent=李雷 date=2026-03-05 amount=10000", "order set T9001 amount=20000", "order set T9999 amount=1"]),
        Section("order rm ID", C, ["order add T9001 agent=李雷 date=2026-03-05 amount=10000", "order rm T9001", "order rm T9001"]),
        Section("orders [AGENT] [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", A, ["orders 小美 2026-03", "orders 无名氏"]),
        Section("orders import FILE.csv [--format taobao|tmall-report|pdd|jd|douyin] [--note COL|none] [--map COL=field,…] [--dry-run]", C, [
            "orders import $REPO/scenarios/electronics-orders.csv --map-name electronics --dry-run",
            "orders import $REPO/scenarios/electronics-orders.csv --map-name electronics",
            "orders import $TMP/nosuch.csv", "orders import $REPO/scenarios/electronics-orders.csv --format ebay",
            "orders import $REPO/scenarios/electronics-orders.csv"]),
        Section("orders import FILE.csv [--format taobao|tmall-report|pdd|jd|douyin] [--note COL|none] [--map COL=field,…] [--dry-run]", A, [
            "orders import $REPO/scenarios/shop-orders-2026-03.csv --format taobao --dry-run"]),
        Section("performance import FILE.csv [--month 2026-03] [--map COL=input,…]", A, [
            "performance import $TMP/chitu.csv", "小美.grade[2026-02]", "performance import $TMP/chitu.csv", "performance import $TMP/nosuch.csv"]),
        Section("attribution [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", A, ["attribution 2026-03", "attribution 2026-13"]),
        Section("calendar [holiday|workday|clear DATE[..DATE]]", C, [
            "calendar", "calendar holiday 2026-04-06", "calendar workday 2026-04-26", "calendar clear 2026-04-06", "calendar holiday 2026-13-01"]),
        Section("as of DATE", C, ["as of 2026-03-15", "as of abc"]),
        Section("set lang zh|en", C, ["set lang zh", "set lang fr"]),
        Section("help [TOPIC]", C, ["help"] + Help.topics.map { "help \($0.name)" } + ["help nosuch", "help sweeep"]),
        Section("quit, exit", C, ["quit"]),
    ]

    /// Files the script reads, written into `$TMP` before it runs.
    static func writeFixtures(in tmp: String) throws {
        try "李雷.sales[2026-03] = 14万\n韩梅梅.sales[2026-03] = 25万\n".write(toFile: tmp + "/edits.txt", atomically: true, encoding: .utf8)
        try "李雷.sales[2026-03] = 14万\n李雷.sales[2026-03] = abc\n韩梅梅.sales[2026-03] = 25万\n".write(toFile: tmp + "/bad.txt", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/chitu-performance.csv", toPath: tmp + "/chitu.csv")
        // Broken scenarios for `load`: a missing ':' (line 3, column 13), a newer format version, a hire date that is no
        // date (the shipped plan C with agents[0].hired changed), a plan line that does not parse.
        try "{\n  \"format\": \"payplan-scenario\",\n  \"version\" 1\n}\n".write(toFile: tmp + "/broken.json", atomically: true, encoding: .utf8)
        try "{\"format\": \"payplan-scenario\", \"version\": 99, \"name\": \"x\", \"years\": \"2026\", \"plan\": [], \"agents\": [], \"inputs\": {}}\n"
            .write(toFile: tmp + "/newer.json", atomically: true, encoding: .utf8)
        let c = try String(contentsOfFile: repositoryRoot + "/scenarios/electronics-sales.json", encoding: .utf8)
        try c.replacingOccurrences(of: "\"hired\" : \"2023-03-01\"", with: "\"hired\" : \"2023-13-01\"")
            .write(toFile: tmp + "/badhire.json", atomically: true, encoding: .utf8)
        try "{\"format\": \"payplan-scenario\", \"version\": 1, \"name\": \"x\", \"years\": \"2026\", \"plan\": [\"month pay = (1\"], \"agents\": [], \"inputs\": {}}\n"
            .write(toFile: tmp + "/badplan.json", atomically: true, encoding: .utf8)
    }

    /// Runs the whole script; returns the transcript (paths as `$TMP`, `$REPO`) and the plan source
    /// lines and names of every session it used (for the English detector).
    static let cached = Result { try run() }
    static func transcript() throws -> (text: String, plan: Set<String>, names: Set<String>) { try cached.get() }

    static func run() throws -> (text: String, plan: Set<String>, names: Set<String>) {
        let tmp = NSTemporaryDirectory() + "payplan-zh-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try writeFixtures(in: tmp)
        let unpath = { (s: String) in s.replacingOccurrences(of: tmp, with: "$TMP").replacingOccurrences(of: repositoryRoot, with: "$REPO") }
        var out: [String] = [], plan = Set<String>(), names = Set<String>()
        func learn(_ w: Workspace) { Self.learn(w, plan: &plan, names: &names) }
        for section in script {
            let s = try Session(path: repositoryRoot + "/scenarios/\(section.scenario).json")
            s.language = .zh
            out.append("## \(section.usage) — \(section.scenario)")
            for command in section.commands {
                let c = command.replacingOccurrences(of: "$TMP", with: tmp).replacingOccurrences(of: "$REPO", with: repositoryRoot)
                let o = s.execute(c)
                out.append("› " + command)
                out += o.lines.map(unpath)
                out += o.errors.flatMap { $0.render(language: .zh) }.map(unpath)
                learn(s.workspace)
                for (n, w) in s.forks { names.insert(n); learn(w) }
                names.insert(s.forkName)
            }
            out.append("")
        }
        return (out.joined(separator: "\n") + "\n", plan, names)
    }

    /// Adds `w`'s plan source lines to `plan` and its names (definitions, the scenario, import maps, agents'
    /// names, IDs, roles and attribute keys and text values) to `names`: what the detector lets through.
    static func learn(_ w: Workspace, plan: inout Set<String>, names: inout Set<String>) {
        for line in w.plan.sourceText.split(separator: "\n") { plan.insert(line.trimmingCharacters(in: .whitespaces)) }
        for d in w.plan.definitions { for l in d.source.split(separator: "\n") { plan.insert(l.trimmingCharacters(in: .whitespaces)) } }
        names.formUnion(w.plan.definitions.map(\.name)); names.insert(w.name); names.formUnion(w.importMaps.keys)
        for a in w.agents {
            names.formUnion([a.name, a.id, a.role].compactMap { $0 })
            names.formUnion(a.extra.keys); names.formUnion(a.extra.values.compactMap { if case .text(let t) = $0 { t } else { nil } })
        }
    }

    /// The Latin words of `text` that are not allowed (see the type's comment), with a line each was seen on.
    static func englishWords(in text: String, plan: Set<String>, names: Set<String>) -> [String: String] {
        var allowed = names
        allowed.formUnion(Parser.reserved.subtracting(["yes", "no", "true", "false"]))
        allowed.formUnion(["payslip", "earnings", "deductions", "info", "total", "use", "lo", "hi", "x", "k", "tenure", "active",
                           "days_employed", "paid_days_employed",
                           // The agent's keys the user types (`agent add 王芳 left=2026-06-30 name=…`), `range`
                           // of an input's declaration (`input month sales default 0 range 0..`) and `labels` of a
                           // field's (`field terms default "cash" labels "cash" "现金"`).
                           "base", "hired", "left", "role", "id", "name", "range", "labels", "columns",
                           "force", "bail", "recover", "lang", "no-color",
                           "abc"])  // the bad amount the script types, quoted back from its source file
        allowed.formUnion(functions.filter { $0 != "error" && $0 != "missing" })
        allowed.formUnion(productNames); allowed.formUnion(helpExamples)
        for e in CommandTable.entries {
            allowed.formUnion(e.words + e.aliases + e.options.map { String($0.drop { $0 == "-" }) })
            allowed.formUnion(latinWords(e.usageZh)); allowed.formUnion(latinWords(e.summaryZh).filter { $0.count > 1 })
        }
        allowed.formUnion(Help.topics.map(\.name).flatMap { [$0] + $0.split(separator: "-").map(String.init) })
        let planLines = plan.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
        let errorValue = try! NSRegularExpression(pattern: #"#[A-Z]+(?:/0!?)?"#)
        let file = try! NSRegularExpression(pattern: #"[^\s'"（）()，,：:；;、]*(?:\$TMP|\$REPO|/)[^\s'"（）()，,：:；;、]*|[^\s'"（）()，,：:；;、]+\.(?:json|csv|svg|html|md|xlsx|txt|plan|pdf)\b"#)
        var found: [String: String] = [:]
        var typed = "", typedWords = Set<String>(), inHelp = false
        for raw in text.split(separator: "\n") {
            if raw.hasPrefix("## ") { inHelp = raw.hasPrefix("## help "); continue }
            // What the user typed, and an error's quote of it with the caret under it.
            if raw.hasPrefix("› ") { typed = String(raw.dropFirst(2)); typedWords = Set(latinWords(typed)); continue }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed == typed || trimmed.allSatisfy({ $0 == "^" || $0 == "~" || $0 == " " }) { continue }
            var line = String(raw)
            for p in planLines where line.contains(p) { line = line.replacingOccurrences(of: p, with: " ") }
            line = file.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: " ")
            line = errorValue.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: " ")
            // Help teaches the syntax: there `flag = yes` is what the user types.
            if inHelp { line = line.replacingOccurrences(of: #"= ?(yes|no)\b"#, with: "=", options: .regularExpression) }
            // A built-in function's name is syntax only where it is called: `round(`, `lookup(`.
            for f in functions { line = line.replacingOccurrences(of: f + "(", with: " (") }
            for w in latinWords(line) where !allowed.contains(w) && !typedWords.contains(w) && !w.contains(where: \.isNumber)
                && !w.allSatisfy({ $0 == "_" }) && !(w.count == 1 && w.first!.isUppercase) {
                if found[w] == nil { found[w] = String(raw) }
            }
        }
        return found
    }

    /// Names of formats, encodings, programs, keys and export files, written as their makers write them.
    static let productNames: Set<String> = ["CSV", "GBK", "GB18030", "UTF-8", "BOM", "SVG", "HTML", "PDF", "JSON", "Markdown",
                                            "Excel", "WPS", "Ctrl-C", "Ctrl-D", "Tab", "A4", "payplan", "ExportOrderList"]
    /// Names the help's examples give to rules, tables and switch values (`table t …`, `quarter qb = 1000`,
    /// `attribution_mode = "first"` or `last`, `split`, `pattern`): syntax the user types from the lesson.
    static let helpExamples: Set<String> = ["t", "demo", "qb", "qbonus", "wages", "north", "first", "last", "split", "pattern",
                                            "separate", "combined", "employer_", "_rate", "fixed", "rotate", "a", "b", "c",
                                            "calendar_days", "paid_days"]

    /// The pay language's built-in functions (`Compiler`), allowed only before `(`.
    static let functions = ["round", "floor", "ceil", "abs", "min", "max", "sum", "avg", "average", "count", "rank", "ties",
                            "iferror", "ifmissing", "error", "missing", "month_of", "year_of", "day_of", "workdays_after",
                            "workdays_between", "days_between", "lookup", "marginal", "retroactive", "prev", "paid", "allocate", "prorate"]

    /// `[A-Za-z_][A-Za-z0-9_-]*` runs, trailing `-` dropped.
    static func latinWords(_ s: String) -> [String] {
        var words: [String] = [], cur = ""
        for ch in s {
            if ch.isASCII && (ch.isLetter || ch == "_" || (!cur.isEmpty && (ch.isNumber || ch == "-"))) { cur.append(ch) } else {
                if !cur.isEmpty { words.append(String(cur.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())) }
                cur = ""
            }
        }
        if !cur.isEmpty { words.append(String(cur.reversed().drop { $0 == "-" }.reversed())) }
        return words.filter { !$0.isEmpty }
    }

    @Test func everyCommandOfTheTableIsInTheScript() {
        let covered = Set(ZhTranscriptTests.script.map(\.usage)), table = CommandTable.entries.map(\.usage)
        for usage in table { #expect(covered.contains(usage), "help commands lists '\(usage)' but the zh transcript script has no section for it") }
        for usage in covered { #expect(table.contains(usage), "the script's section '\(usage)' is no command of CommandTable") }
    }

    @Test func theTranscriptIsTheGolden() throws {
        let (text, _, _) = try ZhTranscriptTests.transcript()
        if ProcessInfo.processInfo.environment["PAYPLAN_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: ZhTranscriptTests.golden, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(ZhTranscriptTests.golden): read its git diff before committing it")
            return
        }
        let golden = try String(contentsOfFile: ZhTranscriptTests.golden, encoding: .utf8)
        if text != golden {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false), b = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                the zh transcript differs from the golden at line \(i + 1):
                  now:    \(i < a.count ? String(a[i]) : "(end)")
                  golden: \(i < b.count ? String(b[i]) : "(end)")
                (PAYPLAN_UPDATE_GOLDEN=1 swift test --filter ZhTranscriptTests rewrites it; review the diff)
                """)
        }
    }

    /// English payplan still writes under zh. It must equal what the detector finds: an entry goes
    /// when its message gets Chinese, and a new English word fails the test.
    static let knownEnglish: Set<String> = []

    @Test func theTranscriptHasNoEnglish() throws {
        let (text, plan, names) = try ZhTranscriptTests.transcript()
        let found = ZhTranscriptTests.englishWords(in: text, plan: plan, names: names)
        let new = Set(found.keys).subtracting(ZhTranscriptTests.knownEnglish)
        let gone = ZhTranscriptTests.knownEnglish.subtracting(found.keys)
        let list = new.sorted().map { "  \($0): \(found[$0]!)" }.joined(separator: "\n")
        #expect(new.isEmpty, "English under --lang zh:\n\(list)")
        #expect(gone.isEmpty, "no longer English, remove from knownEnglish: \(gone.sorted())")
    }

    /// Figures of the transcript worked out by hand from rules.md (plan C, B = base 3,000), so that a
    /// golden regenerated over a wrong figure still fails.
    @Test func handWorkedFiguresAreInTheTranscript() throws {
        let (text, _, _) = try ZhTranscriptTests.transcript()
        let lines = Set(text.split(separator: "\n").map(String.init))
        let expected = [
            // C2/C3: R = 120,000 − 900 = 119,100 in [10万, 20万): 2% × 100,000 + 3% × 19,100 = 2,000 + 573 = 2,573.
            "李雷.commission[2026-03] = 2,573.00",
            // C9: pay = B 3,000 + 2,573 (no deduction from 30,000 up, no bonus under 150,000) = 5,573.
            "李雷.pay[2026-03] = 5,573.00",
            // agent set 李雷 base=3500: the base rises by 500, the commission does not read it: 5,573 → 6,073.
            "李雷.pay[2026-03]: 5,573.00 → 6,073.00",
            // sales 15万: R = 149,100: 2,000 + 3% × 49,100 = 3,473; pay 6,473. Then expenses 1,200:
            // R = 148,800: 2,000 + 1,464 = 3,464; pay 6,464 (C3.1: 1,200 ≤ 1% of R = 1,488, commission stands).
            "李雷.pay[2026-03]: 5,573.00 → 6,473.00", "李雷.pay[2026-03]: 6,473.00 → 6,464.00",
            // sales −5 is outside its range 0.. and refused (M5): the workspace stays as it was.
            "错误：李雷.sales[2026-03] = -5.00 超出方案为 sales 规定的范围（0..）；未做任何更改",
            // 韩梅梅: R = 240,000 − 2,000 = 238,000 ≥ 200,000: 3% × R = 7,140 (2,000 ≤ 1% of R); C3.2 bonus 500
            // (R ≥ 150,000); pay 3,000 + 7,140 + 500 = 10,640. 王芳: R = 40,650: 2% = 813; pay 3,813.
            "韩梅梅  240,000.00        0.00  2,000.00  238,000.00  3,000.00  0.00   7,140.00  500.00      0.00  0.00  10,640.00",
            "王芳     41,000.00        0.00    350.00   40,650.00  3,000.00  0.00     813.00    0.00      0.00  0.00   3,813.00",
            // solve: just under R = 200,000 pay is 3,000 + (2,000 + 3% × 99,999.99 = 5,000.00) + 500 = 8,500; at
            // R = 200,000 it is 3,000 + 6,000 + 500 = 9,500, so 9,000 is jumped over at sales 200,000 + 900.
            "李雷.sales[2026-03] = 200,900.00 是使 李雷.pay[2026-03] ≥ 9,000.00 的最小值",
        ]
        for line in expected { #expect(lines.contains(line), "the transcript lacks the hand-worked line: \(line)") }
        // The error paths, in Chinese: an error value (李雷's March sales 120,000 divided by 0; 120,000 > 1 is 是), one
        // started in another cell, the pay-error warning (4 agents × 12 months = 48 pay cells, the first named, 47
        // more), and loads refused with their place.
        for line in ["  除数为零：120,000.00 / 0", "  '+' 两边都需要金额，而不是 120,000.00 和 是",
                     "  李雷 2026-03 没有录入 visits，也没有默认值（来自 李雷.visits[2026-03]）",
                     "警告：在 'pay' 中：李雷 2026年1月的应发工资无法计算（#DIV/0! 除以零：除数为零：1.00 / 0），源自参数 赔偿扣款上限（另有 47 个工资数字也是错误值）；错误值无法发放：请改正造成它的数值，或 undo",
                     "错误：$TMP/broken.json：不是有效的 JSON：第 3 行第 13 列：键后面应为 ':'；未做任何更改",
                     "错误：$TMP/newer.json：此方案以格式版本 99 写成，比本 payplan 能读的版本（\(ScenarioFile.version)）新；请安装更新的 payplan 再打开；未做任何更改",
                     "错误：$TMP/badhire.json：agents[0].hired：\"2023-13-01\" 不是日期（应写作 2025-06-01 这样）；未做任何更改"] {
            #expect(lines.contains(line), "the transcript lacks the error line: \(line)")
        }
        // cliffs: at R = 40,000 (sales 40,900) the rate becomes 2%, but expenses 900 > 1% of R = 400 (C3.1):
        // commission 1.5% × 39,999.99 = 600.00 → 0, pay 3,600 → 3,000; at R = 90,000, 900 ≤ 1% of R: 2% × 90,000
        // = 1,800, pay 4,800.
        #expect(text.contains("40,899.99 → 40,900.00") && text.contains("3,600.00 → 3,000.00"))
        #expect(text.contains("90,899.99 → 90,900.00") && text.contains("3,000.00 → 4,800.00"))
    }

    /// The detector catches English sentences and lets names, syntax and file names through.
    @Test func theDetectorTellsEnglishFromNames() {
        let plan: Set<String> = ["month commission \"提成\" = tier_commission # the base case"], names: Set<String> = ["commission", "tier_commission", "李雷"]
        let found = { ZhTranscriptTests.englishWords(in: $0, plan: plan, names: names).keys.sorted() }
        #expect(found("李雷.commission[2026-03] = 2,573.00") == [])
        #expect(found("已写入 $TMP/r.csv；见 report.md") == [])
        #expect(found("  规则：month commission \"提成\" = tier_commission # the base case") == [])
        #expect(found("用 sweep revenue from 0 to 30万 step 5万 show pay 查看（help what-if）") == ["revenue"])
        #expect(found("error: no agent named 'x'") == ["error", "named", "no"])
        #expect(found("· round(2,573.004, 2) = 2,573.00") == [])
        #expect(found("the commission is 2,573.00") == ["is", "the"])
        #expect(found("不合格淘汰  yes") == ["yes"])
        #expect(found("› explain everything please") == [])
    }
}
