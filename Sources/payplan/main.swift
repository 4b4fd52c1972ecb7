import ArgumentParser
import Foundation
import PayPlan
import PayPlanREPL

/// `payplan [SCENARIO.json] [-e COMMAND]… [-f SCRIPT]… [--bail]`: runs commands from `-e` and `-f`
/// (in the order given), from a pipe or file on standard input, or interactively on a terminal. A scenario
/// file that does not exist yet starts an empty scenario that `save` writes there.
struct PayPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payplan",
        abstract: "Pay plans as a spreadsheet you can read: plan, negotiate and explain sales pay.",
        discussion: """
            Examples:
              payplan scenarios/electronics-sales.json -e 'report 2026'
              payplan scenarios/electronics-sales.json < edits.txt
              payplan scenarios/electronics-sales.json -f edits.txt --bail
              payplan new-plan.json          (a new, empty scenario; save writes new-plan.json)
            Type 'help' inside payplan for the commands and the pay language.
            """,
        version: "payplan " + PayPlanVersion.text)

    @Argument(help: "A scenario file (JSON) to open; a name ending in .json that does not exist yet starts an empty scenario saved there.")
    var scenario: String?

    @Option(name: .short, help: "Run a command and exit (repeatable).")
    var e: [String] = []

    @Option(name: .short, help: "Run the commands of a script file and exit (repeatable; -e and -f run in the order given).")
    var f: [String] = []

    @Flag(name: .customLong("bail"), help: "Stop at the first command that fails (nothing after it runs, so no later save).")
    var bail = false

    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR=1).")
    var noColor = false

    @Flag(name: .customLong("force"), help: "In a script, let load replace unsaved changes (as load! does).")
    var force = false

    @Flag(name: .customLong("recover"), help: "Replay the unsaved edits an earlier run left (killed, terminal closed) before anything else, without asking.")
    var recover = false

    @Option(name: .customLong("lang"), help: "Language of messages, help and reports: zh or en (default: from the locale, zh_CN… gives zh).")
    var lang: String?

    mutating func run() throws {
        let session: Session
        var isNew = false
        var language = DisplayLanguage.fromEnvironment()
        if let lang {
            guard let l = DisplayLanguage(rawValue: lang) else {
                // A usage error, as ArgumentParser's own are (64, EX_USAGE), not 2 (a file that cannot be opened).
                Runner.fail(ShellMessage.langChoices(lang), language: language)
                throw ExitCode.validationFailure
            }
            language = l
        }
        do {
            if let scenario, !FileManager.default.fileExists(atPath: scenario) {
                session = try Session(newFile: scenario)
                isNew = true
            } else {
                session = try scenario.map { try Session(path: $0) } ?? Session()
            }
        } catch {
            Runner.fail(ShellMessage.cannotStart(Session.said(error)), language: language)
            throw ExitCode(2)
        }
        // Kept until the process exits: releasing a large workspace's engine cell by cell on the
        // way out costs time the system spends anyway in reclaiming the memory at once.
        _ = Unmanaged.passRetained(session)
        session.bail = bail
        session.language = language
        session.forceLoad = force
        let newNote = ShellMessage.newScenario(file: scenario ?? "").text(session.language)
        if e.isEmpty && f.isEmpty && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 {
            if isNew { print(newNote) }
            let environment = ProcessInfo.processInfo.environment
            let colour = Colour(enabled: Colour.wanted(isTerminal: true, noColorFlag: noColor, environment: environment))
            let shell = Shell(session: session, colour: colour, historyFile: History.filePath(environment: environment), environment: environment)
            shell.recoverWithoutAsking = recover
            shell.run()
            return
        }
        // Every -f script is read before anything runs: a missing or unreadable one is refused with nothing
        // run and nothing saved (the -e commands run first, and `-e save` after an edit would otherwise
        // have written the file before the refusal said "nothing was run").
        var scripts: [(file: String, text: String)] = []
        for file in f {
            switch ScriptFile.read(file) {
            case .success(let t): scripts.append((file, t))
            case .failure(let problem):
                Runner.fail(ShellMessage.scriptFile(OutputLine(problem.message)), language: session.language)
                throw ExitCode(2)
            }
        }
        // Journals earlier interactive runs left (their process gone): applied only with --recover
        // (and only on the file they were made on), else only told; a live window's is never touched.
        let journal = session.path.flatMap { EditJournal(scenario: $0, environment: ProcessInfo.processInfo.environment) }
        var recovered: [EditJournal.Pending] = []
        if let journal { session.otherWindows = { journal.liveOthers() } }
        if let journal, let path = session.path {
            let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
            let others = journal.others()
            let live = others.filter(\.live).compactMap(\.pid)
            if !live.isEmpty { say(JournalMessage.openElsewhere(file: (path as NSString).lastPathComponent, pids: live).text(session.language)) }
            for p in others.compactMap(\.pending) {
                if recover && p.fileUnchanged {
                    EditJournal.recovered(EditJournal.replay(p, on: session), language: session.language).forEach(say)
                    recovered.append(p)
                } else {
                    say(EditJournal.offer(p, file: path, language: session.language, interactive: false))
                    if !p.fileUnchanged { p.commands.forEach { say("  " + History.entry($0)) } }
                }
            }
        }
        // A recovery the script saved is done with; unsaved, the journals stay for the next start.
        defer { if !session.isDirty { recovered.forEach(EditJournal.discard) } }
        // Edits piped in or given by -e/-f and never saved are not kept: say so, once, at the end.
        defer {
            if session.isDirty { FileHandle.standardError.write(Data((ShellMessage.unsavedAtEnd.text(session.language) + "\n").utf8)) }
        }
        // On standard error, so that standard output stays the figures (`-e 'report 2026 --csv' > x.csv`).
        if isNew { FileHandle.standardError.write(Data((newNote + "\n").utf8)) }
        if let kept = session.keptKeysNote { FileHandle.standardError.write(Data((kept + "\n").utf8)) }
        var failed = false
        if !e.isEmpty || !f.isEmpty {
            // In the order given, as psql runs -c and -f: `-f edits.txt -e save` saves the edits.
            for step in CommandLineOrder.steps(givenArguments, commands: e.count, scripts: f.count) {
                switch step {
                case .command(let i):
                    let out = Runner.run(session, e[i], location: "-e \(i + 1)")
                    failed = out.failed || failed
                    if out.leave || (out.failed && bail) { throw ExitCode(failed ? 1 : 0) }
                case .script(let i):
                    let (file, text) = scripts[i]
                    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let r = Runner.runScript(session, lines: AnyIterator(lines.makeIterator()), name: file)
                    failed = r.failed || failed
                    if r.stop { throw ExitCode(failed ? 1 : 0) }
                }
            }
        } else {
            failed = Runner.runScript(session, lines: AnyIterator { readLine(strippingNewline: true) }).failed
        }
        if failed { throw ExitCode(1) }
    }
}

/// Feeds commands to a session and prints what they return.
enum Runner {
    /// Writes `message` to standard error as an error (`error: …`, `错误：…` under zh).
    static func fail(_ message: any Message, location: String? = nil, language: DisplayLanguage) {
        FileHandle.standardError.write(Data((Diagnostic(message).render(location: location, language: language).joined(separator: "\n") + "\n").utf8))
    }

    /// Runs one command; returns true when it failed. `firstLine` (1-based)
    /// places errors in a script: a caret on the command's third line is
    /// reported at `firstLine + 2`.
    static func run(_ session: Session, _ command: String, location: String, firstLine: Int? = nil, name: String? = nil) -> Output {
        let out = session.execute(command)
        // Rendered once (each line made terminal-safe): a 10,000-agent report is 10,000 lines.
        let lines = out.lines
        if !lines.isEmpty { print(lines.joined(separator: "\n")) }
        // Keep stdout and stderr in order when both go to one place (2>&1).
        fflush(nil)
        for d in out.errors {
            var place = location
            if let firstLine, let r = d.range, let src = d.source {
                place = ShellMessage.scriptLine(file: name, line: firstLine + src.prefix(r.lowerBound).filter { $0 == "\n" }.count).text(session.language)
            }
            FileHandle.standardError.write(Data((d.render(location: place).joined(separator: "\n") + "\n").utf8))
        }
        return out
    }

    /// Reads commands line by line (a definition continues on indented lines
    /// or after an incomplete line; any command after a trailing `\`). Errors are placed at
    /// `line N` (`FILE line N` for a named script). Under `session.bail` the first failing command
    /// stops the script; `quit` ends it.
    /// - Returns: whether any command failed, and whether the run should stop (bail or quit).
    static func runScript(_ session: Session, lines: AnyIterator<String>, name: String? = nil) -> (failed: Bool, stop: Bool) {
        var failed = false, stop = false
        ScriptGrouping.group(lines) { chunk in
            guard let text = chunk.text else { return true }
            if text == "quit" || text == "exit" { stop = true; return false }
            if chunk.incomplete || chunk.unfinished != nil {
                let why = chunk.unfinished.map(SourceMessage.unfinished) ?? SourceMessage.inputEnded
                fail(why, location: ShellMessage.scriptLine(file: name, line: chunk.line + 1).text(session.language), language: session.language)
                failed = true
                stop = session.bail
                return !stop
            }
            let out = run(session, text, location: ShellMessage.scriptLine(file: name, line: chunk.line + 1).text(session.language), firstLine: chunk.line + 1, name: name)
            failed = out.failed || failed
            if out.leave { stop = true; return false }
            if out.failed && session.bail {
                FileHandle.standardError.write(Data((ShellMessage.bailStopped(file: name, line: chunk.line + 1).text(session.language) + "\n").utf8))
                stop = true
                return false
            }
            return true
        }
        return (failed, stop)
    }
}

/// Parses `arguments` as ArgumentParser reads them; a refusal under Chinese (`--lang zh`, or a zh locale
/// with no `--lang`) is said in Chinese with what is wrong (ArgumentParser's own text is English only,
/// fresh-user finding M-A), with ArgumentParser's exit status.
func parsedCommand(_ arguments: [String]) -> PayPlanCommand {
    do { return try PayPlanCommand.parse(arguments) } catch {
        let status = PayPlanCommand.exitCode(for: error)
        if status != .success, CommandLineCheck.language(givenArguments) == .zh {
            Runner.fail(CommandLineCheck.problem(arguments), language: .zh)
            PayPlanCommand.exit(withError: ExitCode(status.rawValue))
        }
        PayPlanCommand.exit(withError: error)
    }
}

// ArgumentParser's help is English only: under Chinese (`--lang zh`, or a zh locale with no `--lang`) payplan
// prints its own (`CommandLineHelp`), with ArgumentParser's exit status for help (0).
if CommandLineHelp.asked(Array(CommandLine.arguments.dropFirst())), CommandLineCheck.language(Array(CommandLine.arguments.dropFirst())) == .zh {
    print(CommandLineHelp.text(.zh))
    exit(0)
}

// ArgumentParser answers `--version` before it reads the other arguments, so a mistyped option
// beside it (`payplan --version --frob`) would pass unnoticed with exit 0: read the rest first.
let givenArguments = Array(CommandLine.arguments.dropFirst())
if givenArguments.contains("--version"), givenArguments.count > 1 {
    _ = parsedCommand(givenArguments.filter { $0 != "--version" })
}
var command = parsedCommand(givenArguments)
do { try command.run() } catch { PayPlanCommand.exit(withError: error) }
