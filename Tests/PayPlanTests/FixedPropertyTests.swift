import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// `Fixed` (Int128 scaled 10¹²) against an independent reference (issue 11, item 7; docs/fuzzing.md):
/// `Reference`, a signed big integer in base 10⁹ written for this test only, that never touches
/// `Int128` arithmetic (values enter and leave it as decimal text). Random operands — biased to the
/// edges: 0, ±1 raw unit, ±10²⁶ and just inside, powers of ten, whole and fen amounts — are checked for
/// `+ − × ÷` (the exact result rounded half away from zero at the 12th decimal; `nil` exactly when
/// that result is outside ±10²⁶, or for ÷ 0), rounding to 0…12 digits in the three modes, parsing of
/// decimal text (the documented grammar: optional sign, digits, optional fraction of at most 12 digits,
/// at least one digit, within ±10²⁶) and printing (`description`, `format(minimumFractionDigits:grouping:)`).
///
/// 2,000 cases per property in `swift test`; `PAYPLAN_FUZZ_FIXED=1000000` runs it long.
@Suite struct FixedPropertyTests {
    // MARK: The reference

    /// A signed integer of any size, base 10⁹ limbs, least significant first, no leading zero limbs.
    struct Reference: Equatable, CustomStringConvertible {
        var negative = false
        var limbs: [UInt64] = []
        static let base: UInt64 = 1_000_000_000

        init(_ text: String) {
            var t = Substring(text)
            if t.first == "-" { negative = true; t = t.dropFirst() } else if t.first == "+" { t = t.dropFirst() }
            var digits = Array(t.drop { $0 == "0" })
            while !digits.isEmpty {
                let chunk = digits.suffix(9)
                limbs.append(UInt64(String(chunk))!)
                digits.removeLast(chunk.count)
            }
            if limbs.isEmpty { negative = false }
        }
        init(negative: Bool, limbs: [UInt64]) {
            var l = limbs
            while l.last == 0 { l.removeLast() }
            self.limbs = l
            self.negative = l.isEmpty ? false : negative
        }
        static func power10(_ n: Int) -> Reference { Reference("1" + String(repeating: "0", count: n)) }

        var isZero: Bool { limbs.isEmpty }
        var description: String {
            guard let top = limbs.last else { return "0" }
            var s = negative ? "-" : ""
            s += String(top)
            for l in limbs.dropLast().reversed() { let d = String(l); s += String(repeating: "0", count: 9 - d.count) + d }
            return s
        }

        static func compareMagnitude(_ a: [UInt64], _ b: [UInt64]) -> Int {
            if a.count != b.count { return a.count < b.count ? -1 : 1 }
            for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            return 0
        }
        static func addMagnitude(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            var r: [UInt64] = [], carry: UInt64 = 0
            for i in 0..<max(a.count, b.count) {
                let s = (i < a.count ? a[i] : 0) + (i < b.count ? b[i] : 0) + carry
                r.append(s % base); carry = s / base
            }
            if carry > 0 { r.append(carry) }
            return r
        }
        /// `a − b` for `a ≥ b`.
        static func subtractMagnitude(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            var r: [UInt64] = [], borrow: UInt64 = 0
            for i in 0..<a.count {
                let x = a[i], y = (i < b.count ? b[i] : 0) + borrow
                if x >= y { r.append(x - y); borrow = 0 } else { r.append(x + base - y); borrow = 1 }
            }
            while r.last == 0 { r.removeLast() }
            return r
        }
        static func + (a: Reference, b: Reference) -> Reference {
            if a.negative == b.negative { return Reference(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
            let c = compareMagnitude(a.limbs, b.limbs)
            if c == 0 { return Reference("0") }
            return c > 0 ? Reference(negative: a.negative, limbs: subtractMagnitude(a.limbs, b.limbs))
                         : Reference(negative: b.negative, limbs: subtractMagnitude(b.limbs, a.limbs))
        }
        static prefix func - (a: Reference) -> Reference { Reference(negative: !a.negative, limbs: a.limbs) }
        static func - (a: Reference, b: Reference) -> Reference { a + (-b) }
        static func * (a: Reference, b: Reference) -> Reference {
            guard !a.isZero, !b.isZero else { return Reference("0") }
            var r = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count + 1)
            for (i, x) in a.limbs.enumerated() {
                var carry: UInt64 = 0
                for (j, y) in b.limbs.enumerated() {
                    let t = r[i + j] + x * y + carry
                    r[i + j] = t % base; carry = t / base
                }
                var k = i + b.limbs.count
                while carry > 0 { let t = r[k] + carry; r[k] = t % base; carry = t / base; k += 1 }
            }
            return Reference(negative: a.negative != b.negative, limbs: r)
        }
        /// `a ÷ b` rounded half away from zero, by long division one decimal digit at a time.
        static func dividedRounded(_ a: Reference, _ b: Reference) -> Reference {
            precondition(!b.isZero)
            let divisor = b.limbs
            var remainder: [UInt64] = []
            var quotient = ""
            for ch in Reference(negative: false, limbs: a.limbs).description {
                // remainder = remainder × 10 + digit
                remainder = (Reference(negative: false, limbs: remainder) * Reference("10") + Reference(String(ch))).limbs
                var q = 0
                while compareMagnitude(remainder, divisor) >= 0 { remainder = subtractMagnitude(remainder, divisor); q += 1 }
                quotient.append(String(q))
            }
            var m = Reference(quotient).limbs
            // Round half away from zero: up when 2 × remainder ≥ divisor.
            if compareMagnitude(addMagnitude(remainder, remainder), divisor) >= 0 { m = addMagnitude(m, [1]) }
            return Reference(negative: a.negative != b.negative, limbs: m)
        }
        /// Rounded toward −∞ to a multiple of `unit` (positive).
        static func floor(_ a: Reference, toMultipleOf unit: Reference) -> Reference {
            let q = truncatedQuotient(a, unit)
            let back = q * unit
            return back != a && a.negative ? (q - Reference("1")) * unit : back
        }
        /// `a ÷ b` toward zero.
        static func truncatedQuotient(_ a: Reference, _ b: Reference) -> Reference {
            var remainder: [UInt64] = [], quotient = ""
            for ch in Reference(negative: false, limbs: a.limbs).description {
                remainder = (Reference(negative: false, limbs: remainder) * Reference("10") + Reference(String(ch))).limbs
                var q = 0
                while compareMagnitude(remainder, b.limbs) >= 0 { remainder = subtractMagnitude(remainder, b.limbs); q += 1 }
                quotient.append(String(q))
            }
            return Reference(negative: a.negative != b.negative, limbs: Reference(quotient).limbs)
        }
    }

    /// 10³⁸: the largest raw magnitude (10²⁶ × 10¹²).
    static let maxRaw = Reference.power10(38)
    static let scale = Reference.power10(12)

    /// The `Fixed` a reference raw value is, or `nil` beyond ±10²⁶.
    static func fixed(_ r: Reference) -> Fixed? {
        Reference.compareMagnitude(r.limbs, maxRaw.limbs) > 0 ? nil : Fixed(raw: Int128(r.description)!)
    }
    static func reference(_ x: Fixed) -> Reference { Reference(String(x.raw)) }

    // MARK: Operands

    /// A random amount in range, biased to the edges.
    static func operand(_ g: inout SplitMix64) -> Fixed {
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        let sign: Int128 = below(2) == 0 ? 1 : -1
        switch below(12) {
        case 0: return Fixed(raw: sign * Int128(below(3)))                                  // 0, ±1 raw unit
        case 1: return Fixed(raw: sign * (Fixed.maxRaw - Int128(below(1000))))              // just inside ±10²⁶
        case 2: var p: Int128 = 1; for _ in 0..<Int(below(39)) { p *= 10 }; return Fixed(raw: sign * p)  // powers of ten
        case 3: return Fixed(raw: sign * Int128(below(1_000_000)) * Fixed.scale)            // whole amounts
        case 4: return Fixed(raw: sign * Int128(below(100_000_000)) * (Fixed.scale / 100))  // amounts in fen
        case 5: return Fixed(raw: sign * Int128(below(1 << 40)) * Int128(below(1 << 40)))   // mid-size
        case 6: return Fixed(raw: sign * Int128(below(UInt64(1e12))))                       // pure fractions
        case 7: return Fixed(raw: sign * (Fixed.maxRaw / Int128(1 + below(1_000_000))))     // large divisors of the edge
        case 8: var p: Int128 = 1; for _ in 0..<Int(below(27)) { p *= 10 }; return Fixed(raw: sign * p * 5 / 10 + sign * Int128(below(2)))  // halves
        default:
            let hi = UInt128(g.next()) << 64 | UInt128(g.next())
            return Fixed(raw: sign * Int128(hi % UInt128(Fixed.maxRaw + 1)))
        }
    }

    static var cases: Int { FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 2_000).count }

    // MARK: Properties

    @Test func additionAndSubtractionAreExactAndOverflowExactlyBeyondTheRange() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed)
        for _ in 0..<Self.cases {
            let a = Self.operand(&g), b = Self.operand(&g)
            let ra = Self.reference(a), rb = Self.reference(b)
            #expect(Fixed.checkedAdd(a, b) == Self.fixed(ra + rb), "\(a) + \(b)")
            #expect(Fixed.checkedSubtract(a, b) == Self.fixed(ra - rb), "\(a) - \(b)")
            #expect(-(-a) == a && (-a).raw == -a.raw)
        }
    }

    @Test func multiplicationRoundsHalfAwayFromZeroAtTheTwelfthDigit() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 1)
        for _ in 0..<Self.cases {
            let a = Self.operand(&g), b = Self.operand(&g)
            // The exact product of the raw values is scaled 10²⁴; ÷ 10¹² rounded gives the raw result.
            let expected = Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.reference(b), Self.scale))
            #expect(Fixed.checkedMultiply(a, b) == expected, "\(a) × \(b)")
        }
    }

    @Test func divisionRoundsHalfAwayFromZeroAndIsNilForZeroOrBeyondTheRange() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 2)
        for _ in 0..<Self.cases {
            let a = Self.operand(&g), b = Self.operand(&g)
            let expected = b.isZero ? nil : Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.scale, Self.reference(b)))
            #expect(Fixed.checkedDivide(a, b) == expected, "\(a) ÷ \(b)")
        }
        #expect(Fixed.checkedDivide(Fixed.one, .zero) == nil)
    }

    /// The fast paths of `×` (both raw values below 2⁶² in magnitude: the product ÷ 10¹² worked out
    /// 32 bits at a time) and `÷` (the dividend's raw value below 2⁸⁶: one 128-bit division) and the
    /// paths beside them, at their edges: operands on both sides of 2⁶² and 2⁸⁶, products and
    /// quotients whose remainder is exactly half a raw unit (and one either side), a dividend's
    /// raw value times a unit, against the reference.
    @Test func theFastPathsOfMultiplyAndDivideAgreeWithTheReferenceAtTheirEdges() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 7)
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        func sign() -> Int128 { below(2) == 0 ? 1 : -1 }
        /// A raw value near 2^`bits`: just below, at, or just above, or anywhere below it.
        func near(_ bits: Int) -> Int128 {
            let edge = Int128(1) << bits
            switch below(4) {
            case 0: return sign() * (edge - 1 - Int128(below(1000)))
            case 1: return sign() * (edge + Int128(below(1000)))
            case 2: return sign() * edge
            default: return sign() * (Int128(g.next()) << 64 | Int128(g.next())) % edge
            }
        }
        for _ in 0..<Self.cases {
            // ×: a raw value whose remainder by 10¹² is half of it (± 1) times one raw unit or a small count,
            // and operands about 2⁶² either side.
            let half = sign() * (Int128(below(1 << 21)) * Fixed.scale + Fixed.scale / 2 + Int128(below(3)) - 1)
            let pairs = [(Fixed(raw: half), Fixed(raw: sign() * Int128(1 + below(3)))),
                         (Fixed(raw: near(62)), Fixed(raw: near(62))),
                         (Fixed(raw: near(62)), Fixed(raw: sign() * Int128(below(1 << 40)))),
                         (Fixed(raw: sign() * Int128(below(UInt64(1) << 62))), Fixed(raw: sign() * Int128(below(UInt64(1) << 62))))]
            for (a, b) in pairs {
                let expected = Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.reference(b), Self.scale))
                #expect(Fixed.checkedMultiply(a, b) == expected, "\(a.raw) × \(b.raw) raw")
            }
            // ÷: dividends about 2⁸⁶ either side over divisors of every size, and quotients exactly half way.
            let divisor = Fixed(raw: below(2) == 0 ? near(Int(below(126))) : sign() * Int128(1 + below(1 << 20)))
            let a = Fixed.inRange(raw: near(86)) ?? .one
            if !divisor.isZero {
                let expected = Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.scale, Self.reference(divisor)))
                #expect(Fixed.checkedDivide(a, divisor) == expected, "\(a.raw) ÷ \(divisor.raw) raw")
            }
            // (2k + 1) raw units ÷ 2 × 10¹² raw: the quotient is k + ½ raw units, which rounds away from zero.
            let k = Int128(below(1 << 40))
            let odd = Fixed(raw: sign() * (2 * k + 1)), two = Fixed(raw: sign() * 2 * Fixed.scale)
            let away = Fixed(raw: ((odd.raw < 0) != (two.raw < 0) ? -1 : 1) * (k + 1))
            #expect(Fixed.checkedDivide(odd, two) == away, "\(odd.raw) ÷ \(two.raw) raw")
        }
    }

    /// The × path for raw values that fit in 64 bits and are whole multiples of 10⁶ (`(a ÷ 10⁶) × (b ÷ 10⁶)`,
    /// no rounding step) and the paths beside it, at its edges: multiples of 10⁶ just inside ±2⁶³ and just
    /// outside, Int64's own ends, multiples with one raw unit more or less (not multiples), amounts in fen
    /// times rates in hundredths of a percent, both signs, against the reference. By hand:
    /// 300,000 × 2% = 6,000; 0.000001 × 0.000001 = 10⁻¹² (one raw unit, the factors' millionths multiplied);
    /// −3,000.01 × 1.5% = −45.00015.
    @Test func multiplyingMillionthsAgreesWithTheReferenceAtItsEdges() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 17)
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        func sign() -> Int128 { below(2) == 0 ? 1 : -1 }
        let million: Int128 = 1_000_000, edge = Int128(Int64.max) / million
        func operand() -> Int128 {
            switch below(7) {
            case 0: return sign() * (edge - Int128(below(1000))) * million            // multiples just inside ±2⁶³
            case 1: return sign() * (edge + 1 + Int128(below(1000))) * million        // multiples just outside
            case 2: return [Int128(Int64.max), Int128(Int64.min), Int128(Int64.min) + 1, Int128(Int64.max) - 1][Int(below(4))]
            case 3: return sign() * Int128(below(UInt64(edge))) * million + Int128(below(3)) - 1  // off a multiple by ±1 or on it
            case 4: return sign() * Int128(below(100_000_000)) * (Fixed.scale / 100)  // fen
            case 5: return sign() * Int128(below(10_000)) * 100_000_000               // rates to 0.01%
            default: return sign() * Int128(below(UInt64(edge))) * million
            }
        }
        for _ in 0..<Self.cases {
            let a = Fixed(raw: operand()), b = Fixed(raw: operand())
            let expected = Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.reference(b), Self.scale))
            #expect(Fixed.checkedMultiply(a, b) == expected, "\(a.raw) × \(b.raw) raw")
            #expect(Fixed.checkedMultiply(b, a) == expected, "\(b.raw) × \(a.raw) raw")
        }
        #expect(Fixed.checkedMultiply(Fixed(300_000), Fixed(raw: 20_000_000_000)) == Fixed(6_000))
        #expect(Fixed.checkedMultiply(Fixed(raw: 1_000_000), Fixed(raw: 1_000_000)) == Fixed(raw: 1))
        #expect(Fixed.checkedMultiply(Fixed(raw: -3_000_010_000_000_000), Fixed(raw: 15_000_000_000)) == Fixed(raw: -45_000_150_000_000))
    }

    /// Rounding to the fen and to a whole number (`digits: 2` and `0`, a division by the constant 10¹⁰ or
    /// 10¹² when the raw value fits in 64 bits) against the reference: half a unit and one raw unit either
    /// side of it, both signs, near ±2⁶³ and across the whole range. By hand: 15,376.925 → 15,376.93,
    /// −0.005 → −0.01, 0.004999999999 → 0; 2.5 → 3, −2.5 → −3, 2.499999999999 → 2.
    @Test func roundingToTheFenAndToWholeNumbersAgreesWithTheReference() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 19)
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        let unit: Int128 = 10_000_000_000, fen = Reference.power10(10)
        for _ in 0..<Self.cases {
            let sign: Int128 = below(2) == 0 ? 1 : -1
            let raws = [sign * (Int128(below(UInt64(Int64.max / 10_000_000_000))) * unit + unit / 2 + Int128(below(3)) - 1),
                        sign * (Int128(Int64.max) - Int128(below(20_000_000_000))) + Int128(below(3)) - 1,
                        Self.operand(&g).raw]
            let wholeRaws = [sign * (Int128(below(UInt64(Int64.max) / 1_000_000_000_000)) * Fixed.scale + Fixed.scale / 2 + Int128(below(3)) - 1),
                             sign * (Int128(Int64.max) - Int128(below(2_000_000_000_000))) + Int128(below(3)) - 1]
            for raw in raws {
                let a = Fixed(raw: raw)
                #expect(a.rounded(toDigits: 2) == Self.fixed(Reference.dividedRounded(Self.reference(a), fen) * fen), "round(\(raw) raw, 2)")
            }
            for raw in raws + wholeRaws {
                let a = Fixed(raw: raw)
                #expect(a.rounded(toDigits: 0) == Self.fixed(Reference.dividedRounded(Self.reference(a), Self.scale) * Self.scale), "round(\(raw) raw, 0)")
            }
        }
        #expect(Fixed(raw: 2_500_000_000_000).rounded(toDigits: 0) == Fixed(3))
        #expect(Fixed(raw: -2_500_000_000_000).rounded(toDigits: 0) == Fixed(-3))
        #expect(Fixed(raw: 2_499_999_999_999).rounded(toDigits: 0) == Fixed(2))
        #expect(Fixed(raw: 15_376_925_000_000_000).rounded(toDigits: 2) == Fixed(raw: 15_376_930_000_000_000))
        #expect(Fixed(raw: -5_000_000_000).rounded(toDigits: 2) == Fixed(raw: -10_000_000_000))
        #expect(Fixed(raw: 4_999_999_999).rounded(toDigits: 2) == .zero)
    }

    /// ÷ by a divisor within 64 bits whose quotient fits 64 bits (one 128-by-64-bit division) and the paths
    /// beside it, at their edges: divisors at and about 2⁶⁴ (and 2⁶⁴ − 1 itself), dividends whose raw value
    /// times 10¹² has a high word just below, at and above the divisor (a quotient about 2⁶⁴), whole-number
    /// divisors (÷ 12) and the rounding unit 0.01, both signs, against the reference. By hand: 1 ÷ 3 =
    /// 0.333333333333, −2 ÷ 3 = −0.666666666667 (half away from zero), 845.5 ÷ 0.01 = 84,550, 5,000 ÷ 12 =
    /// 416.666666666667.
    @Test func dividingByADivisorWithinSixtyFourBitsAgreesWithTheReference() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 23)
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        func sign() -> Int128 { below(2) == 0 ? 1 : -1 }
        let two64 = Int128(1) << 64
        for _ in 0..<Self.cases {
            let d: Int128
            switch below(5) {
            case 0: d = two64 - 1 - Int128(below(1000))
            case 1: d = two64 + Int128(below(1000))
            case 2: d = Int128(1 + below(12)) * Fixed.scale
            case 3: d = Fixed.scale / 100
            default: d = Int128(1 + below(UInt64.max))
            }
            // A dividend whose raw value × 10¹² has a high word near d: raw ≈ d × 2⁶⁴ ÷ 10¹² (± a little),
            // within ±10²⁶; or any amount.
            let near = d * (two64 / Fixed.scale) + Int128(below(1 << 40)) - (1 << 39)
            let raw = below(2) == 0 ? min(near, Fixed.maxRaw) : Self.operand(&g).raw
            let a = Fixed(raw: sign() * raw), b = Fixed(raw: sign() * d)
            let expected = Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.scale, Self.reference(b)))
            #expect(Fixed.checkedDivide(a, b) == expected, "\(a.raw) ÷ \(b.raw) raw")
        }
        #expect(Fixed.checkedDivide(Fixed(1), Fixed(3)) == Fixed(raw: 333_333_333_333))
        #expect(Fixed.checkedDivide(Fixed(-2), Fixed(3)) == Fixed(raw: -666_666_666_667))
        #expect(Fixed.checkedDivide(Fixed(raw: 845_500_000_000_000), Fixed(raw: 10_000_000_000)) == Fixed(84_550))
        #expect(Fixed.checkedDivide(Fixed(5_000), Fixed(12)) == Fixed(raw: 416_666_666_666_667))
    }

    @Test func roundingFlooringAndCeilingToEveryNumberOfDigits() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 3)
        for _ in 0..<Self.cases {
            let a = Self.operand(&g)
            let digits = Int(g.next() % 13)
            let unit = Reference.power10(12 - digits)
            let ra = Self.reference(a)
            #expect(a.rounded(toDigits: digits) == Self.fixed(Reference.dividedRounded(ra, unit) * unit), "round(\(a), \(digits))")
            #expect(a.floored(toDigits: digits) == Self.fixed(Reference.floor(ra, toMultipleOf: unit)), "floor(\(a), \(digits))")
            #expect(a.ceiled(toDigits: digits) == Self.fixed(-Reference.floor(-ra, toMultipleOf: unit)), "ceil(\(a), \(digits))")
        }
    }

    /// Rounding's 64-bit path (`divideRounded` when the raw value and the unit fit in 64 bits: one 64-bit
    /// division) and the 128-bit one beside it, at their edge: raw values at and about ±2⁶³ (Int64.min and
    /// Int64.max themselves, one either side), and raw values exactly half a unit from a multiple of it
    /// (and one raw unit either side) below 2⁶³, to every number of digits, against the reference.
    @Test func roundingsSixtyFourBitPathAgreesWithTheReferenceAtItsEdge() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 13)
        func below(_ n: UInt64) -> UInt64 { g.next() % n }
        let edge = Int128(1) << 63
        var raws: [Int128] = [-edge, -edge - 1, -edge + 1, edge - 1, edge, edge - 2]
        for _ in 0..<Self.cases {
            let sign: Int128 = below(2) == 0 ? 1 : -1
            let digits = Int(below(13))
            let unit = Int128(Reference.power10(12 - digits).description)!
            // A multiple of the unit below 2⁶³, plus half the unit (± 1 raw unit).
            let multiple = Int128(below(UInt64(edge / unit) - 1)) * unit
            raws.append(sign * (multiple + unit / 2 + Int128(below(3)) - 1))
            raws.append(sign * (edge + Int128(below(2000)) - 1000))
        }
        for raw in raws {
            let a = Fixed(raw: raw), ra = Self.reference(a)
            for digits in 0...12 {
                let unit = Reference.power10(12 - digits)
                #expect(a.rounded(toDigits: digits) == Self.fixed(Reference.dividedRounded(ra, unit) * unit), "round(\(raw) raw, \(digits))")
            }
        }
    }

    /// The reference reading of decimal text: the documented grammar, the value through `Reference`.
    static func referenceParse(_ text: String) -> Fixed? {
        var t = Substring(text)
        var negative = false
        if let f = t.first, f == "-" || f == "+" { negative = f == "-"; t = t.dropFirst() }
        let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], frac = parts.count > 1 ? parts[1] : ""
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { ("0"..."9").contains($0) } }
        guard isDigits(whole), isDigits(frac), whole.count + frac.count > 0, frac.count <= 12 else { return nil }
        let raw = Reference(String(whole) + frac + String(repeating: "0", count: 12 - frac.count))
        return fixed(negative ? -raw : raw)
    }

    @Test func parsingDecimalTextAgreesWithTheGrammar() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 4)
        let pieces = ["0", "1", "9", "5", "00", ".", "-", "+", "e", " ", ",", "万", "１", "\u{0}", "99999999999999", "1000000000000"]
        for _ in 0..<Self.cases {
            var text = ""
            switch g.next() % 4 {
            case 0:
                // Well-formed: sign, up to 40 digits, a fraction of up to 14 digits.
                text = ["", "-", "+"][Int(g.next() % 3)]
                text += String((0..<Int(g.next() % 41)).map { _ in Character(String(g.next() % 10)) })
                if g.next() % 2 == 0 { text += "." + String((0..<Int(g.next() % 15)).map { _ in Character(String(g.next() % 10)) }) }
            case 1: text = Self.operand(&g).description
            case 2: text = (g.next() % 2 == 0 ? "-" : "") + "100000000000000000000000000" + ["", ".000000000001", ".0", "0", ".000000000000"][Int(g.next() % 5)]
            default: for _ in 0..<(1 + Int(g.next() % 6)) { text += pieces[Int(g.next() % UInt64(pieces.count))] }
            }
            #expect(Fixed(decimalText: text) == Self.referenceParse(text), "parse \"\(text)\"")
        }
    }

    /// The reference text of an amount: the raw digits with the point 12 from the right, trailing zeros
    /// of the fraction dropped down to `minimum` digits, thousands grouped when asked.
    static func referenceText(_ x: Fixed, minimum: Int, grouping: Bool) -> String {
        let r = reference(x)
        var digits = Reference(negative: false, limbs: r.limbs).description
        if digits.count < 13 { digits = String(repeating: "0", count: 13 - digits.count) + digits }
        var whole = String(digits.dropLast(12)), frac = String(digits.suffix(12))
        while frac.count > minimum, frac.last == "0" { frac.removeLast() }
        if grouping {
            var grouped = ""
            for (i, c) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            whole = grouped
        }
        return (r.negative ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)
    }

    @Test func printingAgreesWithTheReferenceAndReadsBack() {
        var g = SplitMix64(seed: FuzzSettings(count: "PAYPLAN_FUZZ_FIXED", bounded: 0).seed &+ 5)
        for _ in 0..<Self.cases {
            let x = Self.operand(&g)
            let minimum = Int(g.next() % 13)
            #expect(x.description == Self.referenceText(x, minimum: 0, grouping: false))
            #expect(x.format(minimumFractionDigits: minimum, grouping: true) == Self.referenceText(x, minimum: minimum, grouping: true))
            #expect(x.moneyText == Self.referenceText(x, minimum: 2, grouping: true))
            #expect(Fixed(decimalText: x.description) == x)
        }
    }

    /// The properties can fail: on the same operands, a division that truncates instead of rounding,
    /// and a multiplication that overflows only at `Int128`'s limit (about 1.7 × 10²⁶) instead of 10²⁶,
    /// each disagree with the reference.
    @Test func thePropertiesTellAWrongImplementation() {
        var g = SplitMix64(seed: 1)
        var truncatingDisagrees = 0, wideRangeDisagrees = 0
        for _ in 0..<2_000 {
            let a = Self.operand(&g), b = Self.operand(&g)
            let (n, o) = a.raw.multipliedReportingOverflow(by: Fixed.scale)
            if !o, b.raw != 0, Fixed(raw: n / b.raw) != Self.fixed(Reference.dividedRounded(Self.reference(a) * Self.scale, Self.reference(b))) {
                truncatingDisagrees += 1
            }
            let exact = Reference.dividedRounded(Self.reference(a) * Self.reference(b), Self.scale)
            let wide: Fixed? = Int128(exact.description).map { Fixed(raw: $0) }
            if wide != Self.fixed(exact) { wideRangeDisagrees += 1 }
        }
        #expect(truncatingDisagrees > 10)
        #expect(wideRangeDisagrees > 0)  // 8 of the first 2,000 products lie between 10²⁶ and Int128's limit
    }

    /// The reference itself, on figures worked by hand: (10²⁶ − 1 raw) × 2 overflows; 1 ÷ 3 = 0.333333333333;
    /// 2 ÷ 3 = 0.666666666667 (half away from zero); −0.0000000000005 raw halves round away: −7 ÷ 2 raw = −4 raw.
    @Test func theReferenceOnFiguresWorkedByHand() {
        #expect(Reference("123456789012345678901234567890") * Reference("-1000000000") == Reference("-123456789012345678901234567890000000000"))
        #expect(Reference.dividedRounded(Reference("1000000000000"), Reference("3")).description == "333333333333")
        #expect(Reference.dividedRounded(Reference("2000000000000"), Reference("3")).description == "666666666667")
        #expect(Reference.dividedRounded(Reference("-7"), Reference("2")).description == "-4")
        #expect(Reference.floor(Reference("-7"), toMultipleOf: Reference("10")).description == "-10")
        #expect((Reference("1000000000") - Reference("1")).description == "999999999")
        #expect(Fixed.checkedMultiply(Fixed.largest, Fixed(2)) == nil)
        #expect(Fixed.checkedDivide(Fixed(1), Fixed(3)) == Fixed(raw: 333_333_333_333))
        #expect(Fixed.checkedDivide(Fixed(2), Fixed(3)) == Fixed(raw: 666_666_666_667))
        #expect(Fixed.checkedAdd(Fixed.largest, Fixed(raw: 1)) == nil && Fixed.checkedAdd(Fixed.largest, Fixed(raw: -1)) != nil)
    }
}
