/// Every kind of message, for the test that renders each one in both languages
/// (`MessageCatalogueTests`). A new message enum is added here.
public enum MessageCatalogues {
    /// Each kind's samples as messages.
    public static let all: [(name: String, samples: [any Message])] = [
        entry(PayChange.self), entry(PayChangeRun.self), entry(ChangeMessage.self), entry(WarningMessage.self), entry(EditMessage.self),
        entry(AgentMessage.self), entry(CommandMessage.self), entry(FileMessage.self), entry(OrderMessage.self),
        entry(SourceMessage.self), entry(StatementMessage.self),
        entry(WhatIfMessage.self), entry(FigureFileMessage.self), entry(ImportMessage.self), entry(ShellMessage.self),
        entry(OfferMessage.self), entry(AttributionMessage.self), entry(AmountMessage.self),
        entry(SourceErrorMessage.self), entry(ArgumentMessage.self), entry(ScenarioErrorMessage.self), entry(ImportErrorMessage.self), entry(JournalMessage.self),
        entry(ExplainMessage.self), entry(ExplainOverPeriodMessage.self), entry(ReviewPageMessage.self), entry(EvalErrorMessage.self),
        entry(ReviewMessage.self), entry(ForecastMessage.self), entry(ImportRefusalMessage.self), entry(ProgressMessage.self), entry(SystemErrorMessage.self),
    ]

    static func entry<M: MessageCatalogue>(_ kind: M.Type) -> (name: String, samples: [any Message]) {
        (String(describing: kind), kind.samples)
    }
}
