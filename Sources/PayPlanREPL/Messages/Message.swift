/// A message payplan shows the user, as data: a case of an enum with typed arguments (cell
/// names, money as `Fixed`, periods, names, counts), rendered late — in the session's language
/// when `Session.execute` hands its `Output` back — and coloured from its `tone`, never by
/// matching the printed text.
///
/// ## How to add a message
/// 1. Find the enum of the command area in `Sources/PayPlanREPL/Messages/` (`EditMessage`,
///    `FileMessage`, `AgentMessage`, … one file each) or start a new `XxxMessage.swift` there
///    for a new area: `public enum XxxMessage: MessageCatalogue`.
/// 2. Add a case with typed arguments (`case saved(file: String)`, `case removedAgents(names: [String])`,
///    money as `Fixed`, a period as `Period`, counts as `Int`).
/// 3. In `wording`, write its English and Chinese together:
///    `case .saved(let f): Wording(en: "saved \(f)", zh: "已保存 \(f)")`. Chinese keeps names, IDs,
///    files and REPL syntax as they are and has no other English word.
/// 4. If it is not plain, give it a `tone` (`.heading`, `.warning`, `.better`/`.worse` for a pay
///    figure that changed).
/// 5. Add one sample of the case to `samples` (the catalogue test fails for a case with no
///    sample, a sample with no Chinese, or a Chinese text with English words).
/// 6. A new enum goes into `MessageCatalogues.all`.
/// 7. Use it: `Output(message: XxxMessage.saved(file: f))`, `out.add(…)`, `Output.error(…)`,
///    `Diagnostic(XxxMessage.…, source: line, range: r)`. Nothing is translated by matching
///    text: a line not built from a message shows as written.
public protocol Message: Sendable {
    /// The message in English and in Chinese.
    var wording: Wording { get }
    /// What the message means, for its colour (`.plain` unless the message says otherwise).
    var tone: Tone { get }
}

extension Message {
    public var tone: Tone { .plain }
    /// The message's text in `language`.
    public func text(_ language: DisplayLanguage) -> String { wording[language] }
}

/// A kind of message (an enum of one command area) that can list an example of each of its
/// cases, so that a test renders every message in both languages.
public protocol MessageCatalogue: Message {
    /// At least one value of every case, with typical arguments (a name such as 李雷, a cell
    /// such as 李雷.pay[2026-03], a file such as a.json).
    static var samples: [Self] { get }
}
