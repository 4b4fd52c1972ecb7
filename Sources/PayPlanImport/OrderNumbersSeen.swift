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

    /// A record for a file of at most `expected` rows.
    init(expected: Int = 0) { self.expected = expected }

    /// The row of an earlier good row with order number `id`, or `nil`. `orders` are the good rows read so far
    /// (the dictionary is built from them when the run breaks here).
    /// - Complexity: O(length of `id`) while the run holds; O(orders) once when it breaks; then a hash look-up.
    mutating func earlierRow(of id: String, orders: [(row: Int, order: Order)]) -> Int? {
        if byNumber == nil, continuesRun(id) { return nil }
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
        if byNumber == nil {
            if let l = last, direction == 0 { direction = Self.compare(id, l) ?? 0 }
            if continuesRun(id) || last == nil { last = id; return }
            _ = earlierRow(of: id, orders: orders) // the run breaks: to the dictionary
        }
        byNumber![id] = row
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
