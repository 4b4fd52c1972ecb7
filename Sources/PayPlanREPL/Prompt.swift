import Foundation

/// The interactive shell's prompts.
public enum Prompt {
    /// `electronics-sales> `, with `*` before `>` when there are unsaved changes.
    public static func main(name: String, isDirty: Bool) -> String {
        TerminalText.safe(name) + (isDirty ? "*" : "") + "> "
    }

    /// Shown while a command continues on the next line (open bracket, trailing operator or `\`):
    /// it says the shell is waiting for the rest (an empty line or Ctrl-C abandons the command).
    public static func continuation(_ language: DisplayLanguage) -> String {
        language == .zh ? "……（未写完）> " : "...(unfinished)> "
    }
}

/// Where the interactive history is kept.
public enum History {
    /// `$XDG_STATE_HOME/payplan/history`, else `~/.local/state/payplan/history`;
    /// `nil` without a usable `XDG_STATE_HOME` (it must be absolute) or `HOME`.
    public static func filePath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/payplan/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/payplan/history"
        }
        return nil
    }

    /// A command as one history line: continued lines joined with spaces
    /// (trailing `\` markers removed), so Up recalls it whole and it runs again as is.
    public static func entry(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            var s = line.trimmingCharacters(in: .whitespaces)
            if s.hasSuffix("\\") { s.removeLast() }
            return s.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Leaving (Ctrl-D or `quit`) never loses changes silently: with unsaved
/// changes it asks `save changes to FILE? [y/n/c]` and, when the workspace
/// has no file yet, for a file name. A pure state machine; the shell reads
/// the answers and runs the saves.
public enum LeaveDialog {
    /// A question the shell asks, reading the answer on one line.
    public enum Question: Equatable, Sendable {
        /// Save before leaving? `file` is the workspace's file, if it has one.
        case saveChanges(file: String?)
        /// Which file to save to (the workspace has none).
        case fileName
        /// Save before `load` replaces the workspace? `file` as above, `loading` the file to load.
        case saveBeforeLoading(file: String?, loading: String)
        /// Overwrite a file another program changed since payplan read or wrote it? [y/n]
        case overwrite(file: String)

        /// The question as a message.
        public var message: ShellMessage {
            switch self {
            case .saveChanges(let file): .saveChanges(file: file)
            case .fileName: .saveAs
            case .saveBeforeLoading(let file, let loading): .saveBeforeLoading(file: file, loading: loading)
            case .overwrite(let file): .overwrite(file: file)
            }
        }
        /// The prompt to read the answer with, in English.
        public var prompt: String { message.text(.en) }
        /// The prompt to read the answer with, in `language`.
        public func prompt(_ language: DisplayLanguage) -> String { message.text(language) }
    }

    /// What the shell does next.
    public enum Step: Equatable, Sendable {
        /// Leave the program.
        case leave
        /// Ask this question (after printing `message` when there is one).
        case ask(Question, message: ShellMessage?)
        /// Run `save FILE`; leave if it succeeds, else stay (its error says why).
        case save(file: String)
        /// Back to the prompt, with nothing lost.
        case stay(message: ShellMessage)
    }

    /// The first step when the user asks to leave.
    public static func start(isDirty: Bool, file: String?) -> Step {
        isDirty ? .ask(.saveChanges(file: file), message: nil) : .leave
    }

    /// The first step of `load FILE` over the workspace: `.leave` means go on and load.
    public static func startLoading(_ loading: String, isDirty: Bool, file: String?) -> Step {
        isDirty ? .ask(.saveBeforeLoading(file: file, loading: loading), message: nil) : .leave
    }

    /// The step after `answer` to `question`; `nil` means the answer was
    /// cut short (Ctrl-C or Ctrl-D), which cancels rather than loses anything.
    public static func next(after question: Question, answer: String?) -> Step {
        var cancelled = Step.stay(message: .notLeft)
        if case .saveBeforeLoading(_, let loading) = question { cancelled = .stay(message: .notLoaded(loading)) }
        if case .overwrite(let file) = question { cancelled = .stay(message: .notOverwritten(file)) }
        guard let answer = answer?.trimmingCharacters(in: .whitespaces) else { return cancelled }
        switch question {
        case .saveChanges(let file), .saveBeforeLoading(let file, _):
            let then: ShellMessage.Then = if case .saveBeforeLoading = question { .load } else { .leave }
            switch answer.lowercased() {
            case "y", "yes", "是": return file.map { .save(file: $0) } ?? .ask(.fileName, message: nil)
            case "n", "no", "否": return .leave
            case "c", "cancel", "取消": return cancelled
            default: return .ask(question, message: .answerSave(then))
            }
        case .overwrite:
            switch answer.lowercased() {
            case "y", "yes", "是": return .leave
            case "n", "no", "c", "cancel", "否", "取消": return cancelled
            default: return .ask(question, message: .answerOverwrite)
            }
        case .fileName:
            return answer.isEmpty ? cancelled : .save(file: answer)
        }
    }
}
