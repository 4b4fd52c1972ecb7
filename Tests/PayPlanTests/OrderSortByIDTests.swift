import Foundation
import Testing
@testable import PayPlan

/// `Workspace.sortByID` sorts numeric order numbers by their values (issue 10: a million orders in random row
/// order) and gives exactly what sorting by `Order.idPrecedes` gives, ties and all: on generated lists of
/// platform-shaped numbers, numbers with leading zeros (`07` and `7` tie), numbers beyond `Int`, and lists
/// with one ID that is not digits (the long way).
@Suite struct OrderSortByIDTests {
    /// The definition: the orders sorted by `idPrecedes` with the same sort.
    static func reference(_ list: [Order]) -> [Order] {
        var l = list
        l.sort { Order.idPrecedes($0.id, $1.id) }
        return l
    }

    static func orders(_ ids: [String]) -> [Order] {
        ids.enumerated().map { k, id in Order(id: id, agent: nil, date: Day(year: 2026, month: 1, day: 1)!, fields: ["k": .number(Fixed(k))]) }
    }

    @Test func numericIDsSortAsIDPrecedesSorts() {
        var rng = SplitMix64(seed: 20261203)
        for round in 0..<300 {
            let n = Int.random(in: 2...300, using: &rng)
            var ids: [String] = []
            for _ in 0..<n {
                switch (round % 5, Int.random(in: 0..<10, using: &rng)) {
                case (0, _): ids.append(String(format: "2026%02d%02d%011d", Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng), Int.random(in: 0..<100_000, using: &rng)))
                case (1, _): ids.append(String(repeating: "0", count: Int.random(in: 0...2, using: &rng)) + "\(Int.random(in: 0...40, using: &rng))") // ties
                case (2, 0): ids.append("99999999999999999999\(Int.random(in: 0...9, using: &rng))") // beyond Int: the long way
                case (3, 0): ids.append("T\(Int.random(in: 0...50, using: &rng))") // not digits: the long way
                default: ids.append("\(Int.random(in: 0...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng))")
                }
            }
            if round % 7 == 0 { ids.sort { Order.idPrecedes($0, $1) } } // in order: nothing to do
            if round % 7 == 1 { ids.sort { Order.idPrecedes($1, $0) } } // newest first: reversed
            let list = Self.orders(ids)
            var sorted = list
            Workspace.sortByID(&sorted)
            // The same orders in the same places (their fields tell tied IDs apart).
            #expect(sorted == Self.reference(list), "round \(round)")
        }
    }

    @Test func byHand() {
        var l = Self.orders(["10", "9", "2026010100000000002", "100", "2026010100000000001"])
        Workspace.sortByID(&l)
        #expect(l.map(\.id) == ["9", "10", "100", "2026010100000000001", "2026010100000000002"])
        #expect(Workspace.numericKeys(Self.orders(["007", "7"])) == [7, 7])
        #expect(Workspace.numericKeys(Self.orders(["7", "7a"])) == nil)
        #expect(Workspace.numericKeys(Self.orders(["9223372036854775808"])) == nil) // Int.max + 1
        #expect(Workspace.numericKeys(Self.orders([""])) == nil)
    }

    /// `Workspace.merge` of numeric order numbers running strictly one way (an export, newest first or oldest
    /// first: no repeat looked for by hashing, no sort) leaves what one `upsert` per order leaves and reports the
    /// same replaced orders, on generated lists: runs both ways, into an empty workspace and over stored orders
    /// (some IDs shared), and lists that break the run (a repeat, `07` beside `7`, one out of turn, an ID that is
    /// not digits), which take the long way.
    @Test func mergeOfARunEqualsUpsertOneByOne() {
        var rng = SplitMix64(seed: 20261204)
        let day = Day(year: 2026, month: 1, day: 1)!
        func order(_ id: String, _ k: Int) -> Order { Order(id: id, agent: nil, date: day, fields: ["k": .number(Fixed(k))]) }
        for round in 0..<300 {
            let n = Int.random(in: 2...200, using: &rng)
            var values = (0..<n).map { _ in Int.random(in: 0..<1_000, using: &rng) * 1_000_003 }
            values = Array(Set(values)).sorted()
            if round % 2 == 1 { values.reverse() }
            var ids = values.map { String($0) }
            switch round % 6 {
            case 2 where ids.count > 2: ids.insert(ids[1], at: 2)                        // a repeat
            case 3 where ids.count > 2: ids[1] = "0" + ids[1]                              // 07 beside 7: equal values
            case 4 where ids.count > 2: ids.swapAt(0, ids.count - 1)                       // out of turn
            case 5: ids.append("T1")                                                       // not digits
            default: break
            }
            let incoming = ids.enumerated().map { order($1, round * 1_000 + $0) }
            var base = Workspace()
            if round % 3 != 0 {
                for _ in 0..<Int.random(in: 1...40, using: &rng) {
                    let shared = Bool.random(using: &rng) ? ids[Int.random(in: 0..<ids.count, using: &rng)] : String(Int.random(in: 0..<1_000, using: &rng) * 1_000_003 + 1)
                    base.upsert(order(shared, -1))
                }
            }
            var oneByOne = base
            let expected = incoming.map { oneByOne.upsert($0) }
            var merged = base
            let replaced = merged.merge(incoming)
            #expect(merged.orders == oneByOne.orders, "round \(round)")
            #expect(replaced == expected, "round \(round)")
        }
        // By hand: which way a list runs.
        #expect(Workspace.numericRun(Self.orders(["1", "2", "10"])) == .ascending)
        #expect(Workspace.numericRun(Self.orders(["10", "2", "1"])) == .descending)
        #expect(Workspace.numericRun(Self.orders(["1", "2", "2"])) == nil)
        #expect(Workspace.numericRun(Self.orders(["7", "07"])) == nil)
        #expect(Workspace.numericRun(Self.orders(["1", "3", "2"])) == nil)
        #expect(Workspace.numericRun(Self.orders(["1", "2a"])) == nil)
        #expect(Workspace.numericRun(Self.orders(["1"])) == nil)
    }
    /// `Workspace.merge(taking:removing:)` (an import's merge, moving the orders) leaves what one `upsert` per order
    /// leaves (after `removeOrder` of each ID in `removing`), and what `merge` leaves, with the list left empty,
    /// on generated lists: shuffled platform numbers (sorted by the permutation's cycles), runs both ways, a
    /// repeat, `07` beside `7` (equal values: `merge`'s way), IDs that are not digits; into an empty workspace,
    /// one whose orders are all removed, and over stored orders. `recordedThrough` follows the orders' dates.
    @Test func mergeTakingEqualsUpsertOneByOne() {
        var rng = SplitMix64(seed: 20261206)
        func order(_ id: String, _ k: Int) -> Order {
            Order(id: id, agent: nil, date: Day(year: 2026, month: 1 + k % 12, day: 1 + k % 28)!, fields: ["k": .number(Fixed(k))])
        }
        for round in 0..<400 {
            let n = Int.random(in: 2...200, using: &rng)
            var ids = Array(Set((0..<n).map { _ in 2026_0101_0000_0000_000 + Int.random(in: 0..<1_000_000, using: &rng) * 13 })).map(String.init)
            switch round % 7 {
            case 0: ids.sort { Order.idPrecedes($0, $1) }
            case 1: ids.sort { Order.idPrecedes($1, $0) }
            case 2: ids.shuffle(using: &rng); ids.insert(ids[0], at: ids.count / 2)     // a repeat
            case 3: ids.shuffle(using: &rng); ids.append("0" + ids[0])                  // 07 beside 7
            case 4: ids.shuffle(using: &rng); ids.insert("T\(round)", at: ids.count / 3) // not digits
            default: ids.shuffle(using: &rng)
            }
            let incoming = ids.enumerated().map { order($1, round * 1_000 + $0) }
            var base = Workspace(), removing = Set<String>()
            switch round % 3 {
            case 1: // stored orders, all removed by the import
                for k in 0..<Int.random(in: 1...20, using: &rng) { base.upsert(order("S\(k)", k)) }
                removing = Set(base.orders.map(\.id))
            case 2: // stored orders, some sharing an ID with the list, one removed
                for k in 0..<Int.random(in: 1...20, using: &rng) { base.upsert(order(Bool.random(using: &rng) ? ids[Int.random(in: 0..<ids.count, using: &rng)] : "S\(k)", 50_000 + k)) }
                removing = [base.orders[0].id]
            default: break
            }
            var oneByOne = base
            for id in removing { oneByOne.removeOrder(id) }
            for o in incoming { oneByOne.upsert(o) }
            var byMerge = base
            byMerge.merge(incoming, removing: removing)
            var taken = base, list = incoming
            taken.merge(taking: &list, removing: removing)
            #expect(list.isEmpty)
            #expect(taken.orders == byMerge.orders, "round \(round)")
            if round % 7 != 3 { #expect(taken.orders == oneByOne.orders, "round \(round)") } // (ties: as `merge` places them)
            #expect(taken.recordedThrough == oneByOne.recordedThrough, "round \(round)")
        }
        // By hand: shuffled numbers into an empty workspace, sorted by value; the latest date recorded.
        var w = Workspace(), list = [order("30", 5), order("100", 1), order("7", 2), order("20", 3)]
        w.merge(taking: &list)
        #expect(w.orders.map(\.id) == ["7", "20", "30", "100"] && list.isEmpty)
        #expect(w.recordedThrough == Day(year: 2026, month: 6, day: 6))
    }

    /// `Workspace.setOrders`: a later order with an ID already seen replaces the earlier one, and the orders end
    /// sorted by `idPrecedes` (`T2` before `T10`: same prefix, 2 < 10), whether they come shuffled, in order or reversed.
    @Test func setOrdersKeepsTheLaterRepeatAndSortsByID() {
        let day = Day(year: 2026, month: 3, day: 5)!
        func order(_ id: String, _ k: Int) -> Order { Order(id: id, agent: nil, date: day, fields: ["k": .number(Fixed(k))]) }
        var w = Workspace()
        w.setOrders([order("T2", 1), order("T10", 2), order("T2", 3), order("T1", 4)])
        #expect(w.orders == [order("T1", 4), order("T2", 3), order("T10", 2)])
        w.setOrders([order("T1", 5), order("T2", 6), order("T10", 7)])
        #expect(w.orders == [order("T1", 5), order("T2", 6), order("T10", 7)])
        w.setOrders([order("T10", 8), order("T2", 9), order("T1", 10), order("T10", 11)])
        #expect(w.orders == [order("T1", 10), order("T2", 9), order("T10", 11)])
        w.setOrders([])
        #expect(w.orders.isEmpty)
    }
}
