/// Something in a plan that is allowed but probably pays the wrong amount: the
/// definition still lands, and the owner is told, with a caret under the place.
///
/// Found when a definition is entered (the compiler's warnings) or when the plan
/// is checked against the scenario's data (`PlanCheck`): see docs/language.md, "Warnings".
public struct PlanWarning: Equatable, Sendable {
    /// What kind of trap this is; tests and the `check` command group by it.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        /// A quarter, half or year figure read into a shorter rule without `paid()` or a month test:
        /// it counts in every month of its period.
        case periodFigureInShorterRule = "period-figure"
        /// A definition whose name hides an agent attribute, an order field, a built-in,
        /// or replaces an input, parameter or attribute of another kind.
        case shadowsName = "shadows"
        /// The plan's pay figure is not zero in a month where the agent is not employed.
        case payOutsideEmployment = "pay-outside-employment"
        /// A rule that reads nothing that can change: the same value in every cell.
        case neverChanges = "never-changes"
        /// An entered value outside the range its input declares (`range 0..`).
        case inputOutOfRange = "out-of-range"
        /// A tier table that leaves amounts below its first threshold without a tier of their own.
        case tierGap = "tier-gap"
        /// A tier table whose thresholds (as parameters now stand) do not rise: tiers overlap.
        case tierOverlap = "tier-overlap"
        /// Gross or take-home pay below zero in a period (`PayConcern`).
        case negativePay = "negative-pay"
        /// A month employed paid under the plan's `minimum_wage` (`PayConcern`).
        case belowMinimumWage = "below-minimum-wage"
        /// The pay figure is an error value (an absurd parameter made it overflow): said with where it started.
        case payError = "pay-error"
        /// A parameter or tier table that no definition reads (and payplan reads by no setting's name):
        /// it changes no figure (`check` says so; fresh-user finding 6, session 13).
        case unused = "unused"
    }
    public var kind: Kind
    /// The name of the definition the warning is about (`pay`, `commission_tiers`).
    public var definition: String
    public var message: String
    /// The same message in Chinese (shown under `set lang zh`).
    public var messageZh: String
    /// The place in `source` to put the caret under, in characters; `nil` for the whole definition.
    public var range: SourceRange?
    /// The definition's source text (or the command line) that `range` points into.
    public var source: String
    /// For a `payError` warning: the pay cell, its error value and how many more pay figures are errors,
    /// so that the REPL says the error in the session's language (`message` is its English).
    public var payError: PayError?

    /// A pay figure that is an error value (`Kind.payError`).
    public struct PayError: Equatable, Sendable {
        /// The pay cell, `李雷.pay[2026-03]`.
        public var cell: CellReference
        public var error: EvalError
        /// How many other pay figures are error values too (not listed).
        public var more: Int
        /// The pay figure's label (应发工资), and where the error started with its figure's label.
        public var label: String? = nil
        public var origin: ErrorOrigin? = nil
        public init(cell: CellReference, error: EvalError, more: Int, label: String? = nil, origin: ErrorOrigin? = nil) {
            self.cell = cell; self.error = error; self.more = more; self.label = label; self.origin = origin
        }
    }

    public init(_ kind: Kind, definition: String, message: String, zh: String? = nil, range: SourceRange?, source: String) {
        self.kind = kind; self.definition = definition; self.message = message; self.messageZh = zh ?? message
        self.range = range; self.source = source
    }

    /// The period's Chinese name in messages: 月, 季度, 半年, 年.
    public static func zh(_ g: Grain) -> String {
        switch g { case .month: "月"; case .quarter: "季度"; case .half: "半年"; case .year: "年"; case .none: "方案" }
    }

    /// The text under the caret (`qbonus`), or `""` when the warning has no place.
    public var placeText: String {
        guard let r = range else { return "" }
        let chars = Array(source)
        guard r.lowerBound >= 0, r.upperBound <= chars.count else { return "" }
        return String(chars[r])
    }
}
