import Foundation

/// A pull reader over the UTF-8 bytes of a JSON text, for scenario files.
///
/// The caller walks the document by its schema (`object`, `array`, `string`,
/// `fixed`, …), so values are typed as they are read: money goes from its bytes
/// to `Fixed` without a `String` or a `Double` in between, and nothing builds a
/// tree. Foundation's `JSONDecoder` took three quarters of opening a 10,000-agent
/// scenario; this reads the same file in a fraction of that.
///
/// Errors are `JSONReadError`: a syntax error at a byte offset (turned into a line
/// and column by `JSONSyntax.place`), or a value of the wrong kind at a path such as
/// `agents[2].hired`.
struct JSONReader {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Where the reader is, for messages: object keys and list indices from the top.
    var path: [JSONPathItem] = []
    /// Nesting depth (objects and lists), limited like `JSONSyntax`.
    var depth = 0
    /// Where the key of the member being read starts (for messages about the key itself).
    var keyOffset = 0
    /// Read a body's `inputs` into `ScenarioFile.TypedInputs` (`ScenarioFile.readBody(_:typedInputs:)`).
    var typedInputs = false

    /// A reader at the first byte, or after a UTF-8 byte-order mark (EF BB BF), which Windows Notepad
    /// writes and RFC 8259 §8.1 lets a reader ignore (fresh-user finding M3: such a file was refused as
    /// "line 1, column 1: expected a value").
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    // MARK: Errors

    func syntax(_ problem: ScenarioError.JSONProblem) -> JSONReadError { .syntax(offset: i, problem) }
    func wrong(_ kind: ScenarioError.Kind) -> JSONReadError { .field(path: JSONPathItem.text(path), kind) }

    // MARK: Structure

    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// The first byte of the next value (after white space), or `nil` at the end.
    mutating func peek() -> UInt8? {
        skipSpace()
        return i < b.count ? b[i] : nil
    }

    /// Consumes `null` when it comes next; true when it did.
    mutating func null() throws -> Bool {
        guard peek() == 0x6E else { return false }
        try literal("null")
        return true
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { throw syntax(.expectedValue) }
        i += n
    }

    /// Reads an object, calling `member` with each key, the reader at its value (which `member` must consume).
    /// - Throws: `JSONReadError`; "expected an object here" when the value is not one.
    mutating func object(_ member: (inout JSONReader, String) throws -> Void) throws {
        let empty = try openObject()
        defer { depth -= 1 }
        if empty { return }
        // A key given twice would silently replace the first value (a second empty "plan"
        // replacing the plan): refused at the second one. Small objects scan, larger ones hash.
        var seen: [String] = [], seenSet: Set<String> = []
        while true {
            guard peek() == 0x22 else { throw syntax(.expectedString) }
            keyOffset = i
            let key = try rawString()
            let repeated: Bool
            if seen.count < 16 { repeated = seen.contains(key); seen.append(key); if seen.count == 16 { seenSet = Set(seen) } }
            else { repeated = !seenSet.insert(key).inserted }
            if repeated {
                throw JSONReadError.at(offset: keyOffset, .keyTwice(key))
            }
            guard peek() == 0x3A else { throw syntax(.expectedColon) }
            i += 1
            path.append(.key(key))
            try member(&self, key)
            path.removeLast()
            if try !nextMember() { return }
        }
    }

    /// Opens the object at the next value, one level deeper (the caller goes back up: `defer { depth -= 1 }`);
    /// true when it is empty, its `}` consumed too.
    /// - Throws: `JSONReadError`; "expected an object here" when the value is not one.
    mutating func openObject() throws -> Bool {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        guard c == 0x7B else { try mismatch(.object) }
        i += 1
        depth += 1
        guard depth < 512 else { throw syntax(.nestedTooDeeply) }
        if peek() == 0x7D { i += 1; return true }
        return false
    }

    /// After an object's member: true at a `,` (another member follows), false at the closing `}`, both consumed.
    mutating func nextMember() throws -> Bool {
        guard let d = peek() else { throw syntax(.endsInsideObject) }
        if d == 0x2C { i += 1; return true }
        if d == 0x7D { i += 1; return false }
        throw syntax(.expectedCommaOrBrace)
    }

    /// Reads a list, calling `element` with each index, the reader at the element.
    /// - Throws: `JSONReadError`; "expected a list here" when the value is not one.
    mutating func array(_ element: (inout JSONReader, Int) throws -> Void) throws {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        guard c == 0x5B else { try mismatch(.list) }
        i += 1
        depth += 1
        guard depth < 512 else { throw syntax(.nestedTooDeeply) }
        defer { depth -= 1 }
        if peek() == 0x5D { i += 1; return }
        var n = 0
        while true {
            path.append(.index(n))
            try element(&self, n)
            path.removeLast()
            n += 1
            guard let d = peek() else { throw syntax(.endsInsideList) }
            if d == 0x2C { i += 1; continue }
            if d == 0x5D { i += 1; return }
            throw syntax(.expectedCommaOrBracket)
        }
    }

    /// Throws for a value of the wrong kind: a syntax error if it is not even a value, else "expected KIND here".
    mutating func mismatch(_ kind: ScenarioError.ValueKind) throws -> Never {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        if c == 0x6E, i + 4 <= b.count, memcmp(b.baseAddress! + i, "null", 4) == 0 { throw wrong(.valueMissing) }
        throw wrong(.expected(kind))
    }

    // MARK: Values

    /// Reads a string value.
    mutating func string() throws -> String {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        guard c == 0x22 else { try mismatch(.text) }
        return try rawString()
    }

    /// Reads a string or `null` (`nil`).
    mutating func optionalString() throws -> String? {
        if try null() { return nil }
        return try string()
    }

    /// Reads an exact amount written as a string (`"3000.10"`), from its bytes.
    /// - Throws: for text, why it is not an amount (`Fixed.DecimalTextProblem`): "'TEXT' is too large: amounts go
    ///   up to 10²⁶", "'TEXT' has N decimal places; amounts have at most 12", "'TEXT' is not an amount …"; for a
    ///   JSON number, "3000.1 is written as a number: write an amount as a string …"; else "expected text here".
    mutating func fixed() throws -> Fixed {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        if c == 0x2D || c &- 0x30 < 10 {
            let start = i
            try number()
            throw wrong(.notExactDecimal(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)))
        }
        guard c == 0x22 else { try mismatch(.text) }
        // The common case: no escapes; parse the bytes between the quotes.
        if let v = plainAmount() { return v }
        let text = try rawString()
        switch Fixed.decimalTextProblem(text) {
        case nil: return Fixed(decimalText: text)!
        case .tooLarge: throw wrong(.amountTooLarge(text))
        case .tooManyDecimals(let d): throw wrong(.tooManyDecimals(text, digits: d))
        case .notDecimal: throw wrong(.notAnAmount(text))
        }
    }

    /// An amount written as plain decimal text between quotes (`"3000.10"`, no escapes) at the next value,
    /// consumed; `nil`, with nothing consumed, for anything else (which `fixed` reads or refuses).
    mutating func plainAmount() -> Fixed? {
        guard peek() == 0x22 else { return nil }
        var j = i + 1
        while j < b.count, b[j] != 0x22, b[j] != 0x5C, b[j] >= 0x20 { j += 1 }
        guard j < b.count, b[j] == 0x22, let v = Fixed.parseDecimal(UnsafeBufferPointer(rebasing: b[(i + 1)..<j])) else { return nil }
        i = j + 1
        return v
    }

    /// Reads a whole number (a JSON number without fraction or exponent that fits an `Int`).
    mutating func int() throws -> Int {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        guard c == 0x2D || c &- 0x30 < 10 else { try mismatch(.wholeNumber) }
        let start = i
        try number()
        var k = start, negative = false, v = 0
        if b[k] == 0x2D { negative = true; k += 1 }
        while k < i, b[k] &- 0x30 < 10 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b[k] &- 0x30))
            if o1 || o2 { throw wrong(.expected(.wholeNumber)) }
            v = s; k += 1
        }
        guard k == i, k > start + (negative ? 1 : 0) else { throw wrong(.expected(.wholeNumber)) }
        return negative ? -v : v
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skip() throws {
        guard let c = peek() else { throw syntax(.endsWhereValueExpected) }
        switch c {
        case 0x7B: try object { r, _ in try r.skip() }
        case 0x5B: try array { r, _ in try r.skip() }
        case 0x22: _ = try rawString()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: try number()
        }
    }

    /// Consumes a number's bytes, as `JSONSyntax` accepts them.
    mutating func number() throws {
        let start = i
        if i < b.count, b[i] == 0x2D { i += 1 }
        while i < b.count {
            let c = b[i]
            guard c &- 0x30 < 10 || c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2B || c == 0x2D else { break }
            i += 1
        }
        if i == start { throw syntax(.expectedValue) }
    }

    /// Reads a string at `i` (which is a quote), decoding escapes; the text must be UTF-8.
    mutating func rawString() throws -> String {
        i += 1
        let start = i
        var ascii = true
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                let slice = UnsafeBufferPointer(rebasing: b[start..<i])
                i += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else {
                    i = start - 1
                    throw syntax(.notUTF8)
                }
                return s
            }
            if c == 0x5C { i = start; return try escapedString() }
            if c < 0x20 { throw syntax(.controlCharacter) }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        throw syntax(.stringNotClosed)
    }

    /// The slow path of `rawString`, from its first byte: escapes decoded into a byte buffer.
    mutating func escapedString() throws -> String {
        var out: [UInt8] = []
        let start = i
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    i = start - 1
                    throw syntax(.notUTF8)
                }
                return s
            }
            if c < 0x20 { throw syntax(.controlCharacter) }
            guard c == 0x5C else { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { break }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: \uD83D\uDE00.
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { i -= 6; throw syntax(.loneSurrogate) }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { i -= 12; throw syntax(.loneSurrogate) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { i -= 6; throw syntax(.loneSurrogate) }
                out.append(contentsOf: UTF8.encode(u)!)
            default:
                i -= 2
                throw syntax(.unknownEscape)
            }
        }
        throw syntax(.stringNotClosed)
    }

    /// Four hex digits at `i`.
    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw syntax(.escapeHexDigits) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw syntax(.escapeHexDigits)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// After the top-level value only white space may follow.
    mutating func end() throws {
        if peek() != nil { throw syntax(.textAfterEnd) }
    }
}

/// One step of a path into a JSON document.
enum JSONPathItem {
    case key(String), index(Int)

    /// `agents[2].hired`, `inputs.李雷.sales.2026-03` (as `ScenarioFile.pathText` writes Codable paths).
    static func text(_ path: [JSONPathItem]) -> String {
        var s = ""
        for p in path {
            switch p {
            case .index(let n): s += "[\(n)]"
            case .key(let k): s += s.isEmpty ? k : "." + k
            }
        }
        return s
    }
}

/// What went wrong reading a JSON document.
enum JSONReadError: Error {
    /// The text is not JSON at byte `offset`.
    case syntax(offset: Int, ScenarioError.JSONProblem)
    /// A value is of the wrong kind (or missing) at `path` (empty: the top).
    case field(path: String, ScenarioError.Kind)
    /// Valid JSON that a scenario cannot hold (a key twice, a misspelled key), at byte `offset`.
    case at(offset: Int, ScenarioError.Kind)
}
