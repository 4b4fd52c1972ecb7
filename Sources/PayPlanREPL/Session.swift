import Foundation
import PayPlan

/// The command layer: takes one complete command and returns what to print.
///
/// No terminal here: the interactive editor, pipes, scripts and `-e` all go
/// through `execute`, so every feature is scriptable and testable. A command
/// either succeeds or changes nothing (the workspace and files stay as they were).
public final class Session {
    public private(set) var workspace: Workspace { didSet { changeCount &+= 1 } }
    public private(set) var engine: Engine
    /// The scenario file `save` writes to by default.
    public private(set) var path: String? { didSet { changeCount &+= 1 } }
    public private(set) var scenarioDescription: String?
    /// True when the workspace differs from the file last loaded or saved.
    public internal(set) var isDirty = false
    /// Counts changes to the workspace, the forks or the file: a caller that
    /// keeps a journal of edits records a command when this moved.
    public private(set) var changeCount = 0
    /// When true, `load` replaces unsaved changes without asking (`--force`);
    /// otherwise only `load! FILE` does.
    public var forceLoad = false
    /// The file as it was when last loaded or saved here, to notice another program's change.
    var fileStamp: FileStamp?
    /// How many changed pay lines an edit prints before summarising the rest.
    public var changeLimit = 20
    /// Stop a script (`source`, `-f`, piped input) at its first failing command (`--bail`).
    public var bail = false
    /// How many `source` commands are running inside each other (Session+Source.swift).
    /// The scripts `source` is running, outermost first: the name as written and the resolved path.
    var sourcing: [(name: String, identity: String)] = []

    /// An undo or redo step: the workspace as it was, and (for edits the engine
    /// makes in place) how to bring the engine there and back without a rebuild.
    struct Snapshot {
        /// The workspace as it was; `nil` for an `agent add` made in place, whose workspace before is the
        /// one after it without its last agent (`workspace(before:)`), so that a script of 50,000 agent
        /// adds does not keep 50,000 copies of the agent list.
        let workspace: Workspace?
        /// What the step did, for `undid …`/`redid …` (REPL syntax, or a message such as `defined pay`).
        let label: OutputLine
        var forkState: ForkState? = nil
        /// The file before a `load`, so that undoing it goes back to that file too.
        var file: FileState? = nil
        var edits: EngineEdits? = nil
        /// Which state this is, to tell whether undo or redo came back to the saved one.
        var generation = 0
        /// For an `agent rm` of the agent added last made in place (`workspace` is `nil`): the agent and
        /// their inputs, which the workspace before had at the end.
        var appendsBack: (agent: Agent, inputs: [String: [Period: Fixed]])? = nil
        /// For the redo of an `agent rm` undone in place (`workspace` is `nil`, `appendsBack` too): the
        /// workspace before is the one after without its last agent and without that agent's inputs.
        var dropsLastAgentInputs = false
        /// For a new definition the plan took at its end (`workspace` is `nil`): its name. The workspace
        /// before is the one after without it, so that a script defining 2,000 names one a line does not
        /// keep 2,000 copies of a growing plan (fresh-user finding M-E: 700 MB).
        var dropsLastDefinition: String? = nil

        /// The workspace this step goes back to, from `current`, the state it was recorded under.
        /// - Complexity: O(1) when kept whole; O(agents) (a copy) for an agent add or rm made in place;
        ///   O(definitions) for a new definition.
        func workspace(before current: Workspace) -> Workspace {
            if let workspace { return workspace }
            var w = current
            if let name = dropsLastDefinition {
                w.plan.removeLastDefinition(named: name)
                return w
            }
            if let (agent, inputs) = appendsBack {
                w.agents.append(agent)
                if !inputs.isEmpty { w.inputs[agent.name] = inputs }
                return w
            }
            let agent = w.agents.removeLast()
            if dropsLastAgentInputs { w.inputs[agent.name] = nil }
            return w
        }
    }
    /// A change the engine makes in place (`Engine+Edits`), both ways: from the
    /// snapshot's workspace to the one after it, and back. Each returns the
    /// changed cells, or `nil` when the engine must be built again instead.
    struct EngineEdits {
        var forward: (Engine) -> [Engine.Change]?
        var back: (Engine) -> [Engine.Change]?
        /// The agent that `forward` appends (its pay lines read `— → value`) or removes (`value → —`).
        var appears: String? = nil, vanishes: String? = nil
        /// Agents whose record the edit changes (`agent set`): their warnings are worked out again.
        var touches: [String] = []
        var reversed: EngineEdits { EngineEdits(forward: back, back: forward, appears: vanishes, vanishes: appears, touches: touches) }
    }
    /// Engines of the forks other than the current one, with the workspace each was
    /// built from (used only while that is still the fork's workspace).
    var forkEngines: [String: (workspace: Workspace, engine: Engine)] = [:]
    /// The current state's number (each edit makes a new one) and the saved state's.
    var generation = 0, lastGeneration = 0, savedGeneration = 0
    /// The file a workspace belongs to, kept in the undo snapshot of `load`:
    /// undoing a load goes back to the old file too, so `save` never writes
    /// the old workspace over the file that was loaded.
    struct FileState {
        var path: String?
        var description: String?
        var saved: (workspace: Workspace, forks: [String: Workspace], fork: String)?
        var savedGeneration: Int
        var stamp: FileStamp?
    }
    var currentFileState: FileState {
        FileState(path: path, description: scenarioDescription, saved: savedState, savedGeneration: savedGeneration, stamp: fileStamp)
    }
    /// What-if forks other than the current workspace, by name (Session+WhatIf.swift).
    var forks: [String: Workspace] = [:] { didSet { changeCount &+= 1 } }
    /// The current workspace's name among the forks; "main" is the scenario as loaded.
    var forkName = "main"
    var undoStack: [Snapshot] = []
    /// What the journal should record for the last command instead of its text, when only part of it
    /// ran (`source FILE --through N` after Ctrl-C stopped the script); `nil`: its text.
    public internal(set) var journalText: String? = nil
    /// Set by a nested `source` that Ctrl-C stopped: the lines it ran (and its own inner script's), for the
    /// script that sourced it to record as `--through N:M` (Session+Source.swift).
    var stoppedSourceLines: [Int]? = nil
    var redoStack: [Snapshot] = []
    /// Set when Ctrl-C stopped the last engine rebuild in `commit` (so `load` does not wrap the stop's message).
    var rebuildWasStopped = false

    /// A session on `workspace` (an empty one by default).
    /// - Throws: `CompileError`, `CycleError` when the workspace's plan is broken.
    public init(workspace: Workspace = Workspace()) throws {
        self.workspace = workspace
        self.engine = try Engine(workspace: workspace)
    }

    /// The warnings of the current plan and data, when known (`nil` after an input edit;
    /// `currentWarnings()` works them out again).
    var warningsCache: [PlanWarning]? = nil
    /// How many of `warningsCache`'s first warnings are its standing ones (`PlanCheck.standingWarnings`).
    var warningsStandingCount = 0
    /// Employee ID → index of the first agent with it, current while `changeCount` is the one given
    /// (`agentIndex(withID:)`).
    var agentIDIndex: (changeCount: Int, byID: [String: Int])? = nil
    /// The plan's attributes (`fields` false) or order fields held to amounts, kept for the plan they were
    /// worked out from (`amountDeclarations(fields:)`): a script of `agent add` lines checks two amounts a line.
    var amountDeclarationsMemo: [Bool: (plan: Plan, declarations: [String: Plan.AmountDeclaration])] = [:]
    /// The texts the plan compares each name against (`cachedComparedTexts(of:)`), for the plan kept beside them.
    var comparedTextsCache: (plan: Plan, texts: [String: (texts: [String], open: Bool)])? = nil
    /// Pay outside employment per agent, for the warnings after every command (Session+Warnings.swift).
    var outsideEmployment: OutsideEmploymentIndex? = nil
    /// How many times it was worked out for every agent (tests: an edit in place must not need it).
    var outsideEmploymentRebuilds = 0

    /// A session on the scenario file at `path`.
    /// - Throws: `ScenarioError` naming the place of the problem.
    public convenience init(path: String) throws {
        let (w, d, f) = try ScenarioFile.loadWithForks(path: path)
        do { try self.init(workspace: w) } catch {
            switch error {
            case let e as CompileError: throw ScenarioError(.at(path, .planDefinition(e.definition, e.error.kind)))
            case let e as CycleError: throw ScenarioError(.at(path, .planCycle(e.path)))
            case let e as ScenarioError: throw ScenarioError(.at(path, e.kind))
            // Anything else is said from its type by `Session.said` (never as its English description).
            default: throw error
            }
        }
        self.forks = f
        self.path = path
        self.scenarioDescription = d
        self.fileStamp = FileStamp.of(path)
        markSaved()
    }

    /// A new, empty scenario that `save` writes to `path` (a file that does not exist yet), named after it.
    /// - Throws: `ScenarioError` when `path` does not end in `.json` (a mistyped name of an existing
    ///   scenario should not start an empty one) or its folder does not exist.
    public convenience init(newFile path: String) throws {
        guard path.hasSuffix(".json") else {
            throw ScenarioError(.newFileNeedsJSONName(path))
        }
        let given = (path as NSString).deletingLastPathComponent
        let folder = given.isEmpty ? "." : given
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScenarioError(.newFileNoFolder(path, folder: folder))
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try self.init(workspace: Workspace(name: name))
        self.path = path
        markSaved()
    }

    /// The pids of other live payplan windows that have this scenario open (`EditJournal.liveOthers`),
    /// named when the file changed on disk (`saveConflict`); the shell sets it.
    public var otherWindows: () -> [Int] = { [] }

    /// The state last loaded or saved, so that undoing back to it clears the unsaved mark.
    var savedState: (workspace: Workspace, forks: [String: Workspace], fork: String)?

    func markSaved() {
        savedState = (workspace, forks, forkName)
        savedGeneration = generation
        isDirty = false
    }

    /// Records an undo step from the current state (the redo stack is cleared) and starts a new state.
    func pushUndo(_ s: Snapshot) {
        var s = s
        s.generation = generation
        undoStack.append(s)
        redoStack.removeAll()
        lastGeneration += 1
        generation = lastGeneration
    }

    /// True when `text` is not a whole command yet (an open bracket, a line
    /// ending in `:`, `,`, `\`, an operator, `then`/`else`): the caller
    /// should read another line and append it.
    public static func needsContinuation(_ text: String) -> Bool { StatementText.needsContinuation(text) }

    /// The language of messages, help and reports (`set lang zh|en`).
    public var language: DisplayLanguage = .en
    /// The most input values one sweep, solve or cliffs works out (`InputProbe.evaluationLimit`); tests lower it.
    var probeEvaluationLimit = InputProbe.defaultEvaluationLimit
    /// The most input values one review's cliff searches work out together (`PlanReview.evaluationLimit`).
    var reviewEvaluationLimit = PlanReview.evaluationLimit

    /// Polled by long commands (forecast, review) between steps: true stops them
    /// cleanly (the interactive shell answers with Ctrl-C's flag).
    public var interruptCheck: () -> Bool = { false }
    /// Shows a progress line of a long command (the shell overwrites one line on
    /// standard error when it is a terminal); an empty text clears it.
    public var progressLine: (String) -> Void = { _ in }
    /// When true, each file a command reads (`orders import`, `performance import`, `source`) is
    /// fingerprinted into `filesRead`, for the crash-recovery journal (the interactive shell sets it).
    public var fingerprintsReads = false
    /// The files the last `execute` read, as they were (only while `fingerprintsReads` is on).
    public internal(set) var filesRead: [FileFingerprint] = []

    /// Runs one complete command (possibly several lines), answering in `language`.
    public func execute(_ input: String) -> Output {
        filesRead = []
        journalText = nil
        var out = perform(input)
        // Rendering is late: the output keeps messages, and reads them in the session's language.
        out.language = language
        for i in out.errors.indices { out.errors[i].language = language }
        for i in out.warnings.indices { out.warnings[i].language = language }
        for w in out.warnings {
            out.body += w.render().enumerated().map { OutputLine(fixed: $1, tone: $0 == 0 ? .warning : .plain) }
        }
        return out
    }

    func perform(_ input: String) -> Output {
        var text = Session.normalise(input).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.hasPrefix("#") { return Output() }
        if Parser.startsDefinition(text) { return define(text) }
        text = Session.withoutComment(text)
        let word = String(text.prefix { !$0.isWhitespace })
        let rest = String(text.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        if let problem = Session.unknownOptionProblem(text) { return .error(problem) }
        switch word {
        case "help", "?":
            if !rest.isEmpty && !Help.topics.contains(where: { $0.name == rest }) {
                // A command that has no topic of its own (help source): its lines of help commands.
                if let lines = CommandTable.helpLines(command: rest, language: language) { return Output(body: lines.map { OutputLine(fixed: $0) }) }
                return .error(CommandMessage.noHelp(rest, hint: closestName(to: rest, among: Help.topics.map(\.name) + CommandTable.entries.compactMap(\.words.first)), topics: Help.topics.map(\.name)))
            }
            return Output(fixedLines: Help.text(topic: rest.isEmpty ? nil : rest, language: language))
        case "agent": return agentCommand(rest, line: text)
        case "agents":
            guard rest.isEmpty else { return .error(AgentMessage.agentsTakesNothing) }
            return listAgents()
        case "years": return setYears(rest)
        case "set" where rest.hasPrefix("lang"), "lang":
            let code = rest.replacingOccurrences(of: "lang", with: "").trimmingCharacters(in: .whitespaces)
            guard let l = DisplayLanguage(rawValue: code) else { return .error(EditMessage.languageUsage(now: language)) }
            language = l
            return Output(message: EditMessage.languageChosen(l))
        case "order": return orderCommand(rest)
        case "orders" where rest.hasPrefix("import"): return importOrders(rest)
        case "performance" where rest.hasPrefix("import"): return importPerformance(rest)
        case "orders": return listOrders(rest)
        case "attribution": return attributionReport(rest)
        case "calendar": return calendarCommand(rest)
        case "as", "asof": return setAsOf(rest)
        case "report": return report(rest, line: text)
        case "load": return load(rest, force: forceLoad)
        case "load!": return load(rest, force: true)
        case "source": return source(rest)
        case "quit", "exit":
            guard rest.isEmpty else { return .error(CommandMessage.takesNothing(word)) }
            var out = Output(); out.leave = true; return out
        case "save": return save(rest, force: false)
        case "save!": return save(rest, force: true)
        case "undo": return undo()
        case "redo": return redo()
        case "plan", "rules": return Output(fixedLines: workspace.plan.sourceText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        case "show": return show(rest)
        case "drop": return drop(rest)
        case "offer": return offer(rest)
        case "explain": return rest.contains(" vs ") ? explainVersus(rest) : explain(rest)
        case "fork": return fork(rest)
        case "switch": return switchFork(rest)
        case "scenarios", "forks": return listForks(rest)
        case "compare": return compare(rest)
        case "sweep": return sweep(rest)
        case "solve": return solve(rest)
        case "cliffs": return cliffs(rest)
        case "statement": return statement(rest)
        case "review": return review(rest)
        case "forecast": return forecast(rest)
        case "check", "lint": return check(rest)
        default: return cellCommand(text)
        }
    }

    /// Full-width ASCII forms typed with a Chinese input method (`（`, `［`,
    /// `＝`, `，`, `１２`) become ASCII, and its `【】` become `[]`, outside quoted text.
    static func normalise(_ text: String) -> String {
        var out = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if !quoted, let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, s.value >= 0xFF01, s.value <= 0xFF5E {
                out.append(Character(Unicode.Scalar(s.value - 0xFEE0)!))
            } else if !quoted && c == "\u{3000}" {
                out.append(" ")
            } else if !quoted && (c == "【" || c == "】") {
                // A Chinese input method types 【】 for [ ] (fresh-user finding M4: 李雷。sales【2026-03】 = 15 万).
                out.append(c == "【" ? "[" : "]")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A command without its trailing `# comment` (outside quoted text).
    /// A comment starts with `#` at the start or after a space, so an order
    /// number such as `T002#CS01` (a split part) is not cut.
    static func withoutComment(_ text: String) -> String {
        var quoted = false
        var previous: Character = " "
        for (i, c) in text.enumerated() {
            if c == "\"" { quoted.toggle() }
            if c == "#" && !quoted && previous.isWhitespace { return String(text.prefix(i)).trimmingCharacters(in: .whitespaces) }
            previous = c
        }
        return text
    }

    /// `years 2026-2027`: the years the scenario covers.
    func setYears(_ rest: String) -> Output {
        let parts = rest.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 2, parts[0] > parts[1], parts[1] >= 1900, parts[0] < 3000 { return .error(EditMessage.yearsBackwards(from: parts[0], to: parts[1])) }
        guard (1...2).contains(parts.count), let a = parts.first, let b = parts.last, a <= b, a >= 1900, b < 3000, b - a < 50 else {
            return .error(EditMessage.yearsUsage(now: workspace.years))
        }
        if let problem = workspace.agents.lazy.compactMap({ Session.employmentOutsideYears($0, a...b, command: "years \(a == b ? "\(a)" : "\(a)-\(b)")") }).first {
            return .error(problem)
        }
        if workspace.years == a...b { return Output(message: EditMessage.unchanged(.years(a...b))) }
        var new = workspace
        new.years = a...b
        return commit(new, label: "years \(rest)", said: [EditMessage.yearsNow(a...b)])
    }

    // MARK: Changing the workspace

    /// Builds an engine for `new`; on success makes it current, records undo and
    /// returns the pay lines that changed. On failure nothing changes.
    /// With `edits`, the engine changes in place when it can (the figures are
    /// the same as a new engine's); `built` is an engine already built for `new`.
    /// `after`: lines already in the session's language, shown after `message` and `said` (the
    /// values an edit of the plan or years removed).
    func commit(_ new: Workspace, label: String, labelLine: OutputLine? = nil, said: [any Message] = [], focus: String? = nil,
                edits: EngineEdits? = nil, built: Engine? = nil, reportChanges: Bool = true, recredit: Bool = true, after: [any Message] = [],
                summarised: Bool = false, appendedDefinition: String? = nil) -> Output {
        var new = new, edits = edits, built = built, after = after
        // A plan or years edit must not leave data a saved file could not hold (Session+StoredInputs.swift).
        if new.plan != workspace.plan || new.years != workspace.years {
            switch settleStoredData(&new) {
            case .refused(let why): return .error(why)
            case .removed(let m): after += m as [any Message]; edits = nil; built = nil
            case .unchanged: break
            }
        }
        // Attribution settings or agents changed: the orders are credited again by their notes (Session+Recredit.swift).
        if recredit, let again = recredited(new) {
            let moved = zip(new.orders, again.orders).filter { $0.agent != $1.agent }.count + abs(new.orders.count - again.orders.count)
            let note: [any Message] = moved == 0 ? [] : [EditMessage.creditedAgain(orders: again.orders.count, changed: moved)]
            return commit(again, label: label, labelLine: labelLine, said: said + note, focus: focus, reportChanges: reportChanges, recredit: false, after: after)
        }
        let warningsBefore = currentWarnings()
        let leaving = edits?.vanishes.map { totals(engine, agent: $0) } ?? []
        if let edits, let changed = inPlace(touching: edits.touches, edits.forward) {
            pushUndo(Snapshot(workspace: workspace, label: labelLine ?? OutputLine(fixed: label), edits: edits))
            workspace = new
            isDirty = true
            warningsCache = nil
            var out = Output(body: said.map(OutputLine.init) + after.map(OutputLine.init))
            out.body += payChangeLines(changed, appearing: edits.appears, vanished: leaving)
            out.warnings = Session.newWarnings(currentWarnings(), since: warningsBefore).map(Diagnostic.init(warning:))
                + payConcernWarnings(changed: changed)
            return out
        }
        let newEngine: Engine
        // Ctrl-C stops the rebuild between rules: nothing has changed yet (the undo step comes after).
        let (what, whatZh) = label.hasPrefix("load ") ? ("load", String?.none) : ("edit", "修改")
        let throttle = progressThrottle()
        defer { throttle.clear() }
        do { newEngine = try built ?? Engine(workspace: new, shouldStop: rebuildStop(what, whatZh, throttle)) } catch is Interrupted {
            rebuildWasStopped = true
            return stopped(what, zh: whatZh)
        } catch let e as CycleError {
            // Start the cycle at the rule just entered: pay → bonus → pay.
            var path = Array(e.path.dropLast())
            if let f = focus, let i = path.firstIndex(of: f) { path = Array(path[i...] + path[..<i]) }
            return .error(Diagnostic(EditMessage.circular(path + [path[0]])))
        } catch {
            return .error(Session.diagnostic(error))
        }
        let before = reportChanges ? totals(engine) : []
        let concernsBefore = Session.concernKeys(engine)
        // `built` for a new definition (`appendedDefinition`) is still here only when nothing else changed:
        // the workspace before is the one after without it, and the step keeps no copy of the plan.
        let drops = built == nil ? nil : appendedDefinition
        pushUndo(Snapshot(workspace: drops == nil ? workspace : nil, label: labelLine ?? OutputLine(fixed: label), edits: edits, dropsLastDefinition: drops))
        workspace = new
        engine = newEngine
        isDirty = true
        warningsCache = nil
        var out = Output(body: said.map(OutputLine.init) + after.map(OutputLine.init))
        if reportChanges { out.body += summarised ? fileChangeLines(before: before, after: totals(newEngine)) : changeLines(before: before, after: totals(newEngine)) }
        out.warnings = Session.newWarnings(currentWarnings(), since: warningsBefore).map(Diagnostic.init(warning:))
            + payConcernWarnings(before: concernsBefore, after: newEngine)
        return out
    }

    static func diagnostic(_ error: Error) -> Diagnostic {
        switch error {
        case let e as CompileError: Diagnostic(SourceErrorMessage(e.error.kind, in: e.definition), source: e.error.source, range: e.error.range)
        case let e as CycleError: Diagnostic(EditMessage.circular(e.path))
        case let e as SourceError: Diagnostic(e)
        default: Diagnostic(said(error))
        }
    }

    /// The pay figure (the plan's `report total`) of every agent and period, by
    /// cell name, in report order (agents as listed, periods in time order).
    func totals(_ e: Engine) -> [(name: String, value: Value)] {
        guard let t = e.plan.total, let r = e.plan.ruleIndex[t] else { return [] }
        let d = e.plan.rules[r].dimension
        var out: [(name: String, value: Value)] = []
        for a in 0..<(d.perAgent ? e.agents.count : 1) {
            for p in 0..<e.periodCount(d.grain) {
                let c = e.cell(rule: r, agent: a, period: e.period(d.grain, p))!
                out.append((e.name(ofCell: c), e.value(ofCell: c)))
            }
        }
        return out
    }

    /// One agent's pay figures (the plan's `report total`), by cell name, in period order;
    /// none when the agent is unknown or the pay figure is not per agent.
    /// - Complexity: O(periods).
    func totals(_ e: Engine, agent name: String) -> [(name: String, value: Value)] {
        guard let t = e.plan.total, let r = e.plan.ruleIndex[t], let a = e.agentIndex(named: name) else { return [] }
        let d = e.plan.rules[r].dimension
        guard d.perAgent, !d.perOrder else { return [] }
        return (0..<e.periodCount(d.grain)).compactMap { p in
            e.cell(rule: r, agent: a, period: e.period(d.grain, p)).map { (e.name(ofCell: $0), e.value(ofCell: $0)) }
        }
    }

    /// The pay figures among `changed` cells, in report order, as `cell: old → new`
    /// (the same lines `changeLines` gives for an engine built again): an agent that
    /// `appearing` names shows every pay figure as `— → new`, and the figures of an
    /// agent that left (`vanished`, taken before) follow as `old → —`.
    /// - Complexity: O(changed × `changeLimit`) at worst, O(changed) when the changes come in cell
    ///   order (a rule edit's), plus O(periods) for `appearing`.
    /// `figure` names another rule to list instead of the pay figure (`net_pay`, when an edit changed
    /// only take-home pay).
    func payChangeLines(_ changed: [Engine.Change], appearing: String? = nil, vanished: [(name: String, value: Value)] = [], figure: String? = nil) -> [OutputLine] {
        guard let t = figure ?? engine.plan.total, let totalRule = engine.plan.ruleIndex[t] else { return [] }
        let newcomer = appearing.flatMap { engine.agentIndex(named: $0) }
        let perAgent = engine.plan.rules[totalRule].dimension.perAgent
        // What `summarise` shows of the pay lines, then the agent's and the vanished ones: only the lines
        // shown are picked out, named and copied — the first `changeLimit` pay cells in cell order (equal
        // cells in the order given, as a stable sort leaves them), kept as positions in `changed` — and
        // the others are only counted (a rule edit changes thousands of pay cells; copying and sorting
        // them all, and naming each, was most of what listing them cost).
        let limit = max(0, changeLimit)
        var first: [(cell: Int, at: Int)] = []
        first.reserveCapacity(limit)
        var payCount = 0
        // The engine read once (a retain and release per changed cell otherwise), and of each change only its cell.
        let e = engine
        for i in changed.indices {
            let c = changed[i].cell
            guard let a = e.agent(ofCell: c, inRule: totalRule), !(perAgent && a == newcomer) else { continue }
            payCount += 1
            if first.count == limit {
                guard let last = first.last, c < last.cell else { continue }
                first.removeLast()
            }
            first.insert((c, i), at: first.firstIndex { $0.cell > c } ?? first.count)
        }
        let shown = first.map {
            PayChange(cell: engine.name(ofCell: $0.cell), old: changed[$0.at].old, new: engine.value(ofCell: $0.cell))
        }
        var rest: [PayChange] = []
        if let a = appearing { rest += totals(engine, agent: a).map { PayChange(cell: $0.name, old: nil, new: $0.value) } }
        rest += vanished.map { PayChange(cell: $0.name, old: $0.value, new: nil) }
        // An agent who comes or goes with no amount in any period (no hire date: #MISSING every month) in one line.
        let restLines = PayChangeRun.collapsed(rest, grain: engine.plan.rules[totalRule].dimension.grain)
        let room = max(0, changeLimit - shown.count)
        let lines = shown.map(OutputLine.init) + restLines.prefix(room)
        guard payCount + restLines.count > changeLimit else { return lines }
        // The figures not listed: a run's line stands for each of its periods.
        let listed = shown.count + restLines.prefix(room).reduce(0) { $0 + (($1.message as? PayChangeRun)?.count ?? 1) }
        return lines + [OutputLine(ChangeMessage.morePayChanges(payCount + rest.count - listed))]
    }

    func changeLines(before: [(name: String, value: Value)], after: [(name: String, value: Value)]) -> [OutputLine] {
        summarise(payChanges(before: before, after: after))
    }

    /// The pay figures a `load` (or the undo or redo of one) changed: up to `fileChangeExamples` of them
    /// line by line; more are summarised — how many are new, gone and have a new amount, a few examples
    /// (new amounts first) and the report that lists them all — since a load of another scenario
    /// changes every pay figure (web-agency to electronics-sales: 48 new and 48 gone, 96 lines of `— → x`).
    /// - Complexity: O(pay figures before + after).
    func fileChangeLines(before: [(name: String, value: Value)], after: [(name: String, value: Value)]) -> [OutputLine] {
        let changes = payChanges(before: before, after: after)
        guard changes.count > Session.fileChangeExamples else { return changes.map(OutputLine.init) }
        let changed = changes.filter { $0.old != nil && $0.new != nil }, new = changes.filter { $0.old == nil }, gone = changes.filter { $0.new == nil }
        let examples = (changed + new + gone).prefix(Session.fileChangeExamples)
        return [OutputLine(ChangeMessage.payFiguresSummary(total: changes.count, new: new.count, gone: gone.count, changed: changed.count))]
            + examples.map(OutputLine.init)
            + [OutputLine(ChangeMessage.seeAllPayFigures(year: workspace.years.lowerBound))]
    }

    /// How many pay figures a load's change lists one by one before it summarises (`fileChangeLines`).
    static let fileChangeExamples = 3

    /// The pay figures that differ between `before` and `after`: those of `after` that are new or changed,
    /// in its order, then those of `before` that are gone.
    func payChanges(before: [(name: String, value: Value)], after: [(name: String, value: Value)]) -> [PayChange] {
        let old = Dictionary(before, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after, uniquingKeysWith: { a, _ in a })
        var changes: [PayChange] = []
        for (k, v) in after where old[k] != v {
            changes.append(PayChange(cell: k, old: old[k], new: v))
        }
        for (k, v) in before where new[k] == nil {
            changes.append(PayChange(cell: k, old: v, new: nil))
        }
        return changes
    }

    /// The first `changeLimit` changes, then how many more there are.
    func summarise(_ changes: [PayChange]) -> [OutputLine] {
        if changes.count <= changeLimit { return changes.map(OutputLine.init) }
        return changes.prefix(changeLimit).map(OutputLine.init) + [OutputLine(ChangeMessage.morePayChanges(changes.count - changeLimit))]
    }

    func define(_ text: String) -> Output {
        let source = StatementText.dedent(text)
        let def: Definition
        do { def = try Definition(source: source) } catch let e as SourceError {
            return .error(Diagnostic(e))
        } catch { return .error(Session.diagnostic(error)) }
        var new = workspace
        if let month = def.effective {
            // A dated version (`from 2026-07 …`): its name defined, the same kind, a month of the scenario's years.
            if let problem = workspace.plan.versionProblem(def) { return .error(Diagnostic(problem)) }
            if !workspace.years.contains(month.year) {
                return .error(Diagnostic(SourceError(.version(.outsideYears(month, years: workspace.years)),
                                                     at: def.effectiveRange, in: def.source)))
            }
        }
        let old = new.plan.define(def)
        if def.effective == nil, let base = new.plan.definition(named: def.name),
           let v = base.versions.first(where: { Plan.versionMismatch(base: base, version: $0) != nil }) {
            // Redefined as another kind while its versions stay what they were.
            return .error(Diagnostic(SourceError(.version(.oldKindVersions(def.name, starts: base.versions.map { $0.effective! }, drop: v.effective!)),
                                                 at: def.kindRange, in: def.source)))
        }
        // Written again as the plan has it (the same text, comment kept): nothing changes, and no undo step.
        if old != nil, new.plan == workspace.plan { return Output(message: EditMessage.unchanged(.definition(def.name))) }
        let verb = old == nil ? EditMessage.defined(def.name, from: def.effective) : EditMessage.redefined(def.name, from: def.effective)
        // A redefinition that keeps every rule's cells and dependencies is made in place.
        let (before, after) = (workspace.plan, new.plan)
        var message = verb, undoLabel = verb
        if case .use(let part, _) = def.statement {
            message = EditMessage.broughtInPart(part: part, definitions: new.plan.definitions.filter { $0.part == part }.count)
            undoLabel = EditMessage.usedPart(part)
        }
        // A new definition at the end of the plan (a plan written top down, one line each): the engine adds
        // its rule to what it has, without compiling the plan or computing every cell again.
        let built = old == nil && def.effective == nil ? new.plan.definitions.last.flatMap { engine.appending($0, in: new.plan, workspace: new) } : nil
        // (Its undo step keeps neither plan: undo takes the definition off and builds the engine.)
        var out = commit(new, label: undoLabel.text(.en), labelLine: OutputLine(undoLabel), said: [message], focus: def.name,
                         edits: built == nil ? EngineEdits(forward: { $0.redefine(after) }, back: { $0.redefine(before) }) : nil, built: built,
                         appendedDefinition: built == nil ? nil : def.name)
        if !out.failed, let old, let w = Session.kindChange(from: old, to: def, workspace: undoStack.last.map { $0.workspace(before: workspace) } ?? workspace) {
            out.warnings.insert(Diagnostic(warning: w), at: 0)
        }
        if !out.failed, old == nil, def.effective == nil, let note = Session.likelyTypo(def, in: new.plan) { out.add(note) }
        return out
    }

    func drop(_ name: String) -> Output {
        var new = workspace
        // `drop from 2026-07 NAME`: one dated version.
        if name.hasPrefix("from ") {
            let words = name.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count == 3, let p = Period(text: words[1]), p.grain == .month else {
                return .error(EditMessage.dropFromUsage)
            }
            let n = words[2]
            guard let d = new.plan.definition(named: n) else { return .error(EditMessage.nothingToDrop(n, hint: nearestDefinition(n))) }
            guard new.plan.removeVersion(n, from: p.start) != nil else {
                return .error(EditMessage.noVersionFrom(n, from: p.start, starts: d.versions.map { $0.effective! }))
            }
            let (before, after) = (workspace.plan, new.plan)
            let said = EditMessage.droppedVersion(n, from: p.start)
            return commit(new, label: "drop from \(p.start) \(n)", labelLine: OutputLine(said), said: [said], focus: n,
                          edits: EngineEdits(forward: { $0.redefine(after) }, back: { $0.redefine(before) }))
        }
        if let part = new.plan.definition(named: name)?.part {
            return .error(EditMessage.fromPart(name: name, part: part))
        }
        guard let removed = new.plan.remove(name) else { return .error(EditMessage.nothingToDrop(name, hint: nearestDefinition(name))) }
        // A plan's own version of a part's definition gives way to the part's: nothing loses the name then.
        let readers = new.plan.definition(named: name) == nil ? Session.readers(of: name, in: new.plan) : []
        if !readers.isEmpty { return .error(EditMessage.stillRead(name, kind: Session.kindWord(removed.statement), readers: readers)) }
        let said = EditMessage.dropped(name, versions: removed.versions.count)
        return commit(new, label: "drop \(name)", labelLine: OutputLine(said), said: [said])
    }

    /// The plan's definition name nearest `n`, for "did you mean" (`show comission`, `drop comission`).
    func nearestDefinition(_ n: String) -> String? { closestName(to: n, among: workspace.plan.definitions.map(\.name)) }

    func show(_ name: String) -> Output {
        guard let d = workspace.plan.definition(named: name) else {
            return .error(EditMessage.notInPlan(name, hint: nearestDefinition(name)))
        }
        let origin = d.part.map { [OutputLine(EditMessage.partOrigin($0))] } ?? []
        var lines = d.comment.map { OutputLine(fixed: "# " + $0) } + origin + d.source.split(separator: "\n", omittingEmptySubsequences: false).map { OutputLine(fixed: String($0)) }
        if !d.versions.isEmpty {
            // Every version, each with the months it holds for.
            let starts = d.versions.map { $0.effective! }
            lines.insert(OutputLine(EditMessage.versionsUntil(count: d.versions.count + 1, until: Month(index: starts[0].index - 1))), at: d.comment.count + origin.count)
            for (i, v) in d.versions.enumerated() {
                lines.append(OutputLine(EditMessage.versionSpan(from: starts[i], until: i + 1 < starts.count ? Month(index: starts[i + 1].index - 1) : nil)))
                lines += v.source.split(separator: "\n", omittingEmptySubsequences: false).map { OutputLine(fixed: String($0)) }
            }
        }
        return Output(body: lines)
    }

    func undo() -> Output {
        guard let s = undoStack.popLast() else { return .error(EditMessage.nothingToUndo) }
        return restore(s, to: &redoStack, undoing: true)
    }

    func redo() -> Output {
        guard let s = redoStack.popLast() else { return .error(EditMessage.nothingToRedo) }
        return restore(s, to: &undoStack, undoing: false)
    }

    func restore(_ s: Snapshot, to other: inout [Snapshot], undoing: Bool) -> Output {
        // An agent added or removed in place comes back or goes in place, without a copy of the agent list.
        if let edits = s.edits, let out = restoreAgentInPlace(s, edits, to: &other, undoing: undoing) { return out }
        let target = s.workspace(before: workspace)
        let said = undoing ? EditMessage.undid(s.label) : EditMessage.redid(s.label)
        // An edit the engine made in place is taken back in place.
        let leaving = s.forkState == nil ? s.edits?.appears.map { totals(engine, agent: $0) } ?? [] : []
        if s.forkState == nil, let edits = s.edits, let changed = inPlace(touching: edits.touches, edits.back) {
            other.append(Snapshot(workspace: workspace, label: s.label, edits: edits.reversed, generation: generation))
            workspace = target
            generation = s.generation
            isDirty = generation != savedGeneration
            warningsCache = nil
            var out = Output(message: said); out.body += payChangeLines(changed, appearing: edits.vanishes, vanished: leaving); return out
        }
        let outgoing = (name: forkName, workspace: workspace, engine: engine)
        let cached = s.forkState == nil ? nil : forkEngines.values.first { $0.workspace == target }?.engine
        guard let e = cached ?? (try? Engine(workspace: target)) else { return .error(EditMessage.cannotRestore(undo: undoing, s.label)) }
        let before = totals(engine)
        other.append(Snapshot(workspace: workspace, label: s.label, forkState: s.forkState == nil ? nil : currentForkState,
                              file: s.file == nil ? nil : currentFileState, edits: s.edits?.reversed, generation: generation))
        workspace = target
        if let f = s.file {
            (path, scenarioDescription, savedState, savedGeneration, fileStamp) = (f.path, f.description, f.saved, f.savedGeneration, f.stamp)
        }
        if let f = s.forkState {
            forks = f.forks; forkName = f.current
            // Keep the engine of the fork left behind, for compare and switch.
            forkEngines = forkEngines.filter { $0.value.engine !== e && forks[$0.key] != nil }
            if forks[outgoing.name] != nil { forkEngines[outgoing.name] = (outgoing.workspace, outgoing.engine) }
        }
        engine = e
        generation = s.generation
        isDirty = generation != savedGeneration
        warningsCache = nil
        // Undoing or redoing a load swaps whole scenarios: its pay figures are summarised, as the load's were.
        var out = Output(message: said)
        out.body += s.file != nil ? fileChangeLines(before: before, after: totals(e)) : changeLines(before: before, after: totals(e))
        return out
    }

    // MARK: Agents

    func agentCommand(_ rest: String, line: String) -> Output {
        // A value may be typed as its label in the plan (terms=月结30天 is terms=net30); quoted words are
        // taken whole, without their quotes (agent add "" is an empty name, said as one).
        let parts = withRawValues(CommandArguments.words(rest).map(\.text))
        guard let sub = parts.first else { return .error(AgentMessage.usage) }
        guard parts.count >= 2 else { return .error(AgentMessage.needsName(sub: sub)) }
        let name = parts[1]
        if sub == "add" {
            // No copy of the workspace is held here: `addAgentInPlace` appends to its agent list in place.
            if let problem = Session.agentNameProblem(name) { return .error(problem) }
            // The engine's agents are the workspace's: its name index answers in O(1).
            guard engine.agentIndex(named: name) == nil else { return .error(AgentMessage.alreadyExists(name)) }
            var a = Agent(name: name)
            if let e = applyAttributes(parts.dropFirst(2), to: &a) { return e }
            let agent = a
            // Read before the agent is added: once added, the key is one an agent carries.
            let notes = unreadAttributeNotes(parts.dropFirst(2))
            // Appended to the engine in place (without copying the agent list); undo takes it off again.
            var out: Output
            if let done = addAgentInPlace(agent) { out = done } else {
                var new = workspace
                new.agents.append(a)
                let inputs = new.inputs[name] ?? [:]
                out = commit(new, label: "agent add \(name)", said: [AgentMessage.added(name)],
                             edits: EngineEdits(forward: { $0.appendAgent(agent, inputs: inputs) },
                                                back: { $0.removeLastAgent(named: name) }, appears: name))
            }
            if !out.failed, let note = firstError(agent: workspace.agents.count - 1) { out.add(AgentMessage.cannotComputeYet(name: name, reason: OutputLine(EvalErrorMessage.coded(note, origin: nil)))) }
            if !out.failed { for note in notes { out.add(note) } }
            return out
        }
        // The agent added last is taken off in place, without copying the agent list (undo appends them again).
        if sub == "rm" || sub == "remove", parts.count == 2, let out = removeLastAgentInPlace(name) { return out }
        var new = workspace
        switch sub {
        case "set":
            guard let i = engine.agentIndex(named: name) else { return .error(unknownAgent(name)) }
            guard parts.count > 2 else { return .error(AgentMessage.setNeedsPairs(name)) }
            if let e = applyAttributes(parts.dropFirst(2), to: &new.agents[i]) { return e }
            let (before, after) = (workspace.agents[i], new.agents[i])
            if before == after { return Output(message: EditMessage.unchanged(.agent(name))) }
            if new.agents[i].name != name {
                let renamed = new.agents[i].name
                if let problem = Session.agentNameProblem(renamed) { return .error(problem) }
                guard new.agentIndex(named: renamed) == i else {
                    return .error(AgentMessage.cannotRename(from: name, to: renamed))
                }
                new.inputs[renamed] = new.inputs.removeValue(forKey: name)
                // The agent's orders go with the new name, so the saved file still reopens.
                let carried = new.orders.filter { $0.agent == name }.map { o -> Order in var o = o; o.agent = renamed; return o }
                if !carried.isEmpty { _ = new.merge(carried) }
            }
            // Attributes changed in place; a renamed agent's figures are listed under both names, so a rename builds anew.
            let edits = before.name == after.name
                ? EngineEdits(forward: { $0.replaceAgent(at: i, with: after) }, back: { $0.replaceAgent(at: i, with: before) }, touches: [name]) : nil
            // Read before the commit: once set, the key is one the agent carries.
            let notes = unreadAttributeNotes(parts.dropFirst(2))
            var out = commit(new, label: "agent set \(name)", said: [AgentMessage.updated(name)], edits: edits)
            if !out.failed { for note in notes { out.add(note) } }
            return out
        case "rm", "remove":
            // Several names: all are removed, or none when one is unknown (or named twice).
            let names = Array(parts.dropFirst())
            let unknown = names.filter { new.agentIndex(named: $0) == nil }
            if !unknown.isEmpty {
                let known = workspace.agents.map(\.name)
                return .error(AgentMessage.noneNamed(unknown: unknown, known: known))
            }
            if Set(names).count != names.count { return .error(AgentMessage.namedTwice) }
            // An agent's orders are not removed with them (they are the shop's records): the owner
            // reassigns or removes them first, so no saved file names an agent who is gone.
            var orderCounts: [String: Int] = [:]
            let removing = Set(names)
            for o in new.orders { if let a = o.agent, removing.contains(a) { orderCounts[a, default: 0] += 1 } }
            if let n = names.first(where: { orderCounts[$0] != nil }), let count = orderCounts[n] {
                let example = new.orders.first { $0.agent == n }!.id
                return .error(AgentMessage.hasOrders(name: n, count: count, example: example))
            }
            // The agent added last is taken off the engine in place (undo appends them again).
            var edits: EngineEdits? = nil
            if names.count == 1, engine.appendedAgentCount > 0, let last = workspace.agents.last, last.name == name {
                let inputs = workspace.inputs[name] ?? [:]
                edits = EngineEdits(forward: { $0.removeLastAgent(named: name) }, back: { $0.appendAgent(last, inputs: inputs) }, vanishes: name)
            }
            for n in names {
                new.agents.remove(at: new.agentIndex(named: n)!)
                new.inputs[n] = nil
            }
            let message = names.count == 1 ? AgentMessage.removed(name) : AgentMessage.removedMany(names)
            return commit(new, label: "agent rm \(names.joined(separator: " "))", said: [message], edits: edits)
        default:
            return .error(AgentMessage.unknownSubcommand(sub))
        }
    }

    /// `agent add` made in place: the agent is appended to the workspace's agent list without
    /// copying it (the current workspace is moved out while it grows) and to the engine
    /// (`Engine.appendAgent`); the undo step keeps no copy of the workspace before
    /// (`Snapshot.workspace(before:)`). `nil` (nothing changed) when attribution by notes
    /// may credit orders again, or the engine must be built anew: then `commit` does it.
    /// - Complexity: O(the agent's cells and the aggregations over agents), plus the warnings.
    func addAgentInPlace(_ agent: Agent) -> Output? {
        guard workspace.plan.definition(named: "attribution_mode") == nil else { return nil }
        let warningsBefore = currentWarnings()
        let counted = changeCount
        // The ID index, when current, is extended by the newcomer below (not built again on the next line).
        var ids = agentIDIndex?.changeCount == changeCount ? agentIDIndex?.byID : nil
        agentIDIndex = nil
        var w = Workspace()
        swap(&w, &workspace)
        w.agents.append(agent)
        let inputs = w.inputs[agent.name] ?? [:]
        guard let changed = inPlace({ $0.appendAgent(agent, inputs: inputs) }) else {
            w.agents.removeLast()
            swap(&w, &workspace)
            changeCount = counted
            return nil
        }
        swap(&w, &workspace)
        let edits = EngineEdits(forward: { $0.appendAgent(agent, inputs: inputs) }, back: { $0.removeLastAgent(named: agent.name) }, appears: agent.name)
        pushUndo(Snapshot(workspace: nil, label: OutputLine(fixed: "agent add \(agent.name)"), edits: edits))
        isDirty = true
        warningsCache = nil
        // With no values entered for the newcomer, only pay outside employment can bring a new warning.
        let warningsAfter = inputs.isEmpty ? warningsAfterAppending(since: warningsBefore) : currentWarnings()
        var out = Output(message: AgentMessage.added(agent.name))
        out.body += payChangeLines(changed, appearing: agent.name)
        out.warnings = Session.newWarnings(warningsAfter, since: warningsBefore).map(Diagnostic.init(warning:))
            + newcomerConcernWarnings(agent: agent.name, changed: changed)
        if ids != nil {
            if let d = agent.id, !d.isEmpty, ids![d] == nil { ids![d] = workspace.agents.count - 1 }
            agentIDIndex = (changeCount, ids!)
        }
        return out
    }

    /// `agent rm` of the agent appended last, made in place: taken off the workspace's agent list
    /// without copying it and off the engine (`Engine.removeLastAgent`); the undo step keeps the agent
    /// and their inputs, not a copy of the workspace. `nil` (nothing changed) when the agent is not the
    /// last one appended in place, has orders, or attribution by notes may credit orders again: the
    /// general path then says why or builds anew.
    /// - Complexity: O(orders) to check the agent has none, O(the agent's cells) and the aggregations over agents.
    func removeLastAgentInPlace(_ name: String) -> Output? {
        guard engine.appendedAgentCount > 0, let last = workspace.agents.last, last.name == name,
              workspace.plan.definition(named: "attribution_mode") == nil,
              !workspace.orders.contains(where: { $0.agent == name }) else { return nil }
        let warningsBefore = currentWarnings()
        let leaving = totals(engine, agent: name)
        let inputs = workspace.inputs[name] ?? [:]
        guard let changed = inPlace({ $0.removeLastAgent(named: name) }) else { return nil }
        var w = Workspace()
        swap(&w, &workspace)
        w.agents.removeLast()
        w.inputs[name] = nil
        swap(&w, &workspace)
        let edits = EngineEdits(forward: { $0.removeLastAgent(named: name) }, back: { $0.appendAgent(last, inputs: inputs) }, vanishes: name)
        pushUndo(Snapshot(workspace: nil, label: OutputLine(fixed: "agent rm \(name)"), edits: edits, appendsBack: (last, inputs)))
        isDirty = true
        warningsCache = nil
        var out = Output(message: AgentMessage.removed(name))
        out.body += payChangeLines(changed, vanished: leaving)
        out.warnings = Session.newWarnings(currentWarnings(), since: warningsBefore).map(Diagnostic.init(warning:))
            + payConcernWarnings(changed: changed)
        return out
    }

    /// Undo and redo of an `agent add` or `agent rm` made in place (`addAgentInPlace`,
    /// `removeLastAgentInPlace`): the engine takes the agent off or appends them again, and the
    /// workspace's agent list loses or gains its last agent in place, without a copy of the list
    /// (at 50,000 agents the copy was most of an undo's 1.1 ms). The step put on the other stack
    /// keeps the agent (and the inputs that go with them), not the workspace, as the step undone did.
    ///
    /// Takes back in place the agent step `s` (one whose `workspace` is `nil` and whose
    /// engine edits are `edits`), putting its reverse on `other`.
    ///
    /// - Returns: what the undo or redo says, or `nil` when the engine cannot make the edit in
    ///   place (nothing changed: `restore` then builds the workspace before and a new engine).
    /// - Complexity: O(the agent's cells and the aggregations over agents), O(1) in the agents.
    func restoreAgentInPlace(_ s: Snapshot, _ edits: EngineEdits, to other: inout [Snapshot], undoing: Bool) -> Output? {
        guard s.workspace == nil, s.dropsLastDefinition == nil, s.forkState == nil, s.file == nil else { return nil }
        let leaving = edits.appears.map { totals(engine, agent: $0) } ?? []
        guard let changed = inPlace(touching: edits.touches, edits.back) else { return nil }
        var reverse = Snapshot(workspace: nil, label: s.label, edits: edits.reversed, generation: generation)
        var w = Workspace()
        swap(&w, &workspace)
        if let (agent, inputs) = s.appendsBack {
            // The agent comes back last, with their inputs; going forward again takes both off.
            w.agents.append(agent)
            if !inputs.isEmpty { w.inputs[agent.name] = inputs }
            reverse.dropsLastAgentInputs = !inputs.isEmpty
        } else {
            // The agent goes (with their inputs when the step brought them back); going forward again appends them.
            let agent = w.agents.removeLast()
            let inputs = s.dropsLastAgentInputs ? w.inputs.removeValue(forKey: agent.name) ?? [:] : [:]
            reverse.appendsBack = (agent, inputs)
        }
        swap(&w, &workspace)
        other.append(reverse)
        generation = s.generation
        isDirty = generation != savedGeneration
        warningsCache = nil
        let said = undoing ? EditMessage.undid(s.label) : EditMessage.redid(s.label)
        var out = Output(message: said)
        out.body += payChangeLines(changed, appearing: edits.vanishes, vanished: leaving)
        return out
    }

    /// The first error value among an agent's pay figures, as a message.
    /// The index of the first agent whose employee ID is `id`, or `nil` (for `agent add` and `agent set`:
    /// a name that is another agent's ID would take that agent's imported rows). Kept in `agentIDIndex`,
    /// which agents added in place extend (`addAgentInPlace`), so that a script of 50,000 `agent add`
    /// lines does not look through every agent on each line.
    /// - Complexity: O(1) while the index is current, else O(agents) to build it.
    func agentIndex(withID id: String) -> Int? {
        if let x = agentIDIndex, x.changeCount == changeCount { return x.byID[id] }
        var byID: [String: Int] = [:]
        for (i, a) in workspace.agents.enumerated() { if let d = a.id, !d.isEmpty, byID[d] == nil { byID[d] = i } }
        agentIDIndex = (changeCount, byID)
        return byID[id]
    }

    func firstError(agent a: Int) -> EvalError? {
        guard let t = engine.plan.total, let r = engine.plan.ruleIndex[t] else { return nil }
        let g = engine.plan.rules[r].dimension.grain
        for p in 0..<engine.periodCount(g) {
            if let c = engine.cell(rule: r, agent: a, period: engine.period(g, p)), case .error(let e) = engine.value(ofCell: c) {
                return e
            }
        }
        return nil
    }

    static func isValidAgentName(_ s: String) -> Bool { agentNameProblem(s) == nil }

    /// Words of the commands that cannot name an agent or a fork besides the pay language's own:
    /// `agents` and `orders` (lists), `all` (`statement all`), and `total` (the total row of
    /// `report` and `compare`, which an agent of that name could not be told apart from).
    static let reservedAgentWords: Set<String> = ["agents", "orders", "all", "total"]

    /// Why `s` cannot name an agent, or `nil` when it can: a name must be usable in a
    /// reference such as `李雷.sales[2026-03]`, so it starts with a letter or `_`, goes on with
    /// letters, digits, `_` or `-`, and is not a word of the pay language (`month.sales[…]`
    /// would read as a definition).
    static func agentNameProblem(_ s: String) -> AgentMessage? {
        guard let f = s.first else { return .nameEmpty }
        guard s.count <= Parser.maximumNameLength else {
            return .nameTooLong(prefix: String(s.prefix(20)), length: s.count, maximum: Parser.maximumNameLength)
        }
        guard f.isLetter || f == "_" else { return .nameBadStart(s) }
        if let bad = s.first(where: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) { return .nameBadCharacter(s, bad) }
        if Parser.reserved.contains(s) { return .nameReserved(s) }
        if Session.reservedAgentWords.contains(s) { return .nameIsCommandWord(s) }
        return nil
    }

    func applyAttributes(_ pairs: ArraySlice<String>, to agent: inout Agent) -> Output? {
        // A value typed as its label in the plan (role=售后客服) is the value (offer's attributes come here too).
        let pairs = ArraySlice(withRawValues(Array(pairs)))
        let original = agent.name
        // An attribute no rule reads, one slip from one that is read (bsae=3500): refused before anything is set.
        if let typo = attributeTypoProblem(pairs) { return .error(typo) }
        // A text the plan never compares the attribute with (role=sale where it knows sales, after-sales): refused too.
        if let unknown = attributeValueProblem(pairs) { return .error(unknown) }
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                return .error(AgentMessage.attributeSyntax(pair))
            }
            let key = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            // An attribute the plan holds to amounts takes one (as inputs do); base is held the same way.
            if let problem = key == "base" ? baseAmountProblem(value) : declaredAmountProblem(value, name: key, field: false) {
                return .error(problem)
            }
            do { try agent.set(key, text: value) } catch let e as SourceError { return .error(Diagnostic(e)) } catch {
                return .error(Diagnostic(Session.said(error)))
            }
            // A range the plan declares for the attribute: `attribute base default 3000 range 0..`.
            if case .attribute(_, _, _, let range?)? = workspace.plan.definition(named: key)?.statement,
               case .number(let n)? = agent.attribute(key), !range.contains(n) {
                return .error(AgentMessage.outsideRange(key: key, value: value, range: "\(range)"))
            }
        }
        if let h = agent.hired, let l = agent.left, l < h {
            return .error(AgentMessage.leftBeforeHired(left: l, hired: h))
        }
        if let problem = Session.employmentOutsideYears(agent, workspace.years) {
            return .error(problem)
        }
        // Employee IDs are unique, so a saved scenario always reopens.
        if let id = agent.id, !id.isEmpty, let j = agentIndex(withID: id), workspace.agents[j].name != original {
            return .error(AgentMessage.duplicateID(id: id, other: workspace.agents[j].name))
        }
        // A name that is another agent's ID, or an ID that is another agent's name, would credit
        // notes and imported rows to the wrong one (fresh-user finding: agent add S01).
        if let j = agentIndex(withID: agent.name), workspace.agents[j].name != original {
            return .error(AgentMessage.nameIsAnotherAgentsID(name: agent.name, other: workspace.agents[j].name))
        }
        if let id = agent.id, !id.isEmpty, let other = workspace.agents.first(where: { $0.name != original && $0.name == id }) {
            return .error(AgentMessage.idIsAnotherAgentsName(id: id, other: other.name))
        }
        return nil
    }

    /// Why `agent`'s employment lies wholly outside `years` (hired after their end, or left before
    /// their start: never paid in the scenario, most likely a mistyped year), or nil.
    /// `command`: the `years …` command that would leave the agent outside (said before the reason).
    static func employmentOutsideYears(_ agent: Agent, _ years: ClosedRange<Int>, command: String? = nil) -> AgentMessage? {
        if let h = agent.hired, h.year > years.upperBound {
            return .neverEmployed(name: agent.name, hired: h, left: nil, years: years, command: command)
        }
        if let l = agent.left, l.year < years.lowerBound {
            return .neverEmployed(name: agent.name, hired: nil, left: l, years: years, command: command)
        }
        return nil
    }

    func unknownAgent(_ name: String) -> AgentMessage { .unknown(name, known: workspace.agents.map(\.name)) }

    func listAgents() -> Output {
        let extras = Array(Set(workspace.agents.flatMap { $0.extra.keys })).sorted()
        let header = AgentMessage.tableHeader.text(language).components(separatedBy: "\t")
        // An attribute the plan declares with a label is headed by it under zh (home_account → 常驻旺旺); others by their name.
        let extraHeads = extras.map { n in language == .zh ? workspace.plan.definition(named: n)?.statement.label ?? n : n }
        var t = TextTable(header: header + extraHeads,
                          rightAligned: [false, false, false, false, false, true] + extras.map { _ in false })
        // An attribute not given for an agent shows the plan's default, marked as one: 3,000.00（默认）.
        let defaults = Dictionary(uniqueKeysWithValues: (["role", "base"] + extras).compactMap { n in attributeDefault(n, money: n == "base").map { (n, $0) } })
        var defaulted = false
        // A text value by the plan's label under zh (sales → 销售客服), as written otherwise: each column's
        // labels worked out once, not per agent.
        var labels = language == .zh ? Dictionary((["role"] + extras).map { ($0, ownValueLabels(of: $0)) }, uniquingKeysWith: { a, _ in a }) : [:]
        // The standard role a plan does not label (web-agency's sales) in Chinese too: 销售, not sales.
        if language == .zh { labels["role", default: [:]].merge(Session.roleWordsZh) { own, _ in own } }
        func labelled(_ value: String, _ name: String) -> String { labels[name]?[value] ?? value }
        func shown(_ given: String?, _ name: String) -> String {
            if let given { return labelled(given, name) }
            guard let d = defaults[name] else { return "" }
            defaulted = true
            return AgentMessage.defaultValue(labelled(d, name)).text(language)
        }
        for a in workspace.agents {
            t.add([a.name, a.id ?? "", shown(a.role, "role"), a.hired?.description ?? "", a.left?.description ?? "",
                   shown(a.base?.moneyText, "base")] + extras.map { shown(a.extra[$0]?.text, $0) })
        }
        var out = Output(body: t.render().map { OutputLine(fixed: $0) })
        out.add(AgentMessage.count(workspace.agents.count))
        if defaulted { out.add(AgentMessage.defaultsNote) }
        return out
    }

    /// The Chinese words of the standard roles (`role`'s values the language knows: sales, pre-sales,
    /// after-sales), for a plan that labels none of them; a plan's own label wins.
    static let roleWordsZh = ["sales": "销售", "pre-sales": "售前", "after-sales": "售后"]

    /// The plan's default for attribute `name` as the agents table shows it (`3,000.00` for money,
    /// `0`, `sales`), when the default is written as a plain value; nil when there is none or it is a formula.
    func attributeDefault(_ name: String, money: Bool) -> String? {
        guard let d = workspace.plan.definition(named: name), case .attribute(_, _, let e?, _) = d.statement else { return nil }
        switch e.kind {
        case .number(let n): return money ? n.moneyText : n.format(minimumFractionDigits: 0, grouping: false)
        case .text(let w): return w
        default: return nil
        }
    }

    // MARK: Cells

    /// `李雷.sales[2026-03] = 12万`, `李雷.pay[2026-03]`, `pool[2026-03]`, `base_salary`.
    func cellCommand(_ line: String) -> Output {
        let chars = Array(line)
        var lhsEnd = chars.count
        var rhsStart: Int? = nil
        var depth = 0
        for (i, c) in chars.enumerated() {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == "=" && depth == 0 { lhsEnd = i; rhsStart = i + 1; break }
        }
        // `李雷。sales[2026-03]`: a Chinese input method's 。 typed for the dot (same length, so ranges hold).
        let lhs = String(chars[0..<lhsEnd]).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "。", with: ".")
        // agent . rule [ period ]
        var agentName: String? = nil
        // Two command words the wrong way round (`import orders 订单.csv`): the command they make.
        let leading = lhs.split(whereSeparator: \.isWhitespace).prefix(2).map(String.init)
        if leading.count == 2, let swapped = CommandTable.swappedCommand(leading[0], leading[1]) {
            return .error(Diagnostic(CommandMessage.unknownCommand(leading[0], hint: swapped), source: line, range: 0..<leading[0].count))
        }
        var rest = Substring(lhs)
        var restOffset = 0
        if let dot = lhs.firstIndex(of: "."), !lhs[..<dot].contains("[") {
            agentName = String(lhs[..<dot])
            // "T002#CS01".credited: quotes keep a # (a split order's part) from starting a comment.
            // ('李雷'.pay: a name in single quotes is the name, as in double ones.)
            agentName = agentName.map(CommandArguments.unquoted)
            rest = lhs[lhs.index(after: dot)...]
            restOffset = lhs.distance(from: lhs.startIndex, to: dot) + 1
        }
        var ruleName = String(rest)
        var periodText: String? = nil
        var periodOffset = 0
        if let open = rest.firstIndex(of: "[") {
            // The `]` is there but text follows it (`李雷.pay[2026-03] --x`): that text is named, not a missing `]`.
            if let close = rest[open...].firstIndex(of: "]"), case let after = rest[rest.index(after: close)...],
               case let name = rest[..<open].trimmingCharacters(in: .whitespaces), !name.isEmpty,
               name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
               let first = after.firstIndex(where: { !$0.isWhitespace }), !after.contains("]") {
                let start = restOffset + rest.distance(from: rest.startIndex, to: first) + chars.prefix(while: { $0 == " " || $0 == "\t" }).count
                let text = String(after[first...]).trimmingCharacters(in: .whitespaces)
                let figure = String(lhs[lhs.startIndex..<lhs.index(lhs.startIndex, offsetBy: restOffset + rest.distance(from: rest.startIndex, to: close) + 1)])
                return .error(Diagnostic(CommandMessage.textAfterPeriod(text, figure: figure), source: line, range: start..<(start + text.count)))
            }
            guard rest.hasSuffix("]") else {
                return .error(Diagnostic(CommandMessage.expectedClosingBracket, source: line, range: lhsEnd - 1..<lhsEnd))
            }
            ruleName = String(rest[..<open]).trimmingCharacters(in: .whitespaces)
            periodText = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmingCharacters(in: .whitespaces)
            periodOffset = restOffset + rest.distance(from: rest.startIndex, to: open) + 1
        }
        let firstWordRange = 0..<max(1, lhs.prefix { !$0.isWhitespace }.count)
        guard !ruleName.isEmpty, ruleName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            // `小美.pay（2026-03）`: the input method's （） (read as ( )) around a period: said, with it in [ ].
            if periodText == nil, let m = ruleName.wholeMatch(of: /(\w+)\(\s*([^()\s]+)\s*\)/), Period(text: String(m.2)) != nil {
                let written = (agentName.map { $0 + "." } ?? "") + ruleName
                let meant = (agentName.map { $0 + "." } ?? "") + "\(m.1)[\(m.2)]"
                return .error(Diagnostic(CommandMessage.periodInParentheses(written, meant: meant), source: line, range: 0..<lhs.count))
            }
            let w = lhs.prefix { !$0.isWhitespace }
            let hint = closestName(to: String(w), among: CommandTable.firstWords + CommandTable.definitionWords)
            return .error(Diagnostic(CommandMessage.unknownCommand(String(w), hint: hint), source: line, range: firstWordRange))
        }
        for (name, offset) in [(agentName ?? "", 0), (ruleName, restOffset)] where name.count > Parser.maximumNameLength {
            return .error(Diagnostic(CommandMessage.nameTooLong(length: name.count, maximum: Parser.maximumNameLength), source: line, range: offset..<(offset + name.count)))
        }
        guard let r = engine.plan.ruleIndex[ruleName], engine.plan.rules[r].visible else {
            if agentName == nil && periodText == nil && rhsStart == nil {
                let hint = closestName(to: ruleName, among: CommandTable.firstWords + CommandTable.definitionWords + engine.plan.rules.filter(\.visible).map(\.name))
                return .error(Diagnostic(CommandMessage.unknownCommandOrName(ruleName, hint: hint), source: line, range: firstWordRange))
            }
            let names = engine.plan.rules.filter(\.visible).map(\.name)
            let hint = closestName(to: ruleName, among: names)
            return .error(Diagnostic(CommandMessage.unknownName(ruleName, hint: hint), source: line, range: restOffset..<(restOffset + ruleName.count)))
        }
        let rule = engine.plan.rules[r]
        if rule.dimension.perOrder {
            guard let id = agentName, periodText == nil, rhsStart == nil else {
                return .error(Diagnostic(CommandMessage.perOrderFigure(rule: ruleName, example: workspace.orders.first?.id ?? "O1"), source: line, range: 0..<lhs.count))
            }
            let (c, err) = orderCell(orderID: id, rule: r)
            guard let c else { return .error(Diagnostic(err ?? .noOrder(id), source: line, range: 0..<id.count)) }
            let v = engine.value(ofCell: c), label = "\(id).\(ruleName)"
            var out = Output(body: [OutputLine(fixed: "\(label) = \(shown(v, labels: workspace.plan.valueLabels(for: ruleName)).displayText)")])
            // An order figure's error value says what went wrong and the cell it began in, as an agent's figure does.
            if case .error(let e) = v { out.add(CommandMessage.errorValue(e.detail, origin: e.origin?.description == label ? nil : e.origin)) }
            return out
        }
        var agentIndex = 0
        if rule.dimension.perAgent {
            guard let an = agentName else {
                return .error(Diagnostic(CommandMessage.perAgentFigure(rule: ruleName, example: "\(workspace.agents.first?.name ?? "李雷").\(ruleName)[\(engine.period(.month, 0))]"), source: line, range: 0..<ruleName.count))
            }
            guard let i = workspace.agentIndex(named: an) else {
                return .error(Diagnostic(unknownAgent(an), source: line, range: 0..<an.count))
            }
            agentIndex = i
        } else if let an = agentName {
            return .error(Diagnostic(CommandMessage.teamFigure(rule: ruleName, periodic: rule.dimension.grain != .none), source: line, range: 0..<an.count))
        }
        var period: Period? = nil
        if let pt = periodText {
            guard let p = Period(text: pt) else {
                return .error(Diagnostic(CommandMessage.notAPeriod(pt), source: line, range: periodOffset..<(periodOffset + max(1, pt.count))))
            }
            period = p
        } else if rule.dimension.grain != .none {
            return .error(Diagnostic(CommandMessage.whichPeriod(line.trimmingCharacters(in: .whitespaces)), source: line, range: 0..<lhs.count))
        }
        let label = lhs.replacingOccurrences(of: " ", with: "")
        if let rs = rhsStart {
            return setInput(rule: r, agent: agentIndex, period: period, line: line, rhsStart: rs, label: label, periodRange: periodOffset..<(periodOffset + (periodText?.count ?? 0)))
        }
        // A query.
        let p = period ?? Period(grain: .none, start: engine.startMonth)
        if rule.dimension.grain > p.grain && rule.dimension.grain != .none {
            let example = Period.containing(p.start, grain: rule.dimension.grain)
            return .error(Diagnostic(CommandMessage.perGrain(rule: ruleName, grain: rule.dimension.grain, example: example), source: line, range: periodRange(periodOffset, periodText)))
        }
        guard let v = valueOf(rule: r, agent: agentIndex, period: p) else {
            return .error(Diagnostic(CommandMessage.outsideYears(p, years: workspace.years, widen: nil), source: line, range: periodOffset..<(periodOffset + (periodText?.count ?? 1))))
        }
        if case .number(let n) = v, let count = n.wholeNumber, Session.countsYes(rule: r, agent: agentIndex, period: p, in: engine) {
            return Output(message: CommandMessage.yesCount(cell: label, count: Int(count), of: Session.periods(of: rule.dimension.grain, in: p), grain: rule.dimension.grain))
        }
        var out = Output(body: [OutputLine(fixed: "\(label) = \(shown(v, labels: workspace.plan.valueLabels(for: rule.name)).displayText)")])
        if case .error(let e) = v { out.add(CommandMessage.errorValue(e.detail, origin: e.origin?.description == label ? nil : e.origin)) }
        return out
    }

    /// A value as Chinese readers see it: yes/no flags (and plans' "yes"/"no" text) as 是/否, a ranking as（3 个数：…）.
    static func inChinese(_ v: Value) -> Value {
        switch v {
        case .bool(let b): .text(b ? "是" : "否")
        case .text("yes"): .text("是")
        case .text("no"): .text("否")
        // A ranking's values counted in Chinese (（3 个数：…）), not "(3 values: …)" (M7).
        case .ranking: .text(EvalErrorMessage.zh(v))
        default: v
        }
    }

    func periodRange(_ offset: Int, _ text: String?) -> SourceRange { offset..<(offset + max(1, text?.count ?? 1)) }

    /// A figure at a period: the cell itself, or for a finer rule the sum over
    /// the period (yes/no figures count the yes; a sum beyond ±10²⁶ is `#OVERFLOW`).
    /// `nil` outside the scenario.
    public func valueOf(rule r: Int, agent: Int, period p: Period) -> Value? { Session.value(rule: r, agent: agent, period: p, in: engine) }

    /// `valueOf` in any engine (a fork's).
    static func value(rule r: Int, agent: Int, period p: Period, in engine: Engine) -> Value? {
        engine.figure(ruleIndex: r, agentIndex: agent, period: p)
    }

    func setInput(rule r: Int, agent: Int, period: Period?, line: String, rhsStart: Int, label: String, periodRange: SourceRange) -> Output {
        let rule = engine.plan.rules[r]
        if case .parameter = rule.kind, period == nil {
            // `rate = 2%` for a parameter: the same as `param rate = 2%`.
            return define("param \(rule.name) = " + String(Array(line)[rhsStart...]).trimmingCharacters(in: .whitespaces))
        }
        guard case .input = rule.kind else {
            let inputs = engine.plan.rules.filter { if case .input = $0.kind { return true } else { return false } }.map(\.name)
            let what: CommandMessage = if case .parameter = rule.kind { .isParameter(rule.name) } else { .isComputed(rule.name, inputs: inputs) }
            return .error(Diagnostic(what, source: line, range: 0..<(rhsStart - 1)))
        }
        if let p = period, p.grain != rule.dimension.grain {
            return .error(Diagnostic(CommandMessage.enteredPer(rule: rule.name, grain: rule.dimension.grain, period: p), source: line, range: periodRange))
        }
        let rhs = String(Array(line)[rhsStart...])
        let value: Fixed
        do {
            let e = try Parser.expression(rhs)
            value = try Session.constantAmount(e)
        } catch let e as SourceError {
            return .error(Diagnostic(e, offset: rhsStart, commandLine: line))
        } catch { return .error(Diagnostic(Session.said(error))) }
        if let problem = amountProblem(rhs, value: value, input: rule.name) {
            let lead = rhs.prefix { $0 == " " }.count
            return .error(Diagnostic(problem, source: line, range: (rhsStart + lead)..<line.count))
        }
        // Outside the input's declared range (`range 0..`): refused, as an attribute or order field outside its
        // range is (M5). A value outside it that a file or a later `range` brings stays a warning (`check`).
        if let d = workspace.plan.definition(named: rule.name), case .input(_, _, _, _, let range?) = d.statement, !range.contains(value) {
            let lead = rhs.prefix { $0 == " " }.count
            return .error(Diagnostic(AmountMessage.outsideInputRange(cell: label, value: value, input: rule.name, range: range.description),
                                     source: line, range: (rhsStart + lead)..<line.count))
        }
        let agentName = rule.dimension.perAgent ? workspace.agents[agent].name : nil
        let p = period ?? Period(grain: .none, start: engine.startMonth)
        guard let c = engine.cell(rule: r, agent: agent, period: p) else {
            let y = workspace.years
            return .error(Diagnostic(CommandMessage.outsideYears(p, years: y, widen: min(y.lowerBound, p.start.year)...max(y.upperBound, p.start.year)), source: line, range: periodRange))
        }
        var new = workspace
        new.setInput(rule.name, agent: agentName, period: p, value: value)
        // Undo and redo store the input back in place: no new engine.
        let old = engine.storedInput(cell: c)
        // The value it already holds (entered, not only its default): nothing changes, and no undo step.
        if old == value { return Output(message: EditMessage.unchanged(.input(cell: label, value: value.moneyText))) }
        let edits = EngineEdits(forward: { $0.setInputs([(c, value)]) }, back: { $0.setInputs([(c, old)]) })
        pushUndo(Snapshot(workspace: workspace, label: OutputLine(fixed: "\(label) = \(value.moneyText)"), edits: edits))
        workspace = new
        isDirty = true
        let changed = inPlace { $0.setInputs([(c, value)]) }!
        warningsCache = nil
        let warnings: [Diagnostic] = payConcernWarnings(changed: changed)
        guard engine.plan.total.flatMap({ engine.plan.ruleIndex[$0] }) != nil else { return Output(warnings: warnings) }
        var lines = payChangeLines(changed)
        // An input that reaches take-home pay only (a special deduction, 专项附加扣除) shows that.
        let net = "net_pay"  // the takehome part's 实发工资 (PlanPart+TakeHome)
        if lines.isEmpty, engine.plan.ruleIndex[net] != nil, engine.plan.total != net {
            lines = payChangeLines(changed, figure: net)
        }
        return Output(body: lines.isEmpty ? [OutputLine(ChangeMessage.noPayChange)] : lines, warnings: warnings)
    }

    /// An amount written as a constant expression: `12万`, `40,000`, `1.5万 + 800`, `-500`.
    static func constantAmount(_ e: Expr) throws -> Fixed { try e.constantAmount() }

    // MARK: Explain

    /// A reference to one of `agent`'s figures, for a hint: `李雷.pay[2026-01]` — the plan's `pay` (else its
    /// first visible monthly figure per agent), in the first month of the years the agent is employed in.
    func explainExample(agent: Agent) -> String {
        let rules = engine.plan.rules.filter { $0.visible && $0.dimension.perAgent && !$0.dimension.perOrder && $0.dimension.grain == .month }
        let figure = rules.first { $0.name == "pay" }?.name ?? rules.first?.name ?? "pay"
        var month = Month(year: workspace.years.lowerBound, month: 1)
        if let h = agent.hired, h.year >= workspace.years.lowerBound, h.year <= workspace.years.upperBound { month = Month(year: h.year, month: h.month) }
        return "\(agent.name).\(figure)[\(Period(grain: .month, start: month))]"
    }

    /// `explain 李雷.pay[2026-03] [--depth N] [--orders] [--rules]`: how a figure was reached, as
    /// sentences with the numbers filled in (the figures it reads follow, to `--depth`, default 1;
    /// `--orders` lists the orders behind order-built figures); `--rules` prints the derivation
    /// tree with each rule as written (default depth 2).
    func explain(_ rest: String) -> Output {
        let args: CommandArguments
        do { args = try CommandArguments.parse(rest, options: ["--depth"], flags: ["--rules", "--orders"]) } catch { return .error(CommandMessage.explainUsage(OutputLine(error))) }
        let words = args.positional
        let rules = args.has("--rules"), listOrders = args.has("--orders")
        var depth = rules ? 2 : 1
        if let v = args["--depth"] {
            guard let d = Int(v), d >= 0 else { return .error(CommandMessage.depthNeedsNumber) }
            depth = d
        }
        guard words.count == 1 else { return .error(CommandMessage.explainWhich) }
        let ref = words[0].replacingOccurrences(of: "。", with: ".")
        var agentName: String? = nil
        var rest = Substring(ref)
        if let dot = ref.firstIndex(of: ".") { agentName = CommandArguments.unquoted(String(ref[..<dot])); rest = ref[ref.index(after: dot)...] }
        var ruleName = String(rest), period: Period? = nil
        if rest.contains("["), !rest.hasSuffix("]") { return .error(CommandMessage.expectedClosingBracket) }
        if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
            ruleName = String(rest[..<open])
            guard let p = Period(text: String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])) else {
                return .error(CommandMessage.explainPeriodForm(ref))
            }
            period = p
        }
        // An agent's name alone (explain 李雷): one of their figures is meant (fresh-user finding).
        if agentName == nil, period == nil, engine.plan.ruleIndex[ruleName] == nil, let a = engine.agentIndex(named: ruleName) {
            return .error(CommandMessage.explainAgentNotFigure(ruleName, example: explainExample(agent: workspace.agents[a])))
        }
        guard let r = engine.plan.ruleIndex[ruleName], engine.plan.rules[r].visible else { return .error(CommandMessage.unknownName(ruleName, hint: closestName(to: ruleName, among: engine.plan.rules.filter(\.visible).map(\.name)))) }
        if engine.plan.rules[r].dimension.perOrder {
            let (c, err) = orderCell(orderID: agentName ?? "", rule: r)
            guard let c else { return .error(err ?? .noOrder(agentName ?? "")) }
            return explainLines(cell: c, depth: depth, rules: rules, orders: listOrders)
        }
        var agent = 0
        if engine.plan.rules[r].dimension.perAgent {
            guard let an = agentName, let i = workspace.agentIndex(named: an) else { return .error(unknownAgent(agentName ?? "")) }
            agent = i
        }
        let p = period ?? Period(grain: .none, start: engine.startMonth)
        guard let c = engine.cell(rule: r, agent: agent, period: p) else {
            // A monthly figure over a quarter or a year: the sum of its months, each explained under it.
            let g = engine.plan.rules[r].dimension.grain
            if g != .none, p.grain != .none, p.grain >= g, engine.index(of: p) == nil { return .error(CommandMessage.outsideYears(p, years: workspace.years, widen: nil)) }
            if engine.index(of: p) != nil, let out = explainOverPeriod(ref: ref, rule: r, agent: agent, period: p, depth: depth, rules: rules, orders: listOrders) { return out }
            return .error(CommandMessage.explainGrain(ref: ref, rule: ruleName, grain: engine.plan.rules[r].dimension.grain))
        }
        return explainLines(cell: c, depth: depth, rules: rules, orders: listOrders)
    }

    func explainLines(cell c: Int, depth: Int, rules: Bool, orders: Bool) -> Output {
        if rules {
            let plan = workspace.plan, all = plan.valueLabelsByValue
            return Output(body: Session.explainTree(engine.explain(cell: c, plan: plan, depth: depth), labels: { $0.map(plan.valueLabels(for:)) ?? all }))
        }
        return Output(body: PlainRenderer(language: language, valueLabels: workspace.plan.valueLabelsByValue).lines(engine.plainExplanation(cell: c, plan: workspace.plan, depth: depth), orders: orders).map { OutputLine(fixed: $0) })
    }

    // MARK: Reports

    /// `report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE]`: the report columns per agent and
    /// their total. A workbook holds the period's sheet and, for a longer period, one sheet per month.
    func report(_ rest: String, line: String) -> Output {
        let words: [String], format: FigureFormat
        do { (words, format) = try FigureFormat.parse(rest) } catch { return .error(CommandMessage.reportUsage(OutputLine(error))) }
        guard let text = words.first else { return .error(CommandMessage.reportWhich) }
        guard words.count == 1 else { return .error(CommandMessage.reportUsage(OutputLine(CommandMessage.reportOneWordTooMany(words[1])))) }
        guard let p = Period(text: text) else {
            let at = line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 7
            return .error(Diagnostic(CommandMessage.notAPeriod(text), source: line, range: at..<(at + text.count)))
        }
        guard engine.index(of: p) != nil else {
            return .error(CommandMessage.outsideYears(p, years: workspace.years, widen: nil))
        }
        // Ctrl-C stops the export at any row (nothing is written: the workbook is a temp file until it is complete).
        let throttle = progressThrottle()
        defer { throttle.clear() }
        do {
            let table = try reportTable(p, throttle: throttle)
            var tables = [table]
            if format.kind == .xlsx && p.grain != .month {
                tables += try (0..<p.grain.months).map { try reportTable(Period(grain: .month, start: Month(index: p.start.index + $0)), throttle: throttle) }
            }
            return try emit(tables, as: format) { [table.title] + table.textLines() }
        } catch is Interrupted { return stopped("report") } catch { return .error(Session.diagnostic(error)) }
    }

    /// The report of one period: a row per agent with the plan's report columns (labels under zh),
    /// then the total row (a yes/no column totals to how many said yes). With a `throttle`, shows
    /// how many agents are done and polls Ctrl-C at every row.
    /// - Throws: `Interrupted` when Ctrl-C was pressed (only with a `throttle`).
    /// - Complexity: O(agents × columns × months in the period).
    func reportTable(_ p: Period, engine: Engine? = nil, workspace: Workspace? = nil, throttle: ProgressThrottle? = nil) throws -> FigureTable {
        let engine = engine ?? self.engine, workspace = workspace ?? self.workspace
        let columns = engine.reportFigures
        let ids = columns.compactMap { engine.plan.ruleIndex[$0] }
        let usable = ids.filter { engine.plan.rules[$0].dimension.grain <= p.grain || engine.plan.rules[$0].dimension.grain == .none }
        let zh = language == .zh
        var t = FigureTable(name: p.description, title: "\(workspace.name) — \(p)",
                            header: [MessageWords.agentColumn[zh ? .zh : .en]] + usable.map { zh ? (engine.plan.rules[$0].label ?? engine.plan.rules[$0].name) : engine.plan.rules[$0].name },
                            rightAligned: [false] + usable.map { _ in true })
        // Text figures by the plan's value labels under zh, worked out once per column.
        let columnLabels = usable.map { zh ? workspace.plan.valueLabels(for: engine.plan.rules[$0].name) : [:] }
        var totals = [Fixed?](repeating: .zero, count: usable.count)
        var errorCodes: [Int: String] = [:]
        var flagColumns = Set<Int>()
        // Each column's figures for every agent at once (the rule's layout worked out once a column).
        let figures = usable.map { engine.figures(ruleIndex: $0, period: p) }
        for (a, agent) in workspace.agents.enumerated() {
            if let throttle {
                try checkInterrupt()
                throttle.update(ProgressMessage.reported(period: p.description, k: a, count: workspace.agents.count).text(language))
            }
            var row: [FigureTable.Cell] = [.text(agent.name)]
            for (j, r) in usable.enumerated() {
                let v = (a < figures[j].count ? figures[j][a] : Session.value(rule: r, agent: a, period: p, in: engine)) ?? .text("")
                // A yes/no figure over a longer period counts its months that are yes: a whole number (Session+YesCounts).
                if case .number(let n) = v, Session.countsYes(rule: r, agent: a, period: p, in: engine) {
                    row.append(FigureTable.Cell(text: n.format(minimumFractionDigits: 0), number: n, kind: .count)); flagColumns.insert(j)
                } else {
                    row.append(.value(zh ? Session.inChinese(v, labels: columnLabels[j]) : v))
                }
                switch v {
                case .number(let n):
                    // A total beyond ±10²⁶ shows as #OVERFLOW.
                    if let sum = totals[j], Fixed.checkedAdd(sum, n) == nil { errorCodes[j] = errorCodes[j] ?? EvalError.Kind.overflow.rawValue }
                    totals[j] = totals[j].flatMap { Fixed.checkedAdd($0, n) }
                case .bool(let b): totals[j] = totals[j].flatMap { b ? Fixed.checkedAdd($0, .one) : $0 }; flagColumns.insert(j)
                default: totals[j] = nil; if case .error(let e) = v { errorCodes[j] = e.code }
                }
            }
            t.add(row)
        }
        t.separatorBefore = [workspace.agents.count]
        t.add([.text(MessageWords.totalRow[zh ? .zh : .en])] + totals.enumerated().map { j, v -> FigureTable.Cell in
            guard let v else { return .text(errorCodes[j] ?? "") }
            return flagColumns.contains(j) ? FigureTable.Cell(text: v.format(minimumFractionDigits: 0), number: v, kind: .count) : .money(v)
        })
        return t
    }

    // MARK: Files

    /// `load FILE`: replaces the workspace with a scenario file. Undo goes back
    /// to the workspace and the file before (so a later `save` writes there).
    /// Over unsaved changes it refuses unless `force` (`load! FILE`, `--force`);
    /// the interactive shell asks first, as `quit` does.
    func load(_ rest: String, force: Bool) -> Output {
        let file = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        guard !file.isEmpty else { return .error(FileMessage.loadWhich) }
        if isDirty && !force { return .error(FileMessage.unsavedChanges(path: path, file: file)) }
        let loaded: (workspace: Workspace, description: String?, forks: [String: Workspace])
        do { loaded = try ScenarioFile.loadWithForks(path: file) } catch {
            return .error(FileMessage.loadFailed(Session.said(error)))
        }
        let before = currentFileState
        rebuildWasStopped = false
        var said: [any Message] = [FileMessage.loaded(file: file, agents: loaded.workspace.agents.count, definitions: loaded.workspace.plan.definitions.count)]
        if let kept = Session.keptKeysMessage(loaded.workspace, forks: loaded.forks) { said.append(kept) }
        var out = commit(loaded.workspace, label: "load \(file)", said: said, summarised: true)
        // Loading reports how many warnings the plan has, not each one (check lists them).
        if !out.failed {
            out.warnings = []
            let count = currentWarnings().count
            if count > 0 { out.body.insert(OutputLine(WarningMessage.countAfterLoad(count)), at: 1) }
        }
        if rebuildWasStopped { return out }  // "load stopped (Ctrl-C): nothing was changed" says it all
        if out.failed { return Output(errors: out.errors.map { var d = $0; d.said = OutputLine(FileMessage.loadRefused(file: file, d.said)); return d }) }
        undoStack[undoStack.count - 1].forkState = currentForkState
        undoStack[undoStack.count - 1].file = before
        (forks, forkName) = (loaded.forks, "main")
        forkEngines = [:]
        path = file
        scenarioDescription = loaded.description
        fileStamp = FileStamp.of(file)
        markSaved()
        return out
    }

    /// Why `save` to `file` should ask first, or `nil`: the file was loaded or
    /// saved here and another program has changed it since (its size,
    /// modification time or inode differ).
    ///
    /// Also when `file` is another existing file than the one this workspace was loaded from
    /// or saved to (`save other.json` over another scenario).
    public func saveConflict(_ rest: String) -> String? {
        saveConflictMessage(rest)?.asking.text(language)
    }

    /// Why `save` to `rest` should ask first: the message to show, and the one a refusal says.
    func saveConflictMessage(_ rest: String) -> (asking: FileMessage, refused: FileMessage)? {
        let file = rest.isEmpty ? path : rest.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        guard let file, !file.isEmpty else { return nil }
        if !Session.sameFile(file, path) {
            // Only a regular file (through links) holds work to lose; a folder or device is refused by the write.
            let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
            guard let type = try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType,
                  type == .typeRegular else { return nil }
            return (.existsElsewhere(file), .existsElsewhereRefused(file))
        }
        guard let was = fileStamp, let now = FileStamp.of(file), now != was else { return nil }
        let windows = otherWindows()
        return (.changedOnDisk(file, windows: windows), .changedOnDiskRefused(file, windows: windows))
    }

    /// True when the paths name one file (after `.`/`..` and symbolic links are resolved).
    static func sameFile(_ a: String, _ b: String?) -> Bool {
        guard let b else { return false }
        if a == b { return true }
        func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }

    /// `save [FILE]`: writes the scenario with its forks (see `AtomicFile.write`
    /// for read-only files, owners, links). A file changed on disk since it was
    /// loaded or saved is not overwritten unless `force` (`save! [FILE]`).
    func save(_ rest: String, force: Bool) -> Output {
        let file = rest.isEmpty ? path : rest.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        guard let file else { return .error(FileMessage.saveWhere) }
        guard !file.isEmpty else { return .error(FileMessage.saveEmptyName) }
        if !force, let conflict = saveConflictMessage(rest) { return .error(conflict.refused) }
        do { try saveWithForks(path: file) } catch {
            return .error(FileMessage.saveFailed(Session.said(error)))
        }
        path = file
        fileStamp = FileStamp.of(file)
        markSaved()
        return Output(message: FileMessage.saved(file))
    }
}
