/// An exact decimal number with 12 fractional digits, stored as a scaled `Int128`.
///
/// Every amount in payplan is a `Fixed`: money in CNY (元, so 0.01 is one fen),
/// rates as fractions (`2%` is `0.02`), counts. Foundation's `Decimal` was
/// measured at about 2 µs per multiply-add on Linux; `Fixed` does the same in
/// tens of nanoseconds, which is what lets a plan of 10,000 agents recompute
/// in well under a second.
///
/// - Range: −10²⁶ … 10²⁶ inclusive (`Fixed.smallest` … `Fixed.largest`; the raw value is
///   `Int128` with scale 10¹², which could hold about ±1.7 × 10²⁶). The bound is a
///   round number so that rounding, negation and `magnitude` can never leave it:
///   every value in range rounds to a value in range. Operations that would leave
///   the range return `nil` from the `checked` functions; the evaluator turns that
///   into the error value `#OVERFLOW`. There are no trapping operators on `Fixed`
///   in the product: every `+ − ×` on amounts says what happens on overflow.
/// - Addition, subtraction and multiplication of values that have at most
///   12 fractional digits between them are exact: `0.1 + 0.2 == 0.3`,
///   `99999.75 × 2% == 1999.995`.
/// - Division rounds half away from zero at the 12th fractional digit.
///
/// Stored as two 64-bit words rather than one `Int128`, so that a `Fixed` is aligned to 8 bytes,
/// not 16: a cell's `Value` (an amount, a date, a text, …) then takes 24 bytes instead of 32, which
/// is a quarter of the engine's memory at a million orders (28 M cells).
public struct Fixed: Hashable, Comparable, Sendable {
    /// The low and high words of `raw` (two's complement).
    @usableFromInline var low: UInt64
    @usableFromInline var high: Int64
    /// The value times 10¹².
    @inlinable public var raw: Int128 {
        get { Int128(high) << 64 | Int128(low) }
        set { low = UInt64(truncatingIfNeeded: newValue); high = Int64(truncatingIfNeeded: newValue >> 64) }
    }

    /// 10¹²: the number of raw units in 1.
    public static let scale: Int128 = 1_000_000_000_000
    /// Fractional digits kept.
    public static let fractionDigits = 12

    @inlinable public init(raw: Int128) { low = UInt64(truncatingIfNeeded: raw); high = Int64(truncatingIfNeeded: raw >> 64) }
    /// An integer amount, e.g. `Fixed(3000)` for 3,000.00 CNY.
    @inlinable public init(_ value: Int) { self.init(raw: Int128(value) * Fixed.scale) }

    public static let zero = Fixed(raw: 0)
    public static let one = Fixed(raw: scale)
    /// The largest raw value: 10³⁸, that is 10²⁶ (one hundred million million million million CNY).
    public static let maxRaw: Int128 = 100_000_000_000_000_000_000_000_000_000_000_000_000
    /// The largest amount, 10²⁶.
    public static let largest = Fixed(raw: maxRaw)
    /// The smallest amount, −10²⁶.
    public static let smallest = Fixed(raw: -maxRaw)

    /// `raw` as a `Fixed` when it is within ±`maxRaw`, else `nil`.
    @inlinable public static func inRange(raw r: Int128) -> Fixed? {
        r >= -maxRaw && r <= maxRaw ? Fixed(raw: r) : nil
    }

    @inlinable public static func < (a: Fixed, b: Fixed) -> Bool { a.raw < b.raw }

    public var isZero: Bool { raw == 0 }
    public var isNegative: Bool { raw < 0 }
    /// True when the amount is a whole number of fen (0.01 CNY): nothing below the second decimal.
    /// - Complexity: O(1).
    @inlinable public var isWholeFen: Bool { raw % 10_000_000_000 == 0 }
    public var magnitude: Fixed { Fixed(raw: raw < 0 ? -raw : raw) }

    // MARK: Checked arithmetic

    /// `a + b`, or `nil` on overflow.
    @inlinable public static func checkedAdd(_ a: Fixed, _ b: Fixed) -> Fixed? {
        let (r, o) = a.raw.addingReportingOverflow(b.raw)
        return o ? nil : inRange(raw: r)
    }

    /// `a − b`, or `nil` on overflow.
    @inlinable public static func checkedSubtract(_ a: Fixed, _ b: Fixed) -> Fixed? {
        let (r, o) = a.raw.subtractingReportingOverflow(b.raw)
        return o ? nil : inRange(raw: r)
    }

    /// `a × b`, exact when the product has at most 12 fractional digits,
    /// otherwise rounded half away from zero at the 12th; `nil` on overflow.
    ///
    /// Fastest when both raw values fit in 64 bits and are whole multiples of 10⁶ (amounts to the
    /// millionth, rates such as `2%` or `1.5%`: what a pay plan multiplies): then `a × b` is
    /// `(a.raw ÷ 10⁶) × (b.raw ÷ 10⁶)` raw, exact, one multiply with no rounding step, and always in
    /// range (each factor is below 2⁴⁴, the product below 2⁸⁸ raw, about 3 × 10¹⁴ CNY).
    /// - Complexity: O(1).
    @inlinable public static func checkedMultiply(_ a: Fixed, _ b: Fixed) -> Fixed? {
        // The raw values fit in 64 bits when the high word is the low word's sign extension.
        let a64 = Int64(bitPattern: a.low), b64 = Int64(bitPattern: b.low)
        if a.high == a64 >> 63 && b.high == b64 >> 63 {
            let million: Int64 = 1_000_000
            let qa = a64 / million, qb = b64 / million
            if qa &* million == a64 && qb &* million == b64 {
                let (high, low) = qa.multipliedFullWidth(by: qb)
                return Fixed(raw: Int128(high) << 64 | Int128(low))
            }
        }
        // Both raw values below 2⁶² in magnitude, so the product fits in Int128.
        let limit: Int128 = 1 << 62
        if a.raw > -limit && a.raw < limit && b.raw > -limit && b.raw < limit {
            return inRange(raw: divideRoundedByScale(a.raw * b.raw))
        }
        return mulDiv(a.raw, b.raw, scale).flatMap { inRange(raw: $0) }
    }

    /// `a ÷ b` rounded half away from zero at the 12th fractional digit;
    /// `nil` when `b` is zero or the quotient overflows.
    @inlinable public static func checkedDivide(_ a: Fixed, _ b: Fixed) -> Fixed? {
        if b.raw == 0 { return nil }
        // Fast path: |a| below 2⁸⁶ raw (about 7.7 × 10¹³ CNY), so a × 10¹² fits in Int128 and one
        // 128-bit division does what the 256-bit `mulDiv` does, with the same rounding.
        let limit: Int128 = 1 << 86
        if a.raw > -limit && a.raw < limit {
            let n = (a.raw * scale).magnitude, d = b.raw.magnitude
            let q: UInt128, r: UInt128
            if d <= UInt128(UInt64.max) && n >> 64 < d {
                // A divisor within 64 bits (amounts up to 18 million, rates, counts) above the dividend's high
                // word: the quotient fits 64 bits, and one 128-by-64-bit division gives it and the remainder.
                let (q64, r64) = UInt64(d).dividingFullWidth((UInt64(n >> 64), UInt64(truncatingIfNeeded: n)))
                (q, r) = (UInt128(q64), UInt128(r64))
            } else {
                q = n / d; r = n - q * d
            }
            let quotient = Int128(r >= d - r ? q + 1 : q)
            return inRange(raw: (a.raw < 0) != (b.raw < 0) ? -quotient : quotient)
        }
        return mulDiv(a.raw, scale, b.raw).flatMap { inRange(raw: $0) }
    }

    /// `x / 10¹²` rounded half away from zero, as `divideRounded(x, by: scale)` gives it, without
    /// a 128-bit division: 10¹² = 2¹² × 5¹², so the magnitude is shifted right 12 bits and divided
    /// by 5¹² (below 2²⁸) 32 bits at a time, each step a 64-bit division by a constant (a multiply).
    /// - Complexity: O(1).
    @inlinable static func divideRoundedByScale(_ x: Int128) -> Int128 {
        let m = x.magnitude
        let d: UInt64 = 244_140_625  // 5¹²
        let s = m >> 12
        let hi = UInt64(truncatingIfNeeded: s >> 64), lo = UInt64(truncatingIfNeeded: s)
        // Long division by 32-bit limbs: the remainder stays below d, so each dividend is below 2⁶⁰.
        var cur = hi >> 32
        let q3 = cur / d
        cur = (cur - q3 * d) << 32 | (hi & 0xFFFF_FFFF)
        let q2 = cur / d
        cur = (cur - q2 * d) << 32 | (lo >> 32)
        let q1 = cur / d
        cur = (cur - q1 * d) << 32 | (lo & 0xFFFF_FFFF)
        let q0 = cur / d
        let r = cur - q0 * d
        var q = UInt128(q3) << 96 | UInt128(q2) << 64 | UInt128(q1) << 32 | UInt128(q0)
        // The remainder of m by 10¹²: r × 2¹² plus the 12 bits shifted out.
        let remainder = r << 12 | UInt64(truncatingIfNeeded: m & 0xFFF)
        if remainder >= 500_000_000_000 { q += 1 }
        return x < 0 ? -Int128(q) : Int128(q)
    }

    /// The sum of `values`, or `nil` when it (or a partial sum) leaves the range.
    /// - Complexity: O(n).
    public static func checkedSum<S: Sequence>(_ values: S) -> Fixed? where S.Element == Fixed {
        var total = Fixed.zero
        for v in values {
            guard let t = checkedAdd(total, v) else { return nil }
            total = t
        }
        return total
    }

    /// `x / d` rounded half away from zero. `d` must be positive.
    @usableFromInline static func divideRounded(_ x: Int128, by d: Int128) -> Int128 {
        // Both within 64 bits (an amount below about 9.2 million, a rounding unit): the same quotient
        // and remainder from one 64-bit division instead of a 128-bit one (a call to `__divti3`).
        if x >= Int128(Int64.min) && x <= Int128(Int64.max) && d <= Int128(Int64.max) {
            let x64 = Int64(truncatingIfNeeded: x), d64 = Int64(truncatingIfNeeded: d)
            let q = x64 / d64, r = x64 &- q &* d64
            // |r| < d < 2⁶³, so twice |r| fits in 64 unsigned bits; q ± 1 stays within |x| + 1.
            if r.magnitude &* 2 >= d64.magnitude { return x64 < 0 ? Int128(q) - 1 : Int128(q) + 1 }
            return Int128(q)
        }
        // The remainder from the quotient: one 128-bit division, not two (|q × d| ≤ |x|, no overflow).
        let q = x / d, r = x &- q &* d
        let twice = (r < 0 ? -r : r) * 2
        if twice >= d { return x < 0 ? q - 1 : q + 1 }
        return q
    }

    /// `a × b ÷ c` with a 256-bit intermediate, rounded half away from zero; `nil` on overflow.
    @usableFromInline static func mulDiv(_ a: Int128, _ b: Int128, _ c: Int128) -> Int128? {
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let ua = a.magnitude, ub = b.magnitude, uc = c.magnitude
        let product = ua.multipliedFullWidth(by: ub)
        // The quotient fits in 128 bits only when the high word is below the divisor.
        guard product.high < uc else { return nil }
        let (q, r) = uc.dividingFullWidth(product)
        var quotient = q
        // Round half away from zero: compare 2r with c without overflowing.
        if r >= uc - r {
            let (next, o) = quotient.addingReportingOverflow(1)
            if o { return nil }
            quotient = next
        }
        guard quotient <= UInt128(Int128.max) else { return nil }
        let signed = Int128(quotient)
        return negative ? -signed : signed
    }

    // MARK: Rounding

    /// Rounds half away from zero (四舍五入) to `digits` fractional digits
    /// (0…12; callers check digits that come from users). Money components round
    /// with `digits: 2`, to the fen: `15376.925 → 15376.93`, `-0.005 → -0.01`.
    /// Never leaves the range: ±10²⁶ is a whole number.
    ///
    /// To the fen (`digits: 2`) or to a whole number (`digits: 0`) with a raw value that fits in 64 bits, the
    /// quotient and remainder come from a 64-bit division by the constant 10¹⁰ or 10¹² (a multiply), not by
    /// a unit read from a table (a division).
    /// - Complexity: O(1).
    public func rounded(toDigits digits: Int) -> Fixed {
        precondition(digits >= 0 && digits <= Fixed.fractionDigits)
        let x = Int64(bitPattern: low)
        if high == x >> 63 {
            if digits == 2 { return Fixed(raw: Fixed.roundedIn64Bits(x, unit: 10_000_000_000)) }
            if digits == 0 { return Fixed(raw: Fixed.roundedIn64Bits(x, unit: 1_000_000_000_000)) }
        }
        let unit = Fixed.unit(dropping: Fixed.fractionDigits - digits)
        // |quotient × unit| ≤ |raw| + unit, far inside Int128: no overflow check needed.
        return Fixed(raw: Fixed.divideRounded(raw, by: unit) &* unit)
    }

    /// `x` rounded half away from zero to a multiple of `unit` (a power of ten below 2⁶³), as `divideRounded`
    /// and `× unit` give it; inlined where `unit` is a constant, so that the division is a multiply.
    /// |q ± 1| × unit ≤ |x| + unit: in Int128, no overflow.
    /// - Complexity: O(1).
    @inline(__always) static func roundedIn64Bits(_ x: Int64, unit: Int64) -> Int128 {
        let q = x / unit, r = x &- q &* unit
        // Half away from zero: |r| ≥ half the unit moves the quotient one unit away from zero.
        let away: Int64 = r.magnitude >= UInt64(unit / 2) ? (x < 0 ? -1 : 1) : 0
        return Int128(q &+ away) &* Int128(unit)
    }

    /// Rounds toward −∞ to `digits` fractional digits (0…12). Never leaves the range.
    public func floored(toDigits digits: Int) -> Fixed {
        precondition(digits >= 0 && digits <= Fixed.fractionDigits)
        let unit = Fixed.unit(dropping: Fixed.fractionDigits - digits)
        var q = raw / unit
        if raw &- q &* unit != 0 && raw < 0 { q -= 1 }
        return Fixed(raw: q * unit)
    }

    /// Rounds toward +∞ to `digits` fractional digits (0…12). Never leaves the range.
    public func ceiled(toDigits digits: Int) -> Fixed {
        -((-self).floored(toDigits: digits))
    }

    /// 10^`n` for `n` in 0…12: the raw step of an amount rounded to 12 − `n` fractional digits.
    @inline(__always) static func unit(dropping n: Int) -> Int128 { powersOfTen[n] }
    private static let powersOfTen: [Int128] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
                                                1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000]

    /// The negated amount; never traps for an amount in range (the range is symmetric).
    public static prefix func - (x: Fixed) -> Fixed { Fixed(raw: -x.raw) }

    /// The value as an `Int` when it is a whole number that fits, else `nil`.
    public var wholeNumber: Int? {
        guard raw % Fixed.scale == 0 else { return nil }
        let q = raw / Fixed.scale
        return q >= Int128(Int.min) && q <= Int128(Int.max) ? Int(q) : nil
    }

    /// Whole fen (0.01 CNY units) when the value is a whole number of fen, else `nil`.
    public var fen: Int128? {
        let unit = Fixed.scale / 100
        return raw % unit == 0 ? raw / unit : nil
    }
}

// MARK: - Text

extension Fixed: CustomStringConvertible {
    /// Plain decimal text with no grouping and no trailing zeros: `3000`, `0.1`, `-12.5`.
    public var description: String { format(minimumFractionDigits: 0, grouping: false) }

    /// Formats with at least `minimumFractionDigits` decimals and more when the
    /// value needs them (up to 12), optionally grouping thousands with commas:
    /// `5600 → "5,600.00"`, `0.015 → "0.015"`.
    public func format(minimumFractionDigits: Int = 2, grouping: Bool = true) -> String {
        // 40 integer digits, 13 commas, a sign, a point and 12 fraction digits fit in 72 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buf in
            let n = write(into: buf.baseAddress!, minimumFractionDigits: minimumFractionDigits, grouping: grouping)
            return String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: n), as: UTF8.self)
        }
    }

    /// Writes the text of `format(minimumFractionDigits:grouping:)` as ASCII bytes at `out`
    /// (at least 80 bytes of room); returns the number of bytes written.
    /// - Complexity: O(digits), no allocation.
    public func write(into out: UnsafeMutablePointer<UInt8>, minimumFractionDigits: Int = 0, grouping: Bool = false) -> Int {
        let minimumFractionDigits = min(max(0, minimumFractionDigits), Fixed.fractionDigits)
        let negative = raw < 0
        let m = raw.magnitude
        // A magnitude that fits 64 bits (amounts up to 18 million) is split by a 64-bit division.
        let (intPart, frac): (UInt128, UInt64) = m <= UInt128(UInt64.max)
            ? (UInt128(UInt64(m) / 1_000_000_000_000), UInt64(m) % 1_000_000_000_000)
            : (m / UInt128(Fixed.scale), UInt64(m % UInt128(Fixed.scale)))
        // Integer digits, least significant first.
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            let d = raw.bindMemory(to: UInt8.self)
            if intPart <= UInt128(UInt64.max) {
                var v = UInt64(intPart)
                repeat { d[count] = UInt8(v % 10) &+ 0x30; v /= 10; count += 1 } while v > 0
            } else {
                var v = intPart
                repeat { d[count] = UInt8(v % 10) &+ 0x30; v /= 10; count += 1 } while v > 0
            }
        }
        var k = 0
        if negative { out[k] = 0x2D; k += 1 }
        withUnsafeBytes(of: &digits) { raw in
            for j in stride(from: count - 1, through: 0, by: -1) {
                out[k] = raw[j]; k += 1
                if grouping && j > 0 && j % 3 == 0 { out[k] = 0x2C; k += 1 }
            }
        }
        var fracCount = 0
        if frac != 0 {
            // Twelve digits, then drop trailing zeros.
            var v = frac
            var f = (UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &f) { raw in
                for j in stride(from: Fixed.fractionDigits - 1, through: 0, by: -1) { raw[j] = UInt8(v % 10) &+ 0x30; v /= 10 }
                fracCount = Fixed.fractionDigits
                while fracCount > 0 && raw[fracCount - 1] == 0x30 { fracCount -= 1 }
                out[k] = 0x2E; k += 1
                for j in 0..<fracCount { out[k] = raw[j]; k += 1 }
            }
        }
        if fracCount < minimumFractionDigits {
            if fracCount == 0 { out[k] = 0x2E; k += 1 }
            for _ in fracCount..<minimumFractionDigits { out[k] = 0x30; k += 1 }
        }
        return k
    }

    /// Money text: two decimals, thousands grouped (`5,600.00`), more decimals
    /// only if the value has them.
    public var moneyText: String { format(minimumFractionDigits: 2, grouping: true) }

    /// Parses plain decimal text: optional sign, digits, optional fraction of up
    /// to 12 digits (`"3000.10"`, `"-0.691"`, `"12345678901234.56"`). Returns
    /// `nil` for anything else, and for amounts beyond ±10²⁶; `MoneyLiteral` handles `万`, `k`, `%`, `¥` and grouping.
    public init?(decimalText text: String) {
        var text = text
        guard let v = text.withUTF8({ Fixed.parseDecimal($0) }) else { return nil }
        self = v
    }

    /// Why text is not an amount `init(decimalText:)` accepts.
    public enum DecimalTextProblem: Error, Equatable, Sendable {
        /// Not plain decimal text: something other than an optional sign, ASCII digits and one point (`"12x"`, `""`).
        case notDecimal
        /// Plain decimal text with more fractional digits than the 12 an amount holds (the count given).
        case tooManyDecimals(Int)
        /// Plain decimal text beyond ±10²⁶ (`Fixed.largest`).
        case tooLarge
    }

    /// Why `text` is not an amount, or `nil` when `init(decimalText:)` accepts it: so that a refusal can say
    /// "too large" or "too many decimals" rather than "not a decimal". The same parser as `parseDecimal`.
    /// - Complexity: O(n) in the length of `text`.
    public static func decimalTextProblem(_ text: String) -> DecimalTextProblem? {
        var text = text
        return text.withUTF8 { b -> DecimalTextProblem? in
            if case .failure(let p) = Fixed.parseDecimalReporting(b) { return p }
            return nil
        }
    }

    /// Parses plain decimal text from UTF-8 bytes (the grammar of `init(decimalText:)`):
    /// ASCII digits only, no Unicode classification, no allocation.
    /// - Returns: `nil` for anything else, more than 12 fractional digits, or a value out of range.
    /// - Complexity: O(n) in the number of bytes.
    @inlinable public static func parseDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Fixed? {
        if case .success(let v) = parseDecimalReporting(b) { return v }
        return nil
    }

    /// Parses plain decimal text from UTF-8 bytes: an optional sign (`-`, `+`), ASCII digits, an optional point
    /// and up to 12 fractional digits, at least one digit in all. The one parser behind `parseDecimal`,
    /// `init(decimalText:)` and `decimalTextProblem(_:)`.
    /// - Returns: the amount, or why the text is not one: `.notDecimal` outranks the other two; a text both too
    ///   large and with too many decimals is `.tooLarge`.
    /// - Complexity: O(n) in the number of bytes; no allocation. The first 18 whole digits and the 12
    ///   fractional ones are gathered in 64 bits and scaled once (a scenario of 10,000 agents holds 240,000
    ///   amounts: a 128-bit multiply and a 128-bit division by ten per digit cost 480 instructions an amount).
    @inlinable public static func parseDecimalReporting(_ b: UnsafeBufferPointer<UInt8>) -> Result<Fixed, DecimalTextProblem> {
        var i = 0
        let n = b.count
        var negative = false
        if i < n, b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        var leading: UInt64 = 0
        var wholeDigits = 0
        while i < n, wholeDigits < 18, b[i] &- 0x30 < 10 {
            leading = leading &* 10 &+ UInt64(b[i] &- 0x30)
            wholeDigits += 1
            i += 1
        }
        var whole = Int128(leading)
        var overflow = false
        while i < n, b[i] &- 0x30 < 10 {
            if !overflow {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(b[i] &- 0x30))
                if o1 || o2 { overflow = true } else { whole = a }
            }
            wholeDigits += 1
            i += 1
        }
        // The first 12 fractional digits as a whole number, then scaled by 10^(12 − digits): under 10¹² either way.
        var fraction: UInt64 = 0
        var fracDigits = 0
        if i < n, b[i] == 0x2E {
            i += 1
            while i < n, b[i] &- 0x30 < 10 {
                fracDigits += 1
                if fracDigits <= Fixed.fractionDigits { fraction = fraction &* 10 &+ UInt64(b[i] &- 0x30) }
                i += 1
            }
        }
        var k = min(fracDigits, Fixed.fractionDigits)
        while k < Fixed.fractionDigits { fraction &*= 10; k += 1 }
        let fracRaw = Int128(fraction)
        guard i == n, wholeDigits + fracDigits > 0 else { return .failure(.notDecimal) }
        if wholeDigits <= 18 {
            // Under 10¹⁸ whole: the raw value is under 10³⁰, far inside the range (10³⁸ raw), with no 128-bit overflow check.
            if fracDigits > Fixed.fractionDigits { return .failure(.tooManyDecimals(fracDigits)) }
            let total = Int128(leading) &* Fixed.scale &+ fracRaw
            return .success(Fixed(raw: negative ? -total : total))
        }
        let (scaled, o) = whole.multipliedReportingOverflow(by: Fixed.scale)
        let (total, o3) = scaled.addingReportingOverflow(fracRaw)
        if overflow || o || o3 || total > Fixed.maxRaw { return .failure(.tooLarge) }
        if fracDigits > Fixed.fractionDigits { return .failure(.tooManyDecimals(fracDigits)) }
        return .success(Fixed(raw: negative ? -total : total))
    }
}

extension Fixed: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Fixed: Codable {
    /// Encoded as a JSON string of plain decimal text (`"3000.10"`), never a
    /// JSON number: JSON numbers go through `Double` in Foundation and lose digits.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let text = try? c.decode(String.self) else {
            // A JSON number: named as Foundation read it (only the reference reader comes here).
            if let n = (try? c.decode(Int.self)).map(String.init) ?? (try? c.decode(Double.self)).map({ "\($0)" }) {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: ScenarioError.Kind.notExactDecimal(n).english)
            }
            _ = try c.decode(String.self)
            throw DecodingError.typeMismatch(String.self, .init(codingPath: c.codingPath, debugDescription: "expected text"))
        }
        let problem: ScenarioError.Kind
        switch Fixed.decimalTextProblem(text) {
        case nil: self = Fixed(decimalText: text)!; return
        case .tooLarge: problem = .amountTooLarge(text)
        case .tooManyDecimals(let d): problem = .tooManyDecimals(text, digits: d)
        case .notDecimal: problem = .notAnAmount(text)
        }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: problem.english)
    }
}
