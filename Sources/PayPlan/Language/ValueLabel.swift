/// A Chinese (or other) label for one text value of a parameter, attribute or field, declared by the
/// `labels` clause: `field terms "付款方式" default "cash" labels "cash" "现金", "net30" "月结30天"`.
///
/// The plan's formulas, its files and its input keep the raw value (`cash`); the REPL shows the label
/// under `--lang zh` (`Plan.valueLabel(of:value:)`), and the raw value under English or when a value has
/// no label.
public struct ValueLabel: Equatable, Sendable {
    /// The value as formulas and files write it: `cash`, `net30`, `after-sales`.
    public var value: String
    /// What staff read for it: `现金`, `月结30天`, `售后客服`. Never empty.
    public var label: String
    public init(value: String, label: String) { self.value = value; self.label = label }
}
