import Foundation
import LineEditing
import PayPlanREPL

/// The interactive REPL: libedit line editing, history and completion around
/// a `Session`. Ctrl-C drops the line being typed; Ctrl-D on an empty line
/// or `quit` leaves, asking first when there are unsaved changes.
final class Shell {
    let session: Session
    let colour: Colour
    /// Set while reading a file name for the leave dialog: Tab completes paths.
    static nonisolated(unsafe) var readingFileName = false
    let editor: LineEditor

    /// - Parameter historyFile: where history is kept; `nil` keeps it in memory.
    init(session: Session, colour: Colour, historyFile: String?) {
        self.session = session
        self.colour = colour
        // Breaking words at punctuation makes Tab Tab list `sales`, not `李雷.sales`.
        editor = LineEditor(historyFile: historyFile, maxHistory: 1000, wordBreakCharacters: " \t\n.[(,=+*/:<>") { line, cursorByte in
            Shell.complete(line: line, cursorByte: cursorByte, session: session)
        }
        // Long commands poll Ctrl-C's flag and show one progress line on standard error.
        session.interruptCheck = { LineEditor.interruptRequested }
        session.progressLine = { text in
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        }
    }

    /// Reads and runs commands until the user leaves.
    func run() {
        let w = session.workspace
        let years = w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)"
        print("\(w.name): \(w.agents.count) agents, \(years). Tab completes; 'help' lists topics; Ctrl-D leaves.")
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
                if let run = settle(text) {
                    LineEditor.clearInterrupt()
                    let output = session.execute(run)
                    LineEditor.clearInterrupt()
                    show(output)
                    if output.leave, leave() { return }
                }
            case .interrupted:
                print("^C")
                pending = []
            case .endOfInput:
                print()
                if !pending.isEmpty {
                    pending = []
                    print("(the unfinished command was dropped)")
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
        dialog(LeaveDialog.start(isDirty: session.isDirty, file: session.path))
    }

    /// Asks before a command that would lose work, as leaving does: `load FILE`
    /// over unsaved changes (offering to save them first), `save` over a file
    /// another program changed. Returns the command to run (`load! FILE`,
    /// `save! …`), or `nil` when the user stayed.
    func settle(_ text: String) -> String? {
        let command = text.trimmingCharacters(in: .whitespaces)
        let word = command.prefix { !$0.isWhitespace }
        let rest = command.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        if word == "load", !rest.isEmpty, session.isDirty {
            return dialog(LeaveDialog.startLoading(rest, isDirty: true, file: session.path)) ? "load! " + rest : nil
        }
        if word == "save", let conflict = session.saveConflict(rest) {
            print(conflict)
            return dialog(.ask(.overwrite(file: rest.isEmpty ? session.path ?? rest : rest), message: nil)) ? "save! " + rest : nil
        }
        return text
    }

    /// Runs a dialog from `first`; true when it ends in `.leave` (go on).
    func dialog(_ first: LeaveDialog.Step) -> Bool {
        var step = first
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
                Shell.readingFileName = question == .fileName
                defer { Shell.readingFileName = false }
                if case .line(let text) = editor.readLine(prompt: question.prompt) { answer = text } else {
                    print()
                    answer = nil
                }
                step = LeaveDialog.next(after: question, answer: answer)
            }
        }
    }

    /// Adapts `Completion` (Character offsets) to `LineEditor` (UTF-8
    /// offsets); a file name being read completes as the argument of `save`.
    static func complete(line: String, cursorByte: Int, session: Session) -> (replaceFrom: Int, candidates: [String], append: Character?) {
        let lead = readingFileName ? "save " : ""
        let head = String(decoding: line.utf8.prefix(cursorByte), as: UTF8.self)
        let result = Completion.candidates(line: lead + line, cursor: lead.count + head.count, session: session)
        let fromByte = line.prefix(max(0, result.replaceFrom - lead.count)).utf8.count
        return (fromByte, result.candidates, result.append)
    }
}
