/// A participant (业务员, 客服): a person paid by the plan.
///
/// The standard attributes have fields; anything else an owner records
/// (`team=north`, `account=main`) is kept in `extra`. Every attribute can be
/// read in a formula by its name: `base`, `hired`, `left`, `role`, `id`, `name`.
public struct Agent: Hashable, Sendable {
    /// Display name, unique in the workspace (`李雷`).
    public var name: String
    /// Employee ID (工号), e.g. `S01`.
    public var id: String?
    /// Role, e.g. `sales`, `after-sales`.
    public var role: String?
    /// Hire date; the hire month is month 1 of `tenure`.
    public var hired: Day?
    /// Leave date, if the agent has left.
    public var left: Day?
    /// Monthly base salary in CNY.
    public var base: Fixed?
    /// Other attributes, as typed (`key=value`): numbers, dates and text.
    public var extra: [String: AttributeValue]
    /// Keys of the agent's record in the scenario file that payplan does not read (`"phone"`),
    /// written back unchanged by a save (`KeptKeys`).
    public var kept: [KeptKey] = []

    public init(name: String, id: String? = nil, role: String? = nil, hired: Day? = nil, left: Day? = nil,
                base: Fixed? = nil, extra: [String: AttributeValue] = [:]) {
        self.name = name; self.id = id; self.role = role; self.hired = hired; self.left = left
        self.base = base; self.extra = extra
    }

    /// The attribute called `key` as a value, or `nil` when the agent has none.
    ///
    /// - Complexity: O(1) for the standard attributes (told apart by their length first, so
    ///   a lookup compares one name, not six: the evaluator reads `base` in every month's cell);
    ///   a dictionary lookup for the others.
    public func attribute(_ key: String) -> Value? {
        switch key.utf8.count {
        case 2: if key == "id" { return id.map(Value.text) }
        case 4:
            if key == "base" { return base.map(Value.number) }
            if key == "name" { return .text(name) }
            if key == "role" { return role.map(Value.text) }
            if key == "left" { return left.map(Value.date) }
        case 5: if key == "hired" { return hired.map(Value.date) }
        default: break
        }
        return extra[key]?.value
    }

    /// The names of the standard attributes.
    public static let standardAttributes = ["name", "id", "role", "hired", "left", "base"]

    /// Sets an attribute from text as typed in `agent add 李雷 base=3000 hired=2025-06-01`.
    ///
    /// - Throws: `SourceError` when a date or amount does not parse.
    public mutating func set(_ key: String, text: String) throws {
        switch key {
        case "name": name = text
        case "id": id = text
        case "role": role = text
        case "hired", "left":
            guard let d = Day(text: text) else { throw SourceError(.expectedDate(key: key, text: text)) }
            if key == "hired" { hired = d } else { left = d }
        case "base":
            guard let n = try? Parser.expression(text).constantAmount() else {
                throw SourceError(.expectedBase(text))
            }
            base = n
        default:
            extra[key] = AttributeValue(text: text)
        }
    }
}

/// An attribute's or order field's value: a number, a date, yes/no, or text.
public enum AttributeValue: Hashable, Sendable, Codable {
    case number(Fixed), date(Day), text(String), flag(Bool)

    /// Reads typed text: amounts (`3000`, `1.5万`) become numbers, `2025-06-01`
    /// a date, `yes`/`no` a flag, the rest text.
    ///
    /// The shapes scenario files and exports write most (`3000.1`, `-5`, `2026-03-02`,
    /// `cash`) are classified from the bytes; anything else goes through the
    /// pay-language parser, with the same result either way.
    /// - Complexity: O(n) in the text's UTF-8 bytes.
    public init(text: String) {
        var t = text
        if let fast = t.withUTF8({ AttributeValue.classify($0, text) }) { self = fast; return }
        self = AttributeValue.parsed(text)
    }

    /// The byte-level classification of `init(text:)`: a constructor for the value, or
    /// `nil` when the text needs the parser.
    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ text: String) -> AttributeValue? {
        if b.count == 3, b[0] == 0x79, b[1] == 0x65, b[2] == 0x73 { return .flag(true) }   // yes
        if b.count == 2, b[0] == 0x6E, b[1] == 0x6F { return .flag(false) }                 // no
        if let d = Day.parseISO(b) { return .date(d) }
        // Plain decimals: -?digits(.digits)?, as the lexer reads them.
        var i = 0
        if i < b.count, b[i] == 0x2D { i += 1 }
        let digitsStart = i
        while i < b.count, b[i] &- 0x30 < 10 { i += 1 }
        if i > digitsStart {
            var plain = i == b.count
            if !plain, b[i] == 0x2E {
                let f = i + 1
                var j = f
                while j < b.count, b[j] &- 0x30 < 10 { j += 1 }
                plain = j == b.count && j > f
            }
            if plain, let n = Fixed.parseDecimal(b) { return .number(n) }
            return nil
        }
        // No digit at all (ASCII, or full-width ０–９ = EF BC 90–99): the lexer makes no number of it, and no date.
        var k = 0
        while k < b.count {
            let c = b[k]
            if c &- 0x30 < 10 { return nil }
            if c == 0xEF, k + 2 < b.count, b[k + 1] == 0xBC, b[k + 2] &- 0x90 < 10 { return nil }
            k += 1
        }
        return .text(text)
    }

    /// `init(text:)` through the pay-language parser (the general case).
    static func parsed(_ text: String) -> AttributeValue {
        if text == "yes" || text == "no" { return .flag(text == "yes") }
        if let d = Day(text: text), text.contains("-") || text.contains("/") { return .date(d) }
        // A single amount, possibly negative (`-5000`, `¥1,200`, `1.5万`); `138-1234-5678` stays text.
        if let e = try? Parser.expression(text) {
            switch e.kind {
            case .number(let n): return .number(n)
            case .unary("-", let a): if case .number(let n) = a.kind { return .number(-n) }
            default: break
            }
        }
        return .text(text)
    }
    public var value: Value {
        switch self { case .number(let n): .number(n); case .date(let d): .date(d); case .text(let s): .text(s); case .flag(let b): .bool(b) }
    }
    public var text: String {
        switch self {
        case .number(let n): n.description; case .date(let d): d.description; case .text(let s): s; case .flag(let b): b ? "yes" : "no"
        }
    }
    public init(from decoder: Decoder) throws { self.init(text: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text) }
}
