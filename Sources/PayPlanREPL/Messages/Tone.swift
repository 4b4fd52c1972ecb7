/// What a line of output means, from which the interactive shell chooses its colour
/// (`Colour.line(_:tone:)`): colour is never worked out again from the printed text.
public enum Tone: Sendable, Equatable, CaseIterable {
    /// An ordinary result or note: no colour.
    case plain
    /// A title over a table or a section.
    case heading
    /// A warning: the command took effect, but something needs looking at.
    case warning
    /// An error: the command was refused.
    case error
    /// A pay figure that went up (green).
    case better
    /// A pay figure that went down (red).
    case worse
}
