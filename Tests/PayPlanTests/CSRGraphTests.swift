import Testing
import TestSupport
@testable import PayPlan

/// The compressed sparse rows of the cell graph with gaps (`CSROffsets`): runs of nodes with no
/// edge hold no offset entry, and the graph reads as the same graph without them. Swept over random
/// graphs against a reference of plain adjacency lists (no gaps, every entry stored).
@Suite struct CSRGraphTests {
    /// A random graph of `n` nodes where the nodes of `gaps` have no edge either way, as adjacency lists.
    func randomGraph(_ n: Int, gaps: [Range<Int>], _ rng: inout SplitMix64) -> [[Int32]] {
        let inGap = (0..<n).map { i in gaps.contains { $0.contains(i) } }
        let free = (0..<n).filter { !inGap[$0] }
        return (0..<n).map { i in
            guard !inGap[i], !free.isEmpty else { return [] }
            return (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int32(free[Int.random(in: 0..<free.count, using: &rng)]) }
        }
    }

    /// The graph `lists` as CSR built node by node, its gaps left out as `buildDependencyGraph` leaves them.
    func gapped(_ lists: [[Int32]], gaps: [Range<Int>]) -> CSRGraph {
        var offsets = CSROffsets(first: 0, capacity: lists.count + 1)
        var targets: [Int32] = []
        var i = 0
        while i < lists.count {
            if let g = gaps.first(where: { $0.lowerBound == i }) { offsets.skip(nodes: g.lowerBound, g.upperBound); i = g.upperBound; continue }
            targets += lists[i]
            offsets.append(Int32(targets.count))
            i += 1
        }
        return CSRGraph(offsets: offsets, targets: targets)
    }

    @Test func aGraphWithGapsReadsAsTheGraphWithout() {
        var rng = SplitMix64(seed: 20261206)
        for round in 0..<300 {
            let n = Int.random(in: 0...40, using: &rng)
            // Gaps: disjoint runs in node order, some adjacent, some empty, some at the ends.
            var gaps: [Range<Int>] = []
            var at = 0
            while at < n {
                at += Int.random(in: 0...4, using: &rng)
                let end = min(n, at + Int.random(in: 0...6, using: &rng))
                if at < end { gaps.append(at..<end) }
                at = end
            }
            let lists = randomGraph(n, gaps: gaps, &rng)
            let g = gapped(lists, gaps: gaps)
            // Reference: every entry stored.
            var entries: [Int32] = [0]
            for l in lists { entries.append(entries.last! + Int32(l.count)) }
            #expect(g.offsets.count == n + 1, "round \(round)")
            #expect((0...n).map { g.offsets[$0] } == entries, "round \(round)")
            #expect((0..<n).map { Array(g.neighbours($0)) } == lists, "round \(round)")
            // Reversed: node i's targets are the nodes that list i, in node order.
            let r = g.reversed()
            let readers = (0..<n).map { i in (0..<n).flatMap { j in lists[j].filter { $0 == Int32(i) }.map { _ in Int32(j) } } }
            #expect((0..<n).map { Array(r.neighbours($0)) } == readers, "round \(round)")
            #expect(r.offsets.count == n + 1, "round \(round)")
            // Nodes appended after every gap, and taken off again, as an agent appended in place is.
            var h = g
            let extra = Int.random(in: 1...3, using: &rng)
            var appended = lists
            for _ in 0..<extra {
                let reads: [Int32] = n == 0 ? [] : [Int32(Int.random(in: 0..<n, using: &rng))]
                h.targets += reads
                h.offsets.append(Int32(h.targets.count))
                appended.append(reads)
            }
            #expect((0..<(n + extra)).map { Array(h.neighbours($0)) } == appended, "round \(round)")
            h.targets.removeLast(h.targets.count - Int(h.offsets[n]))
            h.offsets.removeLast(extra)
            #expect((0..<n).map { Array(h.neighbours($0)) } == lists && h.offsets.count == n + 1, "round \(round)")
        }
    }
}
