import ArgumentParser
import Foundation
import PayPlan
import PayPlanREPL

/// `payplan [SCENARIO.json] [-e COMMAND]…`: runs commands from `-e`, from a
/// pipe or file on standard input, or interactively on a terminal.
struct PayPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payplan",
        abstract: "Pay plans as a spreadsheet you can read: plan, negotiate and explain sales pay.",
        discussion: """
            Examples:
              payplan scenarios/electronics-sales.json -e 'report 2026'
              payplan scenarios/electronics-sales.json < edits.txt
            Type 'help' inside payplan for the commands and the pay language.
            """)

    @Argument(help: "A scenario file (JSON) to open.")
    var scenario: String?

    @Option(name: .short, help: "Run a command and exit (repeatable).")
    var e: [String] = []

    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR=1).")
    var noColor = false

    @Option(name: .customLong("lang"), help: "Language of messages, help and reports: zh or en (default: from the locale, zh_CN… gives zh).")
    var lang: String?

    mutating func run() throws {
        let session: Session
        do {
            session = try scenario.map { try Session(path: $0) } ?? Session()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if let lang {
            guard let l = DisplayLanguage(rawValue: lang) else {
                FileHandle.standardError.write(Data("error: --lang takes zh or en, not '\(lang)'\n".utf8))
                throw ExitCode(2)
            }
            session.language = l
        } else {
            session.language = DisplayLanguage.fromEnvironment()
        }
        if e.isEmpty && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 {
            let environment = ProcessInfo.processInfo.environment
            let colour = Colour(enabled: Colour.wanted(isTerminal: true, noColorFlag: noColor, environment: environment))
            Shell(session: session, colour: colour, historyFile: History.filePath(environment: environment)).run()
            return
        }
        var failed = false
        if !e.isEmpty {
            for (i, command) in e.enumerated() {
                failed = Runner.run(session, command, location: "-e \(i + 1)") || failed
            }
        } else {
            failed = Runner.runScript(session, lines: AnyIterator { readLine(strippingNewline: true) })
        }
        if failed { throw ExitCode(1) }
    }
}

/// Feeds commands to a session and prints what they return.
enum Runner {
    /// Runs one command; returns true when it failed. `firstLine` (1-based)
    /// places errors in a script: a caret on the command's third line is
    /// reported at `firstLine + 2`.
    static func run(_ session: Session, _ command: String, location: String, firstLine: Int? = nil) -> Bool {
        let out = session.execute(command)
        if !out.lines.isEmpty { print(out.lines.joined(separator: "\n")) }
        // Keep stdout and stderr in order when both go to one place (2>&1).
        fflush(nil)
        for d in out.errors {
            var place = location
            if let firstLine, let r = d.range, let src = d.source {
                place = "line \(firstLine + src.prefix(r.lowerBound).filter { $0 == "\n" }.count)"
            }
            FileHandle.standardError.write(Data((d.render(location: place).joined(separator: "\n") + "\n").utf8))
        }
        return out.failed
    }

    /// Reads commands line by line (a definition continues on indented lines
    /// or after an incomplete line; any command after a trailing `\`);
    /// returns true when any failed.
    static func runScript(_ session: Session, lines: AnyIterator<String>) -> Bool {
        var failed = false
        StatementText.group(lines) { chunk in
            guard let text = chunk.text else { return true }
            if text == "quit" || text == "exit" { return false }
            if chunk.incomplete {
                let message = "error: line \(chunk.line + 1): the input ended in the middle of this definition; nothing was changed\n"
                FileHandle.standardError.write(Data(message.utf8))
                failed = true
                return true
            }
            failed = run(session, text, location: "line \(chunk.line + 1)", firstLine: chunk.line + 1) || failed
            return true
        }
        return failed
    }
}

PayPlanCommand.main()
