import PayPlan

/// A table of figures as data, so that one table renders as aligned text, CSV, JSON, Markdown or an
/// xlsx sheet (`FigureFormat`): `report`, `compare`, `attribution` and `orders` build one, and the
/// chosen format renders it at the edge.
public struct FigureTable: Equatable, Sendable {
    /// One cell: the text the terminal shows, and for a figure its exact value (CNY, or a count).
    public struct Cell: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// Text (names, notes, yes/no, an error value's code).
            case text
            /// An amount of money (CNY): two decimals in every format.
            case money
            /// A count or a plain number (orders, a total of yes): no forced decimals.
            case count
        }
        /// What the terminal table shows (`18,396.40`, `—`, `#DIV/0!`).
        public var text: String
        /// The exact value, for machine formats; `nil` for text.
        public var number: Fixed?
        public var kind: Kind

        /// A text cell.
        public static func text(_ s: String) -> Cell { Cell(text: s, number: nil, kind: .text) }
        /// An amount of money (CNY), shown as `moneyText`.
        public static func money(_ n: Fixed, shown: String? = nil) -> Cell { Cell(text: shown ?? n.moneyText, number: n, kind: .money) }
        /// A count, shown without decimals.
        public static func count(_ n: Int) -> Cell { Cell(text: "\(n)", number: Fixed(n), kind: .count) }
        /// A computed value as the report shows it: numbers as money, yes/no and error codes as text.
        public static func value(_ v: Value?) -> Cell {
            guard let v else { return .text("") }
            // `displayText` of a number is its amount rounded to 6 digits as money text: rounded once here.
            if case .number(let n) = v { let r = n.rounded(toDigits: 6); return .money(r, shown: r.moneyText) }
            return .text(v.displayText)
        }
        /// The number as plain decimal text for CSV and JSON: no thousands separators, money to at
        /// least two decimals (`18396.40`, `-59.25`, `3`).
        public var plainNumber: String? {
            number.map { $0.format(minimumFractionDigits: kind == .money ? 2 : 0, grouping: false) }
        }
    }

    /// The sheet's name (a period, a fork): an xlsx sheet tab, a JSON key.
    public var name: String
    /// The line above the table (`online-shop-cs — 2026-03`).
    public var title: String
    public var header: [String]
    /// Per column: right-aligned in text (numbers).
    public var rightAligned: [Bool]
    public var rows: [[Cell]] = []
    /// Rows before which text draws a rule (the total row).
    public var separatorBefore: Set<Int> = []

    public init(name: String, title: String, header: [String], rightAligned: [Bool]) {
        self.name = name; self.title = title; self.header = header; self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [Cell]) { rows.append(row) }

    /// The aligned terminal table (no title), as `TextTable` draws it.
    public func textLines() -> [String] {
        var t = TextTable(header: header, rightAligned: rightAligned)
        for r in rows { t.add(r.map(\.text)) }
        t.separatorBefore = separatorBefore
        return t.render()
    }
}
