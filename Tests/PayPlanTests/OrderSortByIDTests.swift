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
}
