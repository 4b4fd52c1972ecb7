import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A cell's `Value` takes 24 bytes (an amount as two 64-bit words, a date packed in 32 bits):
/// at a million orders (28 M cells) that is 670 MB of cell values where 32 bytes took 890 MB.
/// The packed forms must mean exactly what the plain ones did.
@Suite struct ValueLayoutTests {
    @Test func aCellValueTakesTwentyFourBytes() {
        #expect(MemoryLayout<Fixed>.size == 16 && MemoryLayout<Fixed>.alignment == 8)
        #expect(MemoryLayout<Day>.size == 4)
        #expect(MemoryLayout<Value>.stride == 24)
        #expect(MemoryLayout<AttributeValue>.stride == 24)
    }

    /// `[Value].zeros(count:)`, the engine's cells before a full compute, is the array
    /// `Array(repeating: .number(.zero), count:)` makes, at every small count and a large one, and its
    /// cells behave as values: each can be replaced by a text (which owns a reference) and read back,
    /// and the array copied and changed without the copy changing.
    @Test func zeroCellsAreTheNumberZeroAsArrayRepeatingMakesThem() {
        for n in [0, 1, 2, 3, 7, 64, 100, 4096, 100_003] {
            let made = [Value].zeros(count: n)
            #expect(made.count == n)
            #expect(made == Array(repeating: Value.number(.zero), count: n))
        }
        var cells = [Value].zeros(count: 50)
        let copy = cells
        for k in stride(from: 0, to: 50, by: 3) { cells[k] = .text("cell \(k) " + String(repeating: "x", count: 40)) }
        for k in 0..<50 {
            #expect(cells[k] == (k % 3 == 0 ? .text("cell \(k) " + String(repeating: "x", count: 40)) : .number(.zero)))
            #expect(copy[k] == .number(.zero))
        }
    }

    /// Raw values across the whole range, both words' edges included, come back as stored,
    /// and order and equality are those of the `Int128`s.
    @Test func fixedKeepsItsRawValue() {
        let maxRaw = Fixed.maxRaw
        var raws: [Int128] = [0, 1, -1, maxRaw, -maxRaw, Int128(UInt64.max), -Int128(UInt64.max),
                              Int128(UInt64.max) + 1, Int128(Int64.max), Int128(Int64.min), 1 << 64, -(1 << 64)]
        var rng = SplitMix(seed: 10)
        for _ in 0..<2000 {
            let hi = Int128(Int64(bitPattern: rng.next()) >> Int(rng.next() % 64))
            let lo = Int128(rng.next())
            raws.append(max(-maxRaw, min(maxRaw, hi << 64 | lo)))
        }
        for r in raws {
            #expect(Fixed(raw: r).raw == r)
            var f = Fixed.zero; f.raw = r
            #expect(f == Fixed(raw: r))
        }
        for (a, b) in zip(raws, raws.dropFirst()) {
            #expect((Fixed(raw: a) < Fixed(raw: b)) == (a < b))
            #expect((Fixed(raw: a) == Fixed(raw: b)) == (a == b))
        }
    }

    /// Every day of 0001…9999 sampled (and the ends): year, month and day come back as given, the
    /// ordinal round-trips, and order is that of (year, month, day).
    @Test func dayKeepsItsParts() {
        var days: [(Int, Int, Int)] = [(1, 1, 1), (9999, 12, 31), (2024, 2, 29), (1970, 1, 1), (2026, 12, 31)]
        var rng = SplitMix(seed: 11)
        for _ in 0..<3000 {
            let y = 1 + Int(rng.next() % 9999), m = 1 + Int(rng.next() % 12)
            days.append((y, m, 1 + Int(rng.next() % UInt64(Day.daysIn(year: y, month: m)))))
        }
        for (y, m, d) in days {
            let day = Day(year: y, month: m, day: d)!
            #expect(day.year == y && day.month == m && day.day == d)
            #expect(Day(ordinal: day.ordinal) == day)
        }
        for (a, b) in zip(days, days.dropFirst()) {
            let da = Day(year: a.0, month: a.1, day: a.2)!, db = Day(year: b.0, month: b.1, day: b.2)!
            #expect((da < db) == ((a.0, a.1, a.2) < (b.0, b.1, b.2)))
            #expect((da == db) == (a == b))
        }
    }
}
