import PayPlan

/// Operators that trap on overflow, for tests only: test figures are known to fit.
/// The product has none, so every `+ − ×` on amounts in `Sources/` says what happens
/// on overflow (`Fixed.checkedAdd` and friends, then `#OVERFLOW` or a clear error).
extension Fixed {
    /// Adds, trapping when the sum leaves ±10²⁶.
    public static func + (a: Fixed, b: Fixed) -> Fixed { checkedAdd(a, b)! }
    /// Subtracts, trapping when the difference leaves ±10²⁶.
    public static func - (a: Fixed, b: Fixed) -> Fixed { checkedSubtract(a, b)! }
    /// Multiplies, trapping when the product leaves ±10²⁶.
    public static func * (a: Fixed, b: Fixed) -> Fixed { checkedMultiply(a, b)! }
}
