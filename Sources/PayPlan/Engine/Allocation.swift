/// Splitting an amount into shares that add up to it exactly, to the fen.
public enum Allocation {
    /// Shares of `total` in proportion to `weights`, each a whole number of fen,
    /// adding up exactly to `total` rounded to the fen (the largest remainder
    /// method): every share is first rounded toward zero, then the fen left
    /// over go one each to the largest remainders, ties to the earlier weight.
    ///
    /// Example: 1,000.00 split six ways equally is 166.67 × 4 and 166.66 × 2.
    /// - Returns: `nil` when the weights add up to zero but the total does not
    ///   (there is no way to share it), and when a weight is negative or the weights
    ///   add up to more than 10²⁶ (callers check that first to say so); all zeros when
    ///   both are zero.
    /// - Complexity: O(n log n) for n weights.
    public static func largestRemainder(total: Fixed, weights: [Fixed]) -> [Fixed]? {
        let fenUnit = Fixed.scale / 100
        let totalFen = total.rounded(toDigits: 2).raw / fenUnit
        guard !weights.contains(where: \.isNegative), let sum = Fixed.checkedSum(weights) else { return nil }
        let sumRaw = sum.raw
        if sumRaw == 0 { return totalFen == 0 ? weights.map { _ in .zero } : nil }
        let negative = totalFen < 0
        let t = UInt128(negative ? -totalFen : totalFen)
        var floors: [UInt128] = []
        var remainders: [UInt128] = []
        for w in weights {
            // t × w ÷ Σw with a 256-bit intermediate.
            let (high, low) = t.multipliedFullWidth(by: UInt128(w.raw))
            let (q, r) = UInt128(sumRaw).dividingFullWidth((high, low))
            floors.append(q); remainders.append(r)
        }
        var left = Int(t - floors.reduce(0, +))
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 && remainders[i] > 0 { floors[i] += 1; left -= 1 }
        return floors.map { Fixed(raw: (negative ? -Int128($0) : Int128($0)) * fenUnit) }
    }
}
