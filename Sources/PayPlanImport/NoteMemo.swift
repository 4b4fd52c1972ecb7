import PayPlan

/// The attributions of the last notes credited, matched by their bytes (`TaobaoImport.credit`).
///
/// A shop's agents write their notes to a pattern (`CS01 成交`, `CS02`), so most notes of an export are one of a
/// handful of texts; crediting one is a pure function of its text (the attributor is fixed for the import), so a note
/// with the same bytes as one held gets its attribution again without reading it (the attribution was 8% of a
/// 100,000-row Taobao import). A note not held is credited and replaces the oldest held. The same bytes are the same
/// text, so the result is the attributor's in every case.
struct NoteMemo {
    private var held: [(note: String, result: Attribution.Result)] = []
    private var next = 0
    /// How many notes are held at most: a miss costs a length comparison per note held (and a `memcmp` when equal).
    static let capacity = 16

    /// The attribution held for exactly these bytes, if any.
    /// - Complexity: O(capacity) length comparisons and at most that many `memcmp`s of the note's length.
    func result(for note: String) -> Attribution.Result? {
        for e in held where e.note.hasSameBytes(as: note) { return e.result }
        return nil
    }

    /// Holds `result` for `note`, in place of the oldest note once `capacity` are held.
    /// - Complexity: O(1).
    mutating func remember(_ note: String, _ result: Attribution.Result) {
        if held.count < Self.capacity { held.append((note, result)); return }
        held[next] = (note, result)
        next = (next + 1) % Self.capacity
    }
}
