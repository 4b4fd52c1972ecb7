import Foundation
import PayPlan

extension Session {
    /// `statement AGENT PERIOD [--format text|md|html|csv] [--out FILE]` (or `--html FILE`, `--md FILE`,
    /// `--csv FILE`, `--text FILE`): a pay statement (工资条) in the session's language.
    /// `statement all PERIOD --html DIR` (`--md DIR`, `--text DIR`) writes one file per person plus an
    /// index; `statement all PERIOD --csv FILE` writes one CSV with a row per person. CSV files start
    /// with a UTF-8 byte-order mark so Excel and WPS on Chinese Windows read them as UTF-8.
    func statement(_ rest: String) -> Output {
        let usage = "write statement AGENT PERIOD [--format text|md|html|csv] [--out FILE], e.g. statement 李雷 2026-03 --html 李雷.html, or statement all 2026-03 --html DIR"
        let formats = ["--html": "html", "--md": "md", "--csv": "csv", "--text": "text"]
        let (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init), keywords: Set(["--format", "--out"] + formats.keys))
        if let r = repeated { return .error("'\(r)' is given twice; \(usage)") }
        guard head.count == 2 else { return .error(usage) }
        guard let p = Period(text: head[1]) else {
            return .error("'\(head[1])' is not a period: write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026")
        }
        guard engine.index(of: p) != nil else {
            return .error("\(p) is outside this scenario's years (\(workspace.years.lowerBound)–\(workspace.years.upperBound))")
        }
        let shortcuts = formats.keys.filter { c[$0] != nil }
        if shortcuts.count > 1 || (!shortcuts.isEmpty && (c["--format"] != nil || c["--out"] != nil)) {
            return .error("give one of --html, --md, --csv, --text or --format with --out; \(usage)")
        }
        var format = c["--format"]?.first
        var out = c["--out"]
        if let s = shortcuts.first { format = formats[s]; out = c[s] }
        if let o = out, o.count != 1 { return .error("\(shortcuts.first ?? "--out") takes one file name") }
        let file = out?.first
        if format == nil, let f = file { format = f.hasSuffix(".html") || f.hasSuffix(".htm") ? "html" : f.hasSuffix(".md") ? "md" : f.hasSuffix(".csv") ? "csv" : "text" }
        let fmt = format ?? "text"
        guard c["--format"].map({ $0.count == 1 }) ?? true, ["text", "md", "html", "csv"].contains(fmt) else {
            return .error("--format takes one of text, md, html, csv")
        }
        let r = StatementRenderer(language: language)
        let scenario = forkName == "main" ? workspace.name : "\(workspace.name) / \(forkName)"
        if head[0] == "all" && workspace.agentIndex(named: "all") == nil {
            return statementsForAll(p, format: fmt, target: file, renderer: r, scenario: scenario)
        }
        guard let a = workspace.agentIndex(named: head[0]) else { return .error(unknownAgent(head[0])) }
        if let why = notEmployed(a, p) { return .error(why) }
        let st = PayStatement(engine: engine, plan: workspace.plan, scenario: scenario, agent: a, period: p)
        let body: String
        switch fmt {
        case "md": body = r.markdown(st)
        case "html": body = r.html(st)
        case "csv": body = r.csv(st)
        default: body = r.text(st).joined(separator: "\n") + "\n"
        }
        if let file {
            do { try AtomicFile.write(Data(((fmt == "csv" ? "\u{FEFF}" : "") + body).utf8), to: file) } catch { return .error("\(error); no statement was written") }
            return Output(lines: ["wrote \(file) (\(fmt))"])
        }
        var lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return Output(lines: lines)
    }

    /// Why agent `a` has no statement for `p` (not yet hired, or left before it), or nil.
    func notEmployed(_ a: Int, _ p: Period) -> String? {
        let person = workspace.agents[a]
        if let h = person.hired, h > p.lastDay { return "\(person.name) was not employed in \(p) (hired \(h))" }
        if let l = person.left, l < p.firstDay { return "\(person.name) was not employed in \(p) (left \(l))" }
        return nil
    }

    /// `statement all PERIOD …`: everyone employed in the period. A directory for html/md/text (one file
    /// each, `PERIOD-ID-NAME.ext`, and `index.ext`), one file for csv; with no target, the text of each in turn.
    func statementsForAll(_ p: Period, format: String, target: String?, renderer r: StatementRenderer, scenario: String) -> Output {
        let people = workspace.agents.indices.filter { notEmployed($0, p) == nil }
        let statements = people.map { PayStatement(engine: engine, plan: workspace.plan, scenario: scenario, agent: $0, period: p) }
        let skipped = workspace.agents.count - people.count
        guard let target else {
            var lines: [String] = []
            for s in statements { if !lines.isEmpty { lines.append("") }; lines += r.text(s) }
            return Output(lines: lines)
        }
        if format == "csv" {
            do { try AtomicFile.write(Data(("\u{FEFF}" + r.csv(all: statements)).utf8), to: target) } catch { return .error("\(error); no statement was written") }
            return Output(lines: ["wrote \(target) (csv): \(statements.count) statements" + (skipped > 0 ? ", \(skipped) not employed in \(p)" : "")])
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .error("\(target) is a file; statement all … --\(format) needs a directory (it is created if missing)")
        }
        let ext = format == "text" ? "txt" : format
        var written: [(PayStatement, file: String)] = []
        do {
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            for s in statements {
                let name = "\(s.period)-" + (s.agentID.map { "\($0)-" } ?? "") + s.agent.replacingOccurrences(of: "/", with: "_") + "." + ext
                let body = format == "html" ? r.html(s) : format == "md" ? r.markdown(s) : r.text(s).joined(separator: "\n") + "\n"
                try AtomicFile.write(Data(body.utf8), to: target + "/" + name)
                written.append((s, name))
            }
            let index: String
            switch format {
            case "html": index = r.htmlIndex(written, period: p, scenario: scenario)
            case "md": index = "# \(r.word("title")) — \(r.plain.period(p))\n\n" + written.map { "- [\($0.0.agent)](\($0.file))\n" }.joined()
            default: index = written.map(\.file).joined(separator: "\n") + "\n"
            }
            try AtomicFile.write(Data(index.utf8), to: target + "/index." + ext)
        } catch {
            return .error("\(error); \(written.count) of \(statements.count) statements were written to \(target)")
        }
        return Output(lines: ["wrote \(statements.count) statements and index.\(ext) to \(target) (\(format))" + (skipped > 0 ? "; \(skipped) not employed in \(p)" : "")])
    }
}
