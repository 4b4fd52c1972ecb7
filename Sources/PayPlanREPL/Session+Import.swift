import Foundation
import PayPlan
import PayPlanImport

/// `orders import FILE.csv [--map COL=field,…] [--map-name NAME] [--save-map NAME] [--skip-bad] [--dry-run]`.
extension Session {
    func importOrders(_ rest: String) -> Output {
        let usage = ImportMessage.ordersUsage(formats: PlatformPreset.names.replacingOccurrences(of: ", ", with: "|"))
        guard rest.hasPrefix("import") else { return .error(usage) }
        let args: CommandArguments
        do {
            args = try CommandArguments.parse(String(rest.dropFirst("import".count)),
                                              options: ["--map", "--map-name", "--save-map", "--format", "--refunds-known", "--month", "--note"],
                                              flags: ["--skip-bad", "--dry-run"])
        } catch { return .error(ImportMessage.usageAfter(problem: OutputLine(error), usage: usage)) }
        if args["--format"] == "performance" { return importPerformance(args) }
        if args["--month"] != nil { return .error(ImportMessage.usageAfter(problem: OutputLine(ImportMessage.monthGoesWithPerformance), usage: usage)) }
        let mapText = args["--map"], mapName = args["--map-name"], saveName = args["--save-map"]
        let skipBad = args.has("--skip-bad"), dryRun = args.has("--dry-run")
        var preset: PlatformPreset? = nil, refundsKnown: Day? = nil
        // Ctrl-C stops the import while it reads, merges or works out the new figures: the
        // workspace changes only at the end, so a stopped import changes nothing.
        let throttle = progressThrottle()
        defer { throttle.clear() }
        let readProgress = { [language] (rows: Int) in throttle.update(ProgressMessage.rowsRead(performance: false, rows: rows).text(language)) }
        if let v = args["--format"] {
            guard let p = PlatformPreset.named(v) else {
                return .error(ImportMessage.unknownFormat(v, formats: PlatformPreset.all.map { ($0.name, $0.title) }))
            }
            preset = p
        }
        // --note COLUMN credits by that column under any format; --note none imports without a note on purpose.
        let noteColumn = args["--note"].map(OrderImport.cleanHeader)
        let byNote = preset != nil || (noteColumn != nil && noteColumn != "none")
        if let v = args["--refunds-known"] {
            guard let d = OrderImport.day(v) else { return .error(ImportMessage.refundsKnownDay(v)) }
            refundsKnown = d
        }
        guard args.positional.count <= 1 else { return .error(ImportMessage.oneFileAtATime(args.positional[0], args.positional[1], usage: usage)) }
        let file = args.positional.first
        guard let file else { return .error(usage) }
        if refundsKnown != nil && !byNote { return .error(ImportMessage.usageAfter(problem: OutputLine(ImportMessage.refundsKnownGoesWithTaobao), usage: usage)) }

        // The mapping: a saved one, then --map on top.
        var mapping: [String: String] = [:]
        if let n = mapName {
            guard let saved = workspace.importMaps[n] else {
                return .error(ImportMessage.noSavedMapping(n, saved: workspace.importMaps.keys.sorted()))
            }
            mapping = saved
        }
        var given: [String: String] = [:]
        if let t = mapText {
            do { given = try OrderImport.parseMapping(t) } catch { return .error(Diagnostic(Session.said(error))) }
            mapping.merge(given) { _, new in new }
        }

        var data: Data
        switch readImportFile(file) {
        case .success(let d): data = d
        case .failure(let e): return .error(Diagnostic(Session.said(e)))
        }
        if let json = Session.jsonGivenForCSV(data, file: file, command: "orders import") { return .error(json) }
        var read: OrderFile
        var taobao: TaobaoImport.Result? = nil
        var understood: PlatformImport.Summary? = nil
        var attributionLine: ImportMessage? = nil
        var allSilentLine: ImportMessage? = nil
        var unknownValues: [ImportMessage] = []
        do {
            // Decoded once: the header is looked at first, then the rows are read from the same text.
            let decoded = try OrderImport.decode(data)
            data = Data() // the bytes are not kept beside their text, nor through the new figures (a million orders: 132 MB)
            let header = try OrderImport.header(of: decoded)
            // A --map entry naming a column the file lacks or a field no rule reads is said first, from the
            // header alone: the reader's own checks (no column maps to id, bad rows) would hide the slip.
            if let problem = mapProblem(given, header: header) {
                return .error(ImportRefusalMessage.refused(file: file, problem))
            }
            if byNote {
                guard let settings = attributionSettings() else {
                    return .error(ImportRefusalMessage.refused(file: file, .badAttributionSettings))
                }
                let used = preset ?? PlatformPreset.generic
                // --format naming another platform's export than the file's: its columns would credit the wrong amount.
                if let p = preset, let better = p.betterFit(header: header) {
                    return .error(ImportMessage.formatFitsAnother(file: file, format: p.name, columns: better.columns, fits: better.preset.name))
                }
                var auto = preset?.mapping(header: header) ?? (mapping: [:], dateFallback: nil)
                if let n = noteColumn {
                    for (h, t) in auto.mapping where t == "note" { auto.mapping[h] = "-" }
                    if n != "none" {
                        guard header.contains(n) else {
                            return .error(ImportRefusalMessage.refused(file: file, .noSuchNoteColumn(n, columns: header)))
                        }
                        auto.mapping[n] = "note"
                    }
                }
                mapping = auto.mapping.merging(mapping) { _, given in given }
                // A platform's export always has its order number, amount and date: a file without one of them is
                // not that export (said with what is missing), rather than "no column maps to date".
                // (The amount alone missing is said by `presetRefusal` after reading, naming the columns it looks for.)
                if let p = preset, case let missing = Session.exportColumnsMissing(p, mapping: mapping, dateFallback: auto.dateFallback),
                   missing.contains(where: { $0.target != "amount" }) {
                    return .error(ImportMessage.notThisExport(file: file, format: p.name, missing: missing, columns: header.filter { !$0.isEmpty }))
                }
                read = try OrderImport.read(decoded, mapping: mapping, workspace: workspace, dateFallback: auto.dateFallback,
                                            shouldStop: { [interruptCheck] in interruptCheck() }, progress: readProgress)
                if read.columns.contains(where: { $0.target == "agent" }) {
                    return .error(ImportRefusalMessage.refused(file: file, .agentColumnWithNote(format: used.name)))
                }
                // A Tmall report's paid amount is its total less its refund; a file where it is not (a Taobao
                // export: 总金额 is before discounts) would be credited its totals.
                if !used.grossAmount, let (n, first) = PlatformPreset.notNetOfRefunds(read) {
                    let column = { (t: String, fallback: String) in read.columns.first { $0.target == t }?.header ?? fallback }
                    let fits = PlatformPreset.all.first { $0.grossAmount && $0.signatureColumns(in: read.columns.map(\.header)).count > 0 }?.name ?? "taobao"
                    return .error(ImportMessage.notNetOfRefunds(file: file, format: used.name, rows: n, first: first,
                                                                totalColumn: column("amount", "总金额"), refundColumn: column("refund", "退款金额"),
                                                                paidColumn: column("net_paid", "买家实际支付金额"), fits: fits))
                }
                if used.grossAmount, let n = PlatformImport.nettedRefunds(read) {
                    let amountColumn = read.columns.first { $0.target == "amount" }?.header ?? "amount"
                    let totalColumn = read.columns.first { $0.target == "total" }?.header ?? "总金额"
                    return .error(ImportRefusalMessage.refused(file: file, .refundsNetted(amount: amountColumn, total: totalColumn, rows: n)))
                }
                if let refusal = Session.presetRefusal(used, columns: read.columns, note: noteColumn) {
                    return .error(ImportRefusalMessage.refused(file: file, refusal))
                }
                understood = PlatformImport.normalise(&read, preset: used)
                // A text the plan does not know, said for a platform's export as for a file mapped by hand (fresh-user
                // finding 11, session 13), in the columns the preset does not read itself (its statuses it reads into
                // what they mean, and refuses one it does not know; with no preset, Taobao's words and any other as paid):
                // read before the orders move into their groups.
                let presetTargets = Set(used.columns.map(\.target) + ["status", "after_sale"])
                unknownValues = unknownImportedValues(read.orders, columns: read.columns.filter { !presetTargets.contains($0.target ?? "") })
                // The orders move into the groups (read.orders is left empty): held once, not twice.
                let t = TaobaoImport.credit(taking: &read, workspace: workspace, people: attributionPeople, match: settings.match, mode: settings.mode, refundsKnown: refundsKnown)
                read.problems += t.problems
                read.problems.sort { $0.row < $1.row }
                taobao = t
                // Counted in one loop: a `filter` per count copied every group it kept (a retain of each order's
                // fields; 8% of importing a million rows).
                var silent = 0, split = 0, check = 0
                for g in t.groups {
                    if g.attribution.isSilent { silent += 1 }
                    if g.partCount > 1 { split += 1 }
                    if g.attribution.findings.contains(where: { if case .unknownID = $0 { true } else if case .conflict = $0 { true } else { false } }) { check += 1 }
                }
                attributionLine = ImportMessage.creditedByNote(settings: settings.description, toAgents: t.groups.count - silent, split: split, silent: silent, toCheck: check)
                if silent > 0, silent == t.groups.count { allSilentLine = ImportMessage.allSilent(orders: silent, ids: workspace.agents.compactMap(\.id)) }
            } else {
                read = try OrderImport.read(decoded, mapping: mapping, workspace: workspace,
                                            shouldStop: { [interruptCheck] in interruptCheck() }, progress: readProgress)
            }
            try checkInterrupt()
        } catch { return importRefusal(error, command: "orders import", file: file) }

        var info: [ImportMessage] = [Session.columnsLine(read.columns)]
        let problemLines = Session.problemLines(read.problems)

        if !read.problems.isEmpty && !skipBad {
            return Session.badRows(file, Set(read.problems.map(\.row)).count, of: read.rowsRead, problemLines)
        }
        var new = workspace
        let toMerge = taobao?.groups.count ?? read.orders.count
        throttle.update(ProgressMessage.merging(orders: toMerge).text(language))
        if let a = attributionLine { info.append(a) }
        if let a = allSilentLine { info.append(a) }
        if let u = understood, let t = taobao { info += Session.understoodLines(u, groups: t.groups) }
        info += unknownValues
        let counts: MergeCounts
        if var t = taobao {
            taobao = nil // the groups are held by the merge alone from here, which moves their orders out
            counts = TaobaoImport.merge(taking: &t.groups, into: &new)
        } else {
            info += unknownImportedValues(read.orders, columns: read.columns)
            let orders = read.orders.map(\.order)
            read.orders = []
            counts = OrderImport.merge(orders, into: &new)
        }
        if let s = saveName { new.importMaps[s] = mapping.isEmpty ? Dictionary(uniqueKeysWithValues: read.columns.compactMap { c in c.target.map { (c.header, $0) } }) : mapping }
        func summary(_ ending: ImportMessage.Ending) -> ImportMessage {
            .ordersSummary(file: file, encoding: read.encoding, rows: read.rowsRead, added: counts.added, replaced: counts.replaced,
                           unchanged: counts.unchanged, skipped: Set(read.problems.map(\.row)).count, ending: ending)
        }
        if !read.problems.isEmpty { info += [.skippedHeader] + problemLines }
        if let s = saveName, !dryRun { info.append(.savedMapping(s)) }
        if dryRun { return Output(messages: [summary(.dryRun)] + info) }
        if counts.added + counts.replaced == 0 && new.importMaps == workspace.importMaps {
            return Output(messages: [summary(.nothingChanged)] + info)
        }
        return commitImport(new, command: "orders import", label: "orders import \(file)", said: [summary(.changed)] + info, throttle: throttle)
    }

    /// The bytes of an import file: as given, else beside the scenario file.
    func readImportFile(_ file: String) -> Result<Data, ImportError> {
        var path = file
        if !FileManager.default.fileExists(atPath: path), !path.hasPrefix("/"), let scenario = self.path {
            let beside = URL(fileURLWithPath: scenario).deletingLastPathComponent().appendingPathComponent(file).path
            if FileManager.default.fileExists(atPath: beside) { path = beside }
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if fingerprintsReads { filesRead.append(FileFingerprint(path: path, data: data)) }
            return .success(data)
        } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                // The first few .csv files in it, as the files to name (fresh-user finding: orders import /tmp).
                let csv = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                return .failure(ImportError(.isFolder(file, csvFiles: Array(csv.prefix(5)))))
            }
            return .failure(ImportError(.cannotRead(file, exists: FileManager.default.fileExists(atPath: path))))
        }
    }

    /// `performance import FILE.csv [--month 2026-03] [--skip-bad] [--dry-run]`: a customer-service
    /// performance file (客服, 询单人数, 最终付款人数, 首次响应时间, 平均响应时间, …) into the plan's monthly inputs.
    func importPerformance(_ rest: String) -> Output {
        let usage = Session.performanceUsage
        guard rest.hasPrefix("import") else { return .error(usage) }
        do {
            return importPerformance(try CommandArguments.parse(String(rest.dropFirst("import".count)),
                                                                options: ["--month", "--format", "--map"], flags: ["--skip-bad", "--dry-run"]))
        } catch { return .error(ImportMessage.usageAfter(problem: OutputLine(error), usage: usage)) }
    }

    static let performanceUsage = ImportMessage.performanceUsage

    /// `performance import` with its words read.
    func importPerformance(_ args: CommandArguments) -> Output {
        let usage = Session.performanceUsage
        let skipBad = args.has("--skip-bad"), dryRun = args.has("--dry-run")
        var month: Period? = nil
        if let m = args["--month"] {
            guard let p = PerformanceImport.monthPeriod(m) else { return .error(ImportMessage.usageAfter(problem: OutputLine(ImportMessage.monthNeeded), usage: usage)) }
            guard workspace.years.contains(p.firstDay.year) else { return .error(ImportMessage.monthOutsideYears(p, years: workspace.years)) }
            month = p
        }
        for o in ["--map-name", "--save-map", "--refunds-known"] where args[o] != nil { return .error(ImportMessage.usageAfter(problem: OutputLine(ImportMessage.optionGoesWithOrders(o)), usage: usage)) }
        var mapping: [String: String] = [:]
        if let m = args["--map"] {
            do { mapping = try OrderImport.parseMapping(m) } catch { return .error(Diagnostic(Session.said(error))) }
        }
        guard args.positional.count <= 1 else { return .error(ImportMessage.oneFileAtATime(args.positional[0], args.positional[1], usage: usage)) }
        let file = args.positional.first
        guard let file else { return .error(usage) }
        let data: Data
        switch readImportFile(file) {
        case .success(let d): data = d
        case .failure(let e): return .error(Diagnostic(Session.said(e)))
        }
        if let json = Session.jsonGivenForCSV(data, file: file, command: "performance import") { return .error(json) }
        let throttle = progressThrottle()
        defer { throttle.clear() }
        let read: PerformanceFile
        do {
            read = try PerformanceImport.read(data, workspace: workspace, month: month, mapping: mapping,
                                              shouldStop: { [interruptCheck] in interruptCheck() },
                                              progress: { [language] rows in throttle.update(ProgressMessage.rowsRead(performance: true, rows: rows).text(language)) })
            try checkInterrupt()
        } catch { return importRefusal(error, command: "performance import", file: file) }

        var info: [ImportMessage] = [Session.columnsLine(read.columns)]
        let problemLines = Session.problemLines(read.problems)
        if !read.problems.isEmpty && !skipBad {
            return Session.badRows(file, Set(read.problems.map(\.row)).count, of: read.rowsRead, problemLines)
        }
        var new = workspace
        var changed = 0, unchanged = 0
        for (k, v) in read.values.enumerated() {
            if k % 1024 == 0, interruptCheck() { return stopped("performance import") }
            if new.input(v.input, agent: v.agent, period: v.period) == v.value { unchanged += 1; continue }
            new.setInput(v.input, agent: v.agent, period: v.period, value: v.value)
            changed += 1
        }
        let agents = Set(read.values.map(\.agent)).count, months = Set(read.values.map(\.period)).sorted().map(\.description)
        func summary(_ ending: ImportMessage.Ending) -> ImportMessage {
            .performanceSummary(file: file, encoding: read.encoding, rows: read.rowsRead, agents: agents, months: months, set: changed,
                                unchanged: unchanged, skipped: Set(read.problems.map(\.row)).count, ending: ending)
        }
        if !read.problems.isEmpty { info += [.skippedHeader] + problemLines }
        if dryRun { return Output(messages: [summary(.dryRun)] + info) }
        if changed == 0 { return Output(messages: [summary(.nothingChanged)] + info) }
        return commitImport(new, command: "performance import", label: "performance import \(file)", said: [summary(.changed)] + info, throttle: throttle)
    }

    /// Commits an imported workspace after working out its figures on an engine of its own, so
    /// that Ctrl-C during that (the long part of a big import) drops it: nothing changes.
    func commitImport(_ new: Workspace, command: String, label: String, said: [ImportMessage], throttle: ProgressThrottle) -> Output {
        throttle.update(ProgressMessage.workingOut(command: command, zh: nil).text(language))
        let built = try? Engine(workspace: new)
        if let built { _ = totals(built) }  // the figures the change lines compare
        if interruptCheck() { return stopped(command) }
        return commit(new, label: label, said: said, built: built)
    }

    /// `columns: 订单编号→id, …; ignored: 备注`: how a file's columns were read.
    static func columnsLine(_ columns: [(header: String, target: String?)]) -> ImportMessage {
        .columns(mapped: columns.compactMap { c in c.target.map { (c.header, $0) } }, ignored: columns.filter { $0.target == nil && !$0.header.isEmpty }.map(\.header))
    }

    /// The first 20 bad rows, indented, one line per row with every problem found in it (so that the lines
    /// agree with the bad-row count), and how many more rows.
    static func problemLines(_ problems: [ImportProblem]) -> [ImportMessage] {
        var rows: [Int] = [], byRow: [Int: [ImportProblem]] = [:]
        for p in problems {
            if byRow[p.row] == nil { rows.append(p.row) }
            byRow[p.row, default: []].append(p)
        }
        rows.sort()
        return rows.prefix(20).map { .rowProblems(row: $0, problems: byRow[$0]!) } + (rows.count > 20 ? [.andMore(rows.count - 20)] : [])
    }

    /// The error for a file with bad rows imported without --skip-bad: nothing was imported.
    static func badRows(_ file: String, _ n: Int, of rowsRead: Int, _ lines: [ImportMessage]) -> Output {
        .error(ImportMessage.badRows(file: file, bad: n, of: rowsRead, lines: lines))
    }

    /// What an import that threw says: stopped by Ctrl-C, an unclosed quote with its place, the
    /// import's own refusal, or any other error said from its type (`Session.said`). Nothing was imported.
    func importRefusal(_ error: Error, command: String, file: String) -> Output {
        switch error {
        case is Interrupted: return stopped(command)
        case let c as PerformanceImport.MonthConflict: return .error(ImportMessage.monthAndMonthColumn(file: file, column: c.column, month: c.month))
        case let q as UnclosedQuote:
            return .error(ImportMessage.unclosedQuote(file: file, row: q.row, column: q.column, linesAfter: q.linesAfter))
        default: return .error(ImportMessage.failed(file: file, why: Session.said(error)))
        }
    }

    /// The columns every export of `preset` has that `mapping` (the preset's reading of the header, with `--map`
    /// on top) leaves unmapped: the order number, the amount (or the paid amount net of refunds) and the date
    /// (or the creation time the preset falls back to), each with the export's names for it.
    /// - Complexity: O(mapping + preset columns).
    static func exportColumnsMissing(_ preset: PlatformPreset, mapping: [String: String], dateFallback: String?) -> [(target: String, headers: [String])] {
        let mapped = Set(mapping.values)
        var missing: [(target: String, headers: [String])] = []
        for target in ["id", "amount", "date"] {
            let found = mapped.contains(target) || (target == "amount" && mapped.contains("net_paid")) || (target == "date" && dateFallback != nil)
            guard !found else { continue }
            let names = preset.columns.first { $0.target == target }?.headers ?? []
            missing.append((target, target == "date" ? names + preset.createdColumns : names))
        }
        return missing
    }
}
