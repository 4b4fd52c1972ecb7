import Foundation
import PayPlan

extension Session {
    /// `statement AGENT PERIOD [--format text|md|html|csv] [--out FILE]` (or `--html FILE`, `--md FILE`,
    /// `--csv FILE`, `--text FILE`): a pay statement (工资条) in the session's language.
    /// `statement all PERIOD --html DIR` (`--md DIR`, `--text DIR`) writes one file per person plus an
    /// index; `statement all PERIOD --csv FILE` writes one CSV with a row per person. CSV files start
    /// with a UTF-8 byte-order mark so Excel and WPS on Chinese Windows read them as UTF-8.
    func statement(_ rest: String) -> Output {
        let formats = ["--html": "html", "--md": "md", "--csv": "csv", "--text": "text"]
        var (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init), keywords: Set(["--format", "--out"] + formats.keys))
        if let r = repeated { return .error(StatementMessage.givenTwice(r)) }
        // `statement 小美，2026-03`: a comma (the input method's ，, read as ,) between the agent and the period separates them.
        if head.contains(where: { $0.contains(",") }), case let words = head.joined(separator: " ").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init), words.count == 2 {
            head = words
        }
        guard head.count == 2 else { return .error(StatementMessage.usage(nil)) }
        head[0] = CommandArguments.unquoted(head[0])
        guard let p = Period(text: head[1]) else { return .error(CommandMessage.notAPeriod(head[1])) }
        guard engine.index(of: p) != nil else { return .error(CommandMessage.outsideYears(p, years: workspace.years, widen: nil)) }
        let shortcuts = formats.keys.filter { c[$0] != nil }
        if shortcuts.count > 1 || (!shortcuts.isEmpty && (c["--format"] != nil || c["--out"] != nil)) {
            return .error(StatementMessage.oneFormat)
        }
        var format = c["--format"]?.first
        var out = c["--out"]
        // A shortcut with no file (`--md`) prints in its format, as `--format md` does (help statement).
        if let s = shortcuts.first { format = formats[s]; out = c[s]?.isEmpty == true ? nil : c[s] }
        if let o = out, o.count != 1 { return .error(StatementMessage.takesOneFile(shortcuts.first ?? "--out")) }
        let file = out?.first
        if format == nil, let f = file { format = f.hasSuffix(".html") || f.hasSuffix(".htm") ? "html" : f.hasSuffix(".md") ? "md" : f.hasSuffix(".csv") ? "csv" : "text" }
        let fmt = format ?? "text"
        guard c["--format"].map({ $0.count == 1 }) ?? true, ["text", "md", "html", "csv"].contains(fmt) else {
            return .error(StatementMessage.formatChoices)
        }
        let forAll = head[0] == "all" && workspace.agentIndex(named: "all") == nil
        // A format asked for that is not the one the file's name says (`--format md --out s.html`): refused, as for
        // report, after the check that it is no scenario; a folder (statement all, but its CSV) is not checked.
        if let f = file, !forAll || fmt == "csv", let problem = figureTargetProblem(f) { return .error(problem) }
        if let f = file, !forAll || fmt == "csv", let asked = shortcuts.first ?? c["--format"].map({ "--format " + ($0.first ?? "") }),
           let named = FigureFormat.formatNamed(by: f), named != fmt {
            return .error(ArgumentMessage.formatAndFileDiffer(option: asked, format: fmt, file: f, named: named))
        }
        let r = StatementRenderer(language: language, valueLabels: workspace.plan.valueLabelsByValue)
        let scenario = forkName == "main" ? workspace.name : "\(workspace.name) / \(forkName)"
        if forAll {
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
            if let problem = figureTargetProblem(file) { return .error(problem) }
            do { try AtomicFile.write(Data(((fmt == "csv" ? "\u{FEFF}" : "") + body).utf8), to: file) } catch { return .error(StatementMessage.writeFailed(Session.said(error))) }
            // A line that is an error value is said on screen too, not only in the file.
            return Output(messages: [StatementMessage.wrote(file: file, format: fmt)] + r.problemMessages(st))
        }
        // The renderer wrote the statement in the session's language.
        return Output(body: Session.bodyLines(body).map { OutputLine(fixed: $0) })
    }

    /// A rendered statement (`body`, lines ended by `\n` or CSV's `\r\n`) as its screen lines.
    static func bodyLines(_ body: String) -> [String] {
        var lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Why agent `a` has no statement for `p` (not yet hired, or left before it), or nil.
    func notEmployed(_ a: Int, _ p: Period) -> StatementMessage? {
        let person = workspace.agents[a]
        if let h = person.hired, h > p.lastDay { return .notEmployed(name: person.name, period: p, hired: h, left: nil) }
        if let l = person.left, l < p.firstDay { return .notEmployed(name: person.name, period: p, hired: nil, left: l) }
        return nil
    }

    /// `statement all PERIOD …`: everyone employed in the period. A directory for html/md/text (one file
    /// each, `PERIOD-ID-NAME.ext`, the period's index `index-PERIOD.ext` with its table of totals, and the
    /// folder's `index.ext` over every period in the folder), one file for csv; with no target, each in turn in
    /// `format` on screen (csv: one table with a row per person).
    ///
    /// Ctrl-C stops it at any statement with nothing written: the files are written to a hidden
    /// folder inside the target and moved into place only when all are done.
    func statementsForAll(_ p: Period, format: String, target: String?, renderer r: StatementRenderer, scenario: String) -> Output {
        let people = workspace.agents.indices.filter { notEmployed($0, p) == nil }
        let throttle = progressThrottle()
        defer { throttle.clear() }
        var statements: [PayStatement] = []
        for (k, a) in people.enumerated() {
            if interruptCheck() { return stopped("statement all") }
            throttle.update(ProgressMessage.statementsBuilt(k: k, count: people.count).text(language))
            statements.append(PayStatement(engine: engine, plan: workspace.plan, scenario: scenario, agent: a, period: p))
        }
        let skipped = workspace.agents.count - people.count
        guard let target else {
            var lines: [String] = []
            if format == "csv" {
                lines = Session.bodyLines(r.csv(all: statements))
            } else {
                for s in statements {
                    if !lines.isEmpty { lines.append("") }
                    lines += format == "md" ? Session.bodyLines(r.markdown(s)) : format == "html" ? Session.bodyLines(r.html(s)) : r.text(s)
                }
            }
            return Output(body: lines.map { OutputLine(fixed: $0) })
        }
        if format == "csv" {
            if let problem = figureTargetProblem(target) { return .error(problem) }
            do { try AtomicFile.write(Data(("\u{FEFF}" + r.csv(all: statements)).utf8), to: target) } catch { return .error(StatementMessage.writeFailed(Session.said(error))) }
            return Output(messages: [StatementMessage.wroteCSV(file: target, statements: statements.count, skipped: skipped, period: p)] + problemLines(statements, r))
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .error(StatementMessage.targetIsAFile(target: target, format: format))
        }
        let ext = format == "text" ? "txt" : format
        var written: [(PayStatement, file: String)] = []
        let createdTarget = !fm.fileExists(atPath: target)
        let staging = target + "/.statements-tmp-\(getpid())"
        // A stop or a failure before the move removes the staging folder (and a target folder made for this run).
        func dropStaging() {
            try? fm.removeItem(atPath: staging)
            if createdTarget { try? fm.removeItem(atPath: target) }
        }
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (k, s) in statements.enumerated() {
                if interruptCheck() { dropStaging(); return stopped("statement all") }
                throttle.update(ProgressMessage.statementsWritten(k: k, count: statements.count).text(language))
                let name = "\(s.period)-" + (s.agentID.map { "\($0)-" } ?? "") + s.agent.replacingOccurrences(of: "/", with: "_") + "." + ext
                let body = format == "html" ? r.html(s) : format == "md" ? r.markdown(s) : r.text(s).joined(separator: "\n") + "\n"
                try Data(body.utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
                written.append((s, name))
            }
            let index: String
            switch format {
            case "html": index = r.htmlIndex(written, period: p, scenario: scenario)
            case "md": index = "# \(r.word("title")) — \(r.plain.period(p))\n\n[\(r.language == .zh ? "← 全部期间" : "← every period")](index.md)\n\n" + written.map { "- [\($0.0.agent)](\($0.file))\n" }.joined()
            default: index = written.map(\.file).joined(separator: "\n") + "\n"
            }
            // The period's own index, and the folder's top index over every period whose statements are in it
            // (those of earlier runs into the folder too), so a run for March leaves February's reachable.
            let periodIndex = StatementRenderer.periodIndexName(p, ext: ext)
            try Data(index.utf8).write(to: URL(fileURLWithPath: staging + "/" + periodIndex))
            let present = ((try? fm.contentsOfDirectory(atPath: target)) ?? []) + written.map(\.file) + [periodIndex]
            // A file's person as the index shows them: 李雷（S01）, from the agents as they are now.
            var people: [String: String] = [:]
            for a in workspace.agents {
                let safe = a.name.replacingOccurrences(of: "/", with: "_")
                if let id = a.id { people["\(id)-\(safe)"] = r.language == .zh ? "\(a.name)（\(id)）" : "\(a.name) (\(id))" } else { people[safe] = a.name }
            }
            let top = r.folderIndex(StatementRenderer.folderPeriods(files: present, ext: ext, people: people), format: format, scenario: scenario)
            try Data(top.utf8).write(to: URL(fileURLWithPath: staging + "/index." + ext))
            if interruptCheck() { dropStaging(); return stopped("statement all") }
        } catch {
            dropStaging()
            return .error(StatementMessage.noneWritten(Session.said(error), target: target))
        }
        // Every file is complete: each goes into place through AtomicFile (read-only files refused,
        // links written through), which is a rename when the place is free.
        var moved = 0
        let indexes = [StatementRenderer.periodIndexName(p, ext: ext), "index." + ext]
        for name in written.map(\.file) + indexes {
            let from = staging + "/" + name, to = target + "/" + name
            do {
                if !fm.fileExists(atPath: to), (try? fm.destinationOfSymbolicLink(atPath: to)) == nil {
                    try fm.moveItem(atPath: from, toPath: to)
                } else {
                    try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: from)), to: to)
                }
                moved += 1
            } catch {
                try? fm.removeItem(atPath: staging)
                return .error(StatementMessage.filesMovedPartly(Session.said(error), moved: moved, of: written.count + indexes.count, target: target))
            }
        }
        try? fm.removeItem(atPath: staging)
        return Output(messages: [StatementMessage.wroteAll(statements: statements.count, index: indexes, target: target, format: format, skipped: skipped, period: p)] + problemLines(statements, r))
    }

    /// The statement lines that are error values, said on screen after `statement all` wrote its files:
    /// the first `limit`, then how many more (each file says all of its own).
    func problemLines(_ statements: [PayStatement], _ r: StatementRenderer, limit: Int = 10) -> [StatementMessage] {
        let all = statements.flatMap(r.problemMessages)
        return Array(all.prefix(limit)) + (all.count > limit ? [.moreLineErrors(all.count - limit)] : [])
    }
}
