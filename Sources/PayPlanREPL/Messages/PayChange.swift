import PayPlan

/// A pay figure that an edit, undo or redo changed: `李雷.pay[2026-03]: 5,000.00 → 5,500.00`.
/// Its tone is `.better` when the new amount is larger, `.worse` when smaller, so the shell
/// colours it green or red from the values, in any language.
public struct PayChange: MessageCatalogue, Equatable {
    /// The figure as users write it (`李雷.pay[2026-03]`, `pool[2026-03]`).
    public var cell: String
    /// The value before; `nil` when the figure did not exist (shown `—`).
    public var old: Value?
    /// The value after; `nil` when the figure is gone (shown `—`).
    public var new: Value?

    public init(cell: String, old: Value?, new: Value?) { self.cell = cell; self.old = old; self.new = new }

    public var wording: Wording {
        let text = "\(cell): \(old?.displayText ?? "—") → \(new?.displayText ?? "—")"
        return Wording(en: text, zh: text)
    }

    public var tone: Tone {
        guard case .number(let a)? = old, case .number(let b)? = new, a != b else { return .plain }
        return b > a ? .better : .worse
    }

    public static var samples: [PayChange] {
        [PayChange(cell: "李雷.pay[2026-03]", old: .number(Fixed(5000)), new: .number(Fixed(5500))),
         PayChange(cell: "李雷.pay[2026-03]", old: nil, new: .number(Fixed(5000)))]
    }
}

/// What an edit says besides the changed pay figures.
public enum ChangeMessage: MessageCatalogue {
    /// No pay figure changed.
    case noPayChange
    /// More changes than the session prints (`changeLimit`).
    case morePayChanges(Int)

    public var wording: Wording {
        switch self {
        case .noPayChange: Wording(en: "(no pay figure changed)", zh: "（没有工资数字变化）")
        case .morePayChanges(let n): Wording(en: "… and \(n) more pay figures changed", zh: "……另有 \(n) 个工资数字变化")
        }
    }

    public static var samples: [ChangeMessage] { [.noPayChange, .morePayChanges(12)] }
}
