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
    /// A load (or its undo or redo) changed more pay figures than it lists: how many in all, how many
    /// are new (`— → x`), gone (`x → —`) and have a new amount; a few examples follow.
    case payFiguresSummary(total: Int, new: Int, gone: Int, changed: Int)
    /// After a load's summary: the report that lists every pay figure of the scenario now.
    case seeAllPayFigures(year: Int)

    public var wording: Wording {
        switch self {
        case .noPayChange: Wording(en: "(no pay figure changed)", zh: "（没有工资数字变化）")
        case .morePayChanges(let n): Wording(en: "… and \(n) more pay figures changed", zh: "……另有 \(n) 个工资数字变化")
        case .payFiguresSummary(let total, let new, let gone, let changed):
            Wording(en: "\(total) pay figures changed: \(new) new, \(gone) gone, \(changed) with a new amount; for example:",
                    zh: "\(total) 个工资数字有变化：新增 \(new) 个，不再有 \(gone) 个，金额变化 \(changed) 个；例如：")
        case .seeAllPayFigures(let year):
            Wording(en: "(report \(year) lists every pay figure now)", zh: "（report \(year) 列出现在的全部工资数字）")
        }
    }

    public static var samples: [ChangeMessage] {
        [.noPayChange, .morePayChanges(12), .payFiguresSummary(total: 96, new: 48, gone: 48, changed: 0), .seeAllPayFigures(year: 2026)]
    }
}
