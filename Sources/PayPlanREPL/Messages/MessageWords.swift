import PayPlan

/// Pieces several messages share, in both languages: a "did you mean" hint, a span of years,
/// a grain's name, the "nothing was changed" ending.
enum MessageWords {
    /// ` (did you mean 'x'?)` / `（是否想写 'x'？）`, or nothing.
    static func hint(_ name: String?) -> Wording {
        name.map { Wording(en: " (did you mean '\($0)'?)", zh: "（是否想写 '\($0)'？）") } ?? Wording(en: "", zh: "")
    }

    /// `2026` or `2026–2027`.
    static func years(_ y: ClosedRange<Int>) -> String { y.lowerBound == y.upperBound ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)" }

    /// A grain's name: month 月, quarter 季度, half 半年, year 年.
    static func grain(_ g: Grain) -> Wording {
        switch g {
        case .month: Wording(en: "month", zh: "月")
        case .quarter: Wording(en: "quarter", zh: "季度")
        case .half: Wording(en: "half", zh: "半年")
        case .year: Wording(en: "year", zh: "年")
        case .none: Wording(en: "scenario", zh: "整个方案")
        }
    }

    /// A report's first column title and its total row's title.
    static let agentColumn = Wording(en: "agent", zh: "员工"), totalRow = Wording(en: "total", zh: "合计")

    /// `; nothing was changed` / `；未做任何更改`.
    static let nothingChanged = Wording(en: "; nothing was changed", zh: "；未做任何更改")

    /// A list of names, `、`-separated in Chinese, at most 12 then `…`.
    static func names(_ names: [String]) -> Wording {
        let shown = names.prefix(12), more = names.count > 12
        return Wording(en: shown.joined(separator: ", ") + (more ? ", …" : ""), zh: shown.joined(separator: "、") + (more ? "、…" : ""))
    }

    /// A file's column name in Chinese text, in corner brackets (「订单 编号」), so that a name with a space, a
    /// comma or no text at all reads as one name.
    static func zhColumn(_ c: String) -> String { "「\(c)」" }

    /// A file's column names in Chinese text, each in corner brackets, `、`-separated (「订单编号」、「业务员」).
    static func zhColumns(_ cs: [String]) -> String { cs.map(zhColumn).joined(separator: "、") }

    /// `'a', 'b'`.
    static func quoted(_ names: [String]) -> Wording {
        let q = names.map { "'\($0)'" }
        return Wording(en: q.joined(separator: ", "), zh: q.joined(separator: "、"))
    }

    /// How a period is written: the help both languages give.
    static let periodForms = Wording(en: "write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026",
                                     zh: "请写月份 2026-03、季度 2026-Q1、半年 2026-H1 或年份 2026")
}

extension OutputLine {
    /// The line as a `Wording` (old-style English lines pattern-translated for the Chinese).
    var wording: Wording { Wording(en: text(.en), zh: text(.zh)) }
}
