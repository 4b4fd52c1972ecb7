/// Graph algorithms the engine needs, on nodes numbered `0..<n`.
public enum Graph {
    /// A cycle in a small graph, as the nodes around it with the first repeated
    /// at the end (`[a, b, a]`), or `nil` when there is none. Iterative DFS.
    ///
    /// - Complexity: O(nodes + edges).
    public static func findCycle(nodeCount n: Int, edges: (Int) -> [Int]) -> [Int]? {
        var state = [UInt8](repeating: 0, count: n) // 0 new, 1 on stack, 2 done
        for root in 0..<n where state[root] == 0 {
            var stack: [(node: Int, next: Int, succ: [Int])] = [(root, 0, edges(root))]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].succ.count {
                    let s = stack[top].succ[stack[top].next]
                    stack[top].next += 1
                    if state[s] == 1 {
                        let path = stack.map(\.node)
                        let start = path.lastIndex(of: s)!
                        return Array(path[start...]) + [s]
                    }
                    if state[s] == 0 { state[s] = 1; stack.append((s, 0, edges(s))) }
                } else {
                    state[stack[top].node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}

/// A directed graph in compressed sparse rows: for node `i`, its targets are
/// `targets[offsets[i]..<offsets[i + 1]]`. Built once per engine; 4 bytes an edge.
public struct CSRGraph: Sendable {
    public var offsets: [Int32]
    public var targets: [Int32]

    public init(offsets: [Int32], targets: [Int32]) { self.offsets = offsets; self.targets = targets }

    @inlinable public func neighbours(_ i: Int) -> ArraySlice<Int32> {
        targets[Int(offsets[i])..<Int(offsets[i + 1])]
    }

    /// The reversed graph.
    ///
    /// - Complexity: O(nodes + edges).
    public func reversed() -> CSRGraph {
        let n = offsets.count - 1
        var count = [Int32](repeating: 0, count: n + 1)
        for t in targets { count[Int(t) + 1] += 1 }
        for i in 0..<n { count[i + 1] += count[i] }
        var fill = count
        var out = [Int32](repeating: 0, count: targets.count)
        for i in 0..<n {
            for k in Int(offsets[i])..<Int(offsets[i + 1]) {
                let t = Int(targets[k])
                out[Int(fill[t])] = Int32(i)
                fill[t] += 1
            }
        }
        return CSRGraph(offsets: count, targets: out)
    }
}
