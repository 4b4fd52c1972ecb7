/// One token of the pay language.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A number with its unit folded in: `12万` → 120000, `2%` → 0.02, `40k` → 40000.
        case number(Fixed)
        case string(String)
        case date(Day)
        case period(Period)
        case identifier(String)
        /// Operators and punctuation, normalised to ASCII: `×` → `*`, `≤` → `<=`, `（` → `(`.
        case symbol(String)
        case end
    }
    public let kind: Kind
    public let range: SourceRange

    public var identifier: String? { if case .identifier(let s) = kind { s } else { nil } }
    public func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    public func isKeyword(_ s: String) -> Bool { kind == .identifier(s) }
}
