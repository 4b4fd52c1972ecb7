import Testing
import TestSupport
@testable import PayPlan

/// Exact decimal arithmetic: the money type every figure uses.
@Suite struct FixedTests {
    func f(_ s: String) -> Fixed { Fixed(decimalText: s)! }

    @Test func additionIsExact() {
        #expect(f("0.1") + f("0.2") == f("0.3"))
        #expect((f("0.1") + f("0.2")).description == "0.3")
    }

    @Test func roundsHalfUpToTheFen() {
        #expect(f("15376.925").rounded(toDigits: 2) == f("15376.93"))
        #expect(f("15376.924999").rounded(toDigits: 2) == f("15376.92"))
        #expect(f("-0.005").rounded(toDigits: 2) == f("-0.01"))
        #expect(f("1999.995").rounded(toDigits: 2) == f("2000"))
        #expect(f("2.5").rounded(toDigits: 0) == f("3"))
        #expect(f("-2.5").rounded(toDigits: 0) == f("-3"))
    }

    @Test func floorAndCeil() {
        #expect(f("2.99").floored(toDigits: 0) == f("2"))
        #expect(f("-2.01").floored(toDigits: 0) == f("-3"))
        #expect(f("2.01").ceiled(toDigits: 0) == f("3"))
        #expect(f("-2.99").ceiled(toDigits: 0) == f("-2"))
    }

    @Test func multiplicationKeepsRateDigits() {
        // Issue 7's goal-seek check: 2% of 99,999.75 is 1,999.995 exactly.
        #expect(f("99999.75") * f("0.02") == f("1999.995"))
        #expect(f("297001") * f("0.01") == f("2970.01"))
        #expect(f("-3.5") * f("2") == f("-7"))
    }

    @Test func divisionRoundsAtTheTwelfthDigit() {
        #expect(Fixed.checkedDivide(f("1"), f("3")) == f("0.333333333333"))
        #expect(Fixed.checkedDivide(f("2"), f("3")) == f("0.666666666667"))
        #expect(Fixed.checkedDivide(f("-2"), f("3")) == f("-0.666666666667"))
        #expect(Fixed.checkedDivide(f("1000"), f("6")) == f("166.666666666667"))
        #expect(Fixed.checkedDivide(f("1"), .zero) == nil)
    }

    @Test func overflowIsReportedNotTrapped() {
        let big = f("100000000000000000000000000") // 10^26, near the top of the range
        #expect(Fixed.checkedMultiply(big, f("10")) == nil)
        #expect(Fixed.checkedAdd(big, big) == nil) // 2 × 10^26 is past the ±1.7 × 10^26 range
        #expect(Fixed.checkedAdd(f("50000000000000000000000000"), f("50000000000000000000000000")) == big)
        #expect(Fixed.checkedMultiply(big, big) == nil)
        #expect(Fixed.checkedAdd(Fixed(raw: .max), Fixed(raw: 1)) == nil)
        #expect(Fixed.checkedSubtract(Fixed(raw: .min), Fixed(raw: 1)) == nil)
        #expect(Fixed.checkedDivide(big, f("0.0001")) == nil)
        // Large but representable products take the 256-bit path and stay exact.
        #expect(Fixed.checkedMultiply(f("12345678901234.56"), f("1000")) == f("12345678901234560"))
    }

    @Test func textRoundTripsExactly() {
        for s in ["0.1", "0.691", "5.02", "3000.1", "12345678901234.56", "-0.000000000001", "0"] {
            #expect(f(s).description == s)
        }
        #expect(f("3000.10").description == "3000.1")
        #expect(f("5600").moneyText == "5,600.00")
        #expect(f("1234567.5").moneyText == "1,234,567.50")
        #expect(f("-1234.5").moneyText == "-1,234.50")
        #expect(f("0.015").moneyText == "0.015")
        #expect(Fixed(decimalText: "1.2.3") == nil)
        #expect(Fixed(decimalText: "12a") == nil)
        #expect(Fixed(decimalText: "") == nil)
        #expect(Fixed(decimalText: "0.1234567890123") == nil) // 13 decimals
    }
}
