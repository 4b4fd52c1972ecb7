import Foundation
import PayPlan

/// The order numbers of a file's good rows so far, for `ImportProblem.Kind.duplicateOrderNumber` (`OrderImport.read`).
///
/// An export lists its orders by time, and order numbers rise with time: newest first they fall row by row. While
/// every number so far is ASCII and they run strictly one way (by their bytes), a new number that continues the run
/// cannot equal any earlier one, and nothing is looked up or stored: no hash of each number and no dictionary sized
/// for the file (48 MB at a million rows, its look-ups missing the cache: 4% of a 100k Taobao import). The first
/// number that breaks the run (or is not ASCII) moves to a dictionary of every good row's number, built once from
/// the rows read, and from then on each number is looked up and stored as before. For ASCII text equal bytes are
/// equal strings, so the answer is the dictionary's in every case.
///
/// `deferring` (a first pass over a file): when the run breaks and every number so far is ASCII digits whose value
/// fits in a `UInt64` (a platform's order numbers in random row order), no dictionary is built: each number is kept
/// as its value (8 bytes, no hash, no cache miss per row into a 48 MB table: 9% of importing a million shuffled rows)
/// and `earlierRow` says none. `repeatsDeferred()` then sorts the values once and says whether any value came twice:
/// when none did, no row's number was an earlier good row's (every number that reached `earlierRow` was kept), so
/// the pass found what the dictionary finds; when one did (a repeat, or `07` beside `7`), the pass must be made
/// again without deferring, which finds the repeats exactly. A number that is not such digits after the break ends
/// the deferral there: the values so far are checked, and the dictionary is built from the good rows as above.
struct OrderNumbersSeen {
    /// The last good row's number while the run holds (`byNumber` is `nil`).
    private var last: String? = nil
    /// The run's way: −1 falling, +1 rising, 0 with fewer than two numbers.
    private var direction = 0
    /// Every good row's number → its row, once the run is broken.
    private var byNumber: [String: Int]? = nil
    /// How many numbers the file may hold (its rows at most): the dictionary is sized for them when the run breaks,
    /// not grown a doubling at a time (rehashing every number held: 2.5% of importing a million rows in random
    /// order, where the run breaks at the second row), nor, breaking late, beyond twice the rows read.
    let expected: Int

    /// Whether a broken run of numbers may be kept as values (`deferring`), and the values kept once it is.
    private var deferring: Bool
    private var values: [UInt64]? = nil
    /// Whether a value came twice among those kept before the deferral ended (at a number that is not digits).
    private var repeatedBeforeEnd = false

    /// A record for a file of at most `expected` rows; `deferring`: the numbers of a broken run may be kept as values
    /// and checked once at the end (`repeatsDeferred()`).
    init(expected: Int = 0, deferring: Bool = false) { self.expected = expected; self.deferring = deferring }

    /// The row of an earlier good row with order number `id`, or `nil`. `orders` are the good rows read so far
    /// (the dictionary is built from them when the run breaks here). While numbers are kept as values
    /// (`deferring`), `nil`: `repeatsDeferred()` says at the end whether that answer held for every row.
    /// - Complexity: O(length of `id`) while the run holds or the numbers are kept as values; O(orders) once when
    ///   it breaks; then a hash look-up.
    mutating func earlierRow(of id: String, orders: [(row: Int, order: Order)]) -> Int? {
        if byNumber == nil, values == nil, continuesRun(id) { return nil }
        if values != nil {
            if let v = Self.value(id) { values!.append(v); return nil }
            // Not digits: the deferral ends here; the good rows so far go to the dictionary.
            repeatedBeforeEnd = Self.hasRepeat(&values!)
            values = nil; deferring = false
        } else if byNumber == nil, deferring, let v = Self.value(id), var kept = Self.values(of: orders) {
            kept.reserveCapacity(max(orders.count * 2, expected))
            kept.append(v)
            values = kept
            return nil
        }
        if byNumber == nil {
            var d: [String: Int] = [:]
            d.reserveCapacity(max(orders.count * 2, expected))
            for (row, o) in orders { d[o.id] = row }
            byNumber = d
        }
        return byNumber![id]
    }

    /// Records `id` as the number of good row `row` (after `earlierRow(of:orders:)` found none earlier).
    mutating func take(_ id: String, row: Int, orders: [(row: Int, order: Order)]) {
        if values != nil { return } // kept by `earlierRow`
        if byNumber == nil {
            if let l = last, direction == 0 { direction = Self.compare(id, l) ?? 0 }
            if continuesRun(id) || last == nil { last = id; return }
            _ = earlierRow(of: id, orders: orders) // the run breaks: to the dictionary
        }
        byNumber![id] = row
    }

    /// After the last row of a pass made `deferring`: whether some value was kept twice, so that the pass must be
    /// made again without deferring to find the repeated numbers (`false`: no number was an earlier good row's).
    /// - Complexity: O(n log n) for the n numbers kept as values, once.
    mutating func repeatsDeferred() -> Bool {
        if values != nil { repeatedBeforeEnd = Self.hasRepeat(&values!); values = nil }
        return repeatedBeforeEnd
    }

    /// Whether `values` holds some value twice (sorted in place to find out).
    private static func hasRepeat(_ values: inout [UInt64]) -> Bool {
        values.sort()
        return values.indices.dropFirst().contains { values[$0 - 1] == values[$0] }
    }

    /// The value of an order number that is ASCII digits (at least one, at most 19: below 10¹⁹, so it fits), else `nil`.
    static func value(_ id: String) -> UInt64? {
        var id = id
        return id.withUTF8 { b -> UInt64? in
            guard !b.isEmpty, b.count <= 19 else { return nil }
            var v: UInt64 = 0
            for c in b {
                let d = c &- 0x30
                guard d < 10 else { return nil }
                v = v &* 10 &+ UInt64(d)
            }
            return v
        }
    }

    /// The values of the good rows' numbers (`value`), or `nil` when one is not such digits.
    private static func values(of orders: [(row: Int, order: Order)]) -> [UInt64]? {
        var out: [UInt64] = []
        out.reserveCapacity(orders.count + 1)
        for (_, o) in orders {
            guard let v = value(o.id) else { return nil }
            out.append(v)
        }
        return out
    }

    /// Whether `id` continues the run: it and the last number are ASCII, and it follows it strictly the run's way
    /// (any way, different, while the run has one number).
    private func continuesRun(_ id: String) -> Bool {
        guard let l = last else { return true }
        guard let c = Self.compare(id, l), c != 0 else { return false }
        return direction == 0 || c == direction
    }

    /// −1, 0 or +1 as `a`'s bytes come before, equal or after `b`'s; `nil` when either is not ASCII.
    static func compare(_ a: String, _ b: String) -> Int? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Int? in
                for c in x where c >= 0x80 { return nil }
                for c in y where c >= 0x80 { return nil }
                let n = min(x.count, y.count)
                if n > 0 { let r = memcmp(x.baseAddress!, y.baseAddress!, n); if r != 0 { return r < 0 ? -1 : 1 } }
                return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
            }
        }
    }
}
