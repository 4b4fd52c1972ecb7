/// Splits pay-language text into tokens.
///
/// Owners type the way they write: `12万`, `1.5万`, `3.5千`, `40k`, `40,000`, `¥40000`,
/// `¥ 40,000`, `¥-500` (as `-¥500`), `3000元`, `2%`, full-width brackets from a Chinese input method (and its `【】` for `[]`), `×` and `÷`,
/// `≤`, `。` for `.` (`李雷。sales`), a space before a unit (`15 万`). Grouping commas are taken only when exactly three digits follow and
/// no space: `max(1, 100)` is two arguments, `1,000` is one thousand.
/// `2026-03-15` is a date, `2026-03`, `2026-Q1`, `2026-H2` are periods
/// (so subtraction between bare numbers needs spaces: `2026 - 1`).
///
/// - Throws: `SourceError` for a malformed number (`12x`), an unknown
///   character or an unterminated string.
public struct Lexer {
    let chars: [Character]
    let source: String
    var i = 0
    /// True after the sign of `¥-5` was read: the number after it is one written after a currency sign.
    var afterCurrencySign = false

    public init(_ source: String) {
        self.source = source
        self.chars = source.map(Lexer.normalise)
    }

    /// Full-width ASCII forms (U+FF01…U+FF5E) become ASCII; the ideographic space a space; the
    /// lenticular brackets a Chinese input method types for `[` and `]` (`【2026-03】`) become them.
    static func normalise(_ c: Character) -> Character {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        if s.value == 0x3010 { return "[" }
        if s.value == 0x3011 { return "]" }
        if s.value >= 0xFF01 && s.value <= 0xFF5E && s.value != 0xFFE5 {
            return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        }
        if s.value == 0x3000 { return " " }
        return c
    }

    /// The one-character symbols and what each reads as, built once (a dictionary built per token
    /// was most of the lexer's time: 17,000 instructions a token).
    static let singles: [Character: String] = [
        "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/",
        "(": "(", ")": ")", "[": "[", "]": "]", ",": ",", "、": ",", ":": ":",
        "=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=", "≠": "!=", ".": ".",
        "→": "->", "\\": "\\", "。": ".",
    ]

    public static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var out: [Token] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    static func isIdentStart(_ c: Character) -> Bool {
        c == "_" || (c.isLetter && c != "万" && c != "亿" && c != "元")
    }
    static func isIdentPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }

    func error(_ kind: SourceError.Kind, _ r: SourceRange) -> SourceError { SourceError(kind, at: r, in: source) }

    public mutating func next() throws -> Token {
        // Skip spaces, newlines and comments.
        while let c = peek() {
            if c.isWhitespace { i += 1; continue }
            if c == "#" { while let d = peek(), d != "\n" { i += 1; _ = d }; continue }
            break
        }
        let start = i
        guard let c = peek() else { return Token(kind: .end, range: i..<i) }

        if Lexer.isDigit(c) {
            defer { afterCurrencySign = false }
            return try number(start: start, currency: afterCurrencySign)
        }
        afterCurrencySign = false
        if c == "¥" || c == "￥" {
            // `¥15,000`, and `¥ 15,000` with a space (or several) before the amount.
            var k = 1
            while let w = peek(k), w == " " || w == "\t" { k += 1 }
            if let d = peek(k), Lexer.isDigit(d) { i += k; return try number(start: start, currency: true) }
            // A sign after the currency sign, as exports and accountants write it: `¥-5` reads as `-¥5`
            // (a minus, then the amount), `¥+5` as `¥5` — the same as the order and performance imports read them.
            if let sign = peek(k), sign == "-" || sign == "−" || sign == "+", let d = peek(k + 1), Lexer.isDigit(d) {
                if sign == "+" { i += k + 1; return try number(start: start, currency: true) }
                i += k + 1
                afterCurrencySign = true
                return Token(kind: .symbol("-"), range: start..<i)
            }
        }
        if c == "." , let d = peek(1), Lexer.isDigit(d) { return try number(start: start, currency: false) }
        if c == "\"" || c == "“" || c == "「" {
            let close: Character = c == "\"" ? "\"" : (c == "“" ? "”" : "」")
            i += 1
            var text = ""
            while let d = peek(), d != close { text.append(d); i += 1 }
            guard peek() == close else { throw error(.unclosedText(close: close), start..<i) }
            i += 1
            return Token(kind: .string(text), range: start..<i)
        }
        if Lexer.isIdentStart(c) {
            while let d = peek(), Lexer.isIdentPart(d) { i += 1 }
            if i - start > Parser.maximumNameLength {
                throw error(.nameTooLong(length: i - start, maximum: Parser.maximumNameLength), start..<i)
            }
            return Token(kind: .identifier(String(chars[start..<i])), range: start..<i)
        }
        // Symbols, longest first.
        let two = peek(1).map { String([c, $0]) } ?? ""
        for s in ["->", "<=", ">=", "!=", "<>", "==", ".."] where two == s {
            i += 2
            let norm = s == "<>" ? "!=" : (s == "==" ? "=" : s)
            return Token(kind: .symbol(norm), range: start..<i)
        }
        if let s = Lexer.singles[c] {
            i += 1
            return Token(kind: .symbol(s), range: start..<i)
        }
        if c == "%" || c == "％" {
            // A percent after a name (`abc%`) or after nothing that is a number (`-> %`): said as such, with the
            // name and the sign under the caret (fresh-user finding 4, session 13: "unexpected character '%'").
            var k = start
            while k > 0, Lexer.isIdentPart(chars[k - 1]) { k -= 1 }
            while k < start, !Lexer.isIdentStart(chars[k]) { k += 1 }
            let name = k < start ? String(chars[k..<start]) : nil
            throw error(.percentWithoutNumber(after: name), k..<(start + 1))
        }
        throw error(.unexpectedCharacter(c), start..<(start + 1))
    }

    /// Reads a number, date or period starting at `i`.
    mutating func number(start: Int, currency: Bool) throws -> Token {
        // Dates and periods: exactly four digits then '-'.
        if !currency, i + 4 < chars.count, chars[i..<(i + 4)].allSatisfy(Lexer.isDigit), chars[i + 4] == "-",
           let after = peek(5), Lexer.isDigit(after) || "QqHh".contains(after) {
            var j = i + 5
            while j < chars.count, Lexer.isIdentPart(chars[j]) || chars[j] == "-" { j += 1 }
            let text = String(chars[i..<j])
            if let d = Day(text: text), text.filter({ $0 == "-" }).count == 2 {
                i = j; return Token(kind: .date(d), range: start..<i)
            }
            if let p = Period(text: text) {
                i = j; return Token(kind: .period(p), range: start..<i)
            }
            throw error(.notDateOrPeriod(text), start..<j)
        }
        var digits = ""
        while let c = peek() {
            if Lexer.isDigit(c) { digits.append(c); i += 1; continue }
            // A grouping comma: exactly three digits follow, then no further digit.
            if c == ",", !digits.isEmpty, !digits.contains("."),
               let a = peek(1), let b = peek(2), let d = peek(3),
               Lexer.isDigit(a), Lexer.isDigit(b), Lexer.isDigit(d), !(peek(4).map(Lexer.isDigit) ?? false) {
                i += 1; continue
            }
            if c == ".", !digits.contains("."), let n = peek(1), Lexer.isDigit(n) { digits.append(c); i += 1; continue }
            // A comma glued to digits that are not a group of three: `1,00`.
            if c == ",", !digits.isEmpty, let a = peek(1), Lexer.isDigit(a) {
                var j = i + 1
                while j < chars.count, Lexer.isDigit(chars[j]) { j += 1 }
                throw error(.commaGroup(String(chars[start..<j])), start..<j)
            }
            break
        }
        guard var value = Fixed(decimalText: digits) else {
            let decimals = digits.split(separator: ".").dropFirst().first?.count ?? 0
            throw error(decimals > Fixed.fractionDigits
                ? .tooManyDecimals(digits, digits: Fixed.fractionDigits) : .tooLarge(digits), start..<i)
        }
        // Unit suffix. Owners often type a space before 万, 亿, 元 or a lone 千 (`15 万`): the
        // space is skipped, since none of them can start a name.
        var k = i
        while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
        if k > i, k < chars.count {
            let u = chars[k]
            let next: Character? = k + 1 < chars.count ? chars[k + 1] : nil
            if u == "万" || u == "亿" || u == "元" || (u == "千" && !(next.map(Lexer.isIdentPart) ?? false)) || (u == "千" && next == "元") {
                i = k
            }
        }
        if let c = peek() {
            var multiplier: Fixed? = nil
            switch c {
            case "万": multiplier = Fixed(10_000)
            case "千": multiplier = Fixed(1_000)
            case "亿": multiplier = Fixed(100_000_000)
            case "k", "K":
                if !(peek(1).map(Lexer.isIdentPart) ?? false) { multiplier = Fixed(1_000) }
            case "%": multiplier = Fixed(raw: Fixed.scale / 100)
            case "元": multiplier = Fixed.one
            default: break
            }
            if let m = multiplier {
                i += 1
                guard let v = Fixed.checkedMultiply(value, m) else { throw error(.tooLarge(String(chars[start..<i])), start..<i) }
                value = v
                if c == "万" || c == "亿" || c == "千", peek() == "元" { i += 1 }
            }
        }
        // `0..100` (a range): the number ends before `..`.
        if let c = peek(), Lexer.isIdentPart(c) || (c == "." && peek(1) != ".") {
            var j = i
            while j < chars.count, Lexer.isIdentPart(chars[j]) || chars[j] == "." { j += 1 }
            // An exponent (`1e26`, `2.5E-3`): said as such, with the sign and digits after it.
            if chars[i] == "e" || chars[i] == "E" {
                var k = i + 1
                if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                    while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                    throw error(.exponent(String(chars[start..<k])), start..<k)
                }
            }
            let text = String(chars[start..<j])
            throw error(.notANumber(text), start..<j)
        }
        return Token(kind: .number(value), range: start..<i)
    }
}
