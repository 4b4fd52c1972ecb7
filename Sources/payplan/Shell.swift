import Foundation
import LineEditing
import PayPlanREPL

/// The interactive REPL: libedit line editing, history and completion around
/// a `Session`. Ctrl-C drops the line being typed; Ctrl-D on an empty line
/// or `quit` leaves, asking first when there are unsaved changes.
final class Shell {
    let session: Session
    let colour: Colour
    let editor: LineEditor

    /// - Parameter historyFile: where history is kept; `nil` keeps it in memory.
    init(session: Session, colour: Colour, historyFile: String?) {
        self.session = session
        self.colour = colour
        // Breaking words at punctuation makes Tab Tab list `sales`, not `李雷.sales`.
        editor = LineEditor(historyFile: historyFile, maxHistory: 1000, wordBreakCharacters: " \t\n.[(,=+*/:<>") { line, cursorByte in
            Shell.complete(line: line, cursorByte: cursorByte, session: session)
        }
    }

    /// Reads and runs commands until the user leaves.
    func run() {
        let w = session.workspace
        print("\(w.name): \(w.agents.count) agents, years \(w.years.lowerBound)–\(w.years.upperBound). "
            + "Tab completes; 'help' lists topics; Ctrl-D leaves.")
        var pending: [String] = []  // the lines of a command that continues
        while true {
            let prompt = pending.isEmpty
                ? Prompt.main(name: session.workspace.name, isDirty: session.isDirty) : Prompt.continuation
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                pending.append(line)
                let text = pending.joined(separator: "\n")
                if Session.needsContinuation(text) { continue }
                pending = []
                editor.addHistory(History.entry(text))
                let command = text.trimmingCharacters(in: .whitespaces)
                if command == "quit" || command == "exit" {
                    if leave() { return }
                } else {
                    show(session.execute(text))
                }
            case .interrupted:
                print("^C")
                pending = []
            case .endOfInput:
                print()
                if !pending.isEmpty {
                    pending = []  // Ctrl-D inside a continued command drops it
                } else if leave() {
                    return
                }
            }
        }
    }

    /// Prints a command's output, coloured when colour is on.
    func show(_ output: Output) {
        for line in output.lines { print(colour.line(line)) }
        for d in output.errors { print(colour.error(d.render()).joined(separator: "\n")) }
    }

    /// Runs the leave dialog; true when the program should end.
    func leave() -> Bool {
        var step = LeaveDialog.start(isDirty: session.isDirty, file: session.path)
        while true {
            switch step {
            case .leave:
                return true
            case .stay(let message):
                print(message)
                return false
            case .save(let file):
                let output = session.execute("save \(file)")
                show(output)
                if output.failed { return false }
                step = .leave
            case .ask(let question, let message):
                if let message { print(message) }
                let answer: String?
                if case .line(let text) = editor.readLine(prompt: question.prompt) { answer = text } else {
                    print()
                    answer = nil
                }
                step = LeaveDialog.next(after: question, answer: answer)
            }
        }
    }

    /// Adapts `Completion` (Character offsets) to `LineEditor` (UTF-8 offsets).
    static func complete(line: String, cursorByte: Int, session: Session) -> (replaceFrom: Int, candidates: [String], append: Character?) {
        let head = String(decoding: line.utf8.prefix(cursorByte), as: UTF8.self)
        let result = Completion.candidates(line: line, cursor: head.count, session: session)
        let fromByte = line.prefix(result.replaceFrom).utf8.count
        return (fromByte, result.candidates, result.append)
    }
}
