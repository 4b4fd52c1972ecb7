/// What `review … --html FILE` says when its page cannot be written.
public enum ReviewPageMessage: MessageCatalogue {
    /// The page could not be written: why, in both languages (as the file layer says it).
    case notWritten(Wording)

    public var wording: Wording {
        switch self {
        case .notWritten(let why): why.followed(by: Wording(en: "; no page was written", zh: "；未写入评审页"))
        }
    }

    public var tone: Tone { .error }

    public static var samples: [ReviewPageMessage] {
        [.notWritten(Wording(en: "cannot write 评审.html: Permission denied", zh: "无法写入 评审.html：没有权限"))]
    }
}
