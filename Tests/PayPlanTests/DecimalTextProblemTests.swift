import Testing
@testable import PayPlan

/// `Fixed.decimalTextProblem` against a reference classifier written here from the grammar's words (optional sign,
/// ASCII digits, at most one point, at least one digit; at most 12 decimals; at most ±10²⁶), on random texts over
/// an alphabet that hits every branch — and `init(decimalText:)` accepting exactly the texts with no problem.
@Suite struct DecimalTextProblemTests {
    /// The reference: string operations only, no `Int128`.
    static func reference(_ t: String) -> Fixed.DecimalTextProblem? {
        var s = Substring(t)
        if let f = s.first, f == "-" || f == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { $0.allSatisfy { "0123456789".contains($0) } }
        guard parts.count <= 2, parts.allSatisfy(digits), parts.map(\.count).reduce(0, +) > 0 else { return .notDecimal }
        let whole = String(parts[0].drop { $0 == "0" })
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let limit = "1" + String(repeating: "0", count: 26)
        let kept = fraction.prefix(12)
        if whole.count > 27 || (whole.count == 27 && (whole > limit || (whole == limit && kept.contains { $0 != "0" }))) {
            return .tooLarge
        }
        return fraction.count > 12 ? .tooManyDecimals(fraction.count) : nil
    }

    @Test func agreesWithTheReferenceOnRandomTexts() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "9", "5", ".", "-", "+", "x", "00000", "9999999999", "1" + String(repeating: "0", count: 26), "１"]
        for _ in 0..<20_000 {
            let t = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Fixed.decimalTextProblem(t) == Self.reference(t), "\(t)")
            #expect((Fixed(decimalText: t) == nil) == (Self.reference(t) != nil), "\(t)")
        }
    }

    /// Hand-picked edges: 10²⁶ itself loads, one more fen beyond does not; 12 decimals load, 13 do not.
    @Test func edges() {
        let e26 = "1" + String(repeating: "0", count: 26)
        #expect(Fixed.decimalTextProblem(e26) == nil)
        #expect(Fixed.decimalTextProblem("-" + e26 + ".000000000000") == nil)
        #expect(Fixed.decimalTextProblem(e26 + ".000000000001") == .tooLarge)
        #expect(Fixed.decimalTextProblem(e26 + ".0000000000001") == .tooManyDecimals(13))
        #expect(Fixed.decimalTextProblem("0.123456789012") == nil)
        #expect(Fixed.decimalTextProblem("0.1234567890123") == .tooManyDecimals(13))
        #expect(Fixed.decimalTextProblem("5.") == nil && Fixed.decimalTextProblem(".5") == nil)
        #expect(Fixed.decimalTextProblem(".") == .notDecimal && Fixed.decimalTextProblem("") == .notDecimal)
        #expect(Fixed.decimalTextProblem("1e5") == .notDecimal)
    }
}
