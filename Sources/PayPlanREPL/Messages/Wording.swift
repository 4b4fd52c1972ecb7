/// One message written in both languages payplan speaks: what a `Message` renders to.
///
/// Both are written together, in the message's own `switch` case, so that no message can exist
/// in one language only. Names, IDs, file names and REPL syntax (`undo`, `save!`, `李雷.pay[2026-03]`)
/// stay as they are in the Chinese text; every other word is Chinese.
public struct Wording: Sendable, Equatable {
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    public init(en: String, zh: String) { self.en = en; self.zh = zh }

    /// The text in `language`.
    public subscript(_ language: DisplayLanguage) -> String { language == .zh ? zh : en }

    /// Both texts with `suffix`'s after them (`"…; nothing was changed"`).
    public func followed(by suffix: Wording) -> Wording { Wording(en: en + suffix.en, zh: zh + suffix.zh) }
}
