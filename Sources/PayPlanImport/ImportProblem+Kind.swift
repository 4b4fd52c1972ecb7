extension ImportProblem {
    /// A problem of a typed `kind`, with its English reason.
    public init(row: Int, column: String?, _ kind: Kind) {
        self.init(row: row, column: column, reason: kind.english, kind: kind)
    }
}

extension ImportProblem.Kind {
    /// The problem in English (the REPL words every kind in both languages, `ImportMessage`).
    public var english: String {
        switch self {
        case .negative(let t, let f, let r): OrderImport.negativeReason(t, field: f, refundColumn: r)
        case .outsideRange(let t, let f, let r): "'\(t)' is outside the range the plan declares for \(f) (\(r)), as order add would refuse it"
        case .buyersAboveInquiries(let b, let q, let c):
            "\(b.format(minimumFractionDigits: 0, grouping: false)) paying buyers is more than the \(q.format(minimumFractionDigits: 0, grouping: false)) inquiring buyers (\(c)): a conversion above 100%"
        case .cellCount(let cells, let columns):
            cells < columns ? "the row has \(cells) cell\(cells == 1 ? "" : "s") where the header has \(columns) columns: a row cut short is not read (its missing cells would count as blank); check the export"
                : "the row has \(cells) cells, more than the header's \(columns) columns: a row with cells past the header is not read; check the export"
        case .emptyOrderNumber: "the order number is empty"
        case .shortenedOrderNumber(let v): "'\(v)' is an order number the spreadsheet shortened to a number; format the column as text and export again"
        case .duplicateOrderNumber(let v, let r): "the order number \(v) is also on row \(r)"
        case .unknownAgent(let v, let known): "no agent named or with the ID '\(v)' (agents: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : ""))"
        case .emptyDate: "the date is empty"
        case .notADate(let v): "'\(v)' is not a date such as 2026-03-02 or 2026/3/2"
        case .invalidDate(let v): "'\(v)' is not a valid date"
        case .notAFlag(let v): "'\(v)' is not yes or no (是/否, Y/N)"
        case .notAnAmount(let v, let tooLarge): tooLarge ? "'\(v)' is too large: amounts go up to 10²⁶" : "'\(v)' is not an amount such as 12345.60, ¥12,345 or 12,345元"
        case .finerThanFen(let v, let f): "'\(v)' is finer than a fen (0.01): \(f) is money or a count, entered to the fen at most, as order set holds it"
        case .outsideYears(let d, let y): "\(d) is outside the scenario's years (\(y))"
        case .emptyAgent: "the agent is empty"
        case .notAMonth(let v): "'\(v)' is not a month such as 2026-03, 2026/3 or 2026年3月"
        case .emptyMonth: "the month is empty (give --month 2026-03)"
        case .duplicateAgentMonth(let a, let p, let r): "\(a) in \(p) is also on row \(r)"
        case .notANumberOrTime(let v, let tooLarge):
            tooLarge ? "'\(v)' is too large: amounts and times go up to 10²⁶" : "'\(v)' is not a number or a time such as 12, 12s, 1分30秒 or 1:30"
        case .negativeValue(let v): "'\(v)' is negative"
        case .unknownStatus(let s, let f, let known): "'\(s)' is not a status --format \(f) knows (\(known.joined(separator: ", "))); nothing is guessed"
        case .subOrdersTooLarge(let k): "the sub-orders' \(k) add up to more than 10²⁶"
        case .storedRefundsTooLarge(let o): "the refunds already imported for order \(o) add up to more than 10²⁶"
        case .refundGrewUndated(let o, let from, let to):
            "the refund of order \(o) grew from \(from.moneyText) to \(to.moneyText) since the last import and the file has no 退款时间; "
                + "give --refunds-known DATE (the day you learned of it) to claw the increase back in that month"
        case .refundBeforeOrder(let o, let d, let od): "the refund of order \(o) is dated \(d), before the order (\(od))"
        case .refundGrewAgain(let o, let od):
            "the refund of order \(o) grew again after the increase booked on \(od): a refund in three steps is not imported; "
                + "change the order by hand (order set \(o) refund=… refund_date=…)"
        }
    }
}

/// A cell's value that cannot be read is the row's problem (`OrderImport.value`'s failure).
extension ImportProblem.Kind: Error {}
