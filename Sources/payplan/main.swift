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

    mutating func run() throws {
        let session: Session
        do {
            session = try scenario.map { try Session(path: $0) } ?? Session()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
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
    /// Runs one command; returns true when it failed.
    static func run(_ session: Session, _ command: String, location: String) -> Bool {
        let out = session.execute(command)
        if !out.lines.isEmpty { print(out.lines.joined(separator: "\n")) }
        for d in out.errors {
            FileHandle.standardError.write(Data((d.render(location: location).joined(separator: "\n") + "\n").utf8))
        }
        return out.failed
    }

    /// Reads commands line by line (an indented line, or a line after an
    /// incomplete one, continues the command); returns true when any failed.
    static func runScript(_ session: Session, lines: AnyIterator<String>) -> Bool {
        var failed = false
        StatementText.group(lines) { chunk in
            guard let text = chunk.text else { return true }
            if text == "quit" || text == "exit" { return false }
            failed = run(session, text, location: "line \(chunk.line + 1)") || failed
            return true
        }
        return failed
    }
}

PayPlanCommand.main()
