import PayPlan

/// Deterministic random numbers for tests: PayPlan's SplitMix64 (Steele, Lea and Flood 2014), the
/// generator `forecast` uses, so a failing generated case is reproduced from its seed on every machine.
public typealias SplitMix = SplitMix64
