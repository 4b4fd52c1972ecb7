import Foundation
import PayPlan

/// What writing a figure table to a file says (`report`, `compare`, `orders`, `attribution` with
/// `--csv|--json|--md|--xlsx|--out`, FigureFormat.swift).
public enum FigureFileMessage: MessageCatalogue {
    /// `--xlsx` without a file name.
    case xlsxNeedsFile
    /// The file could not be written (why, in both languages).
    case notWritten(Wording)
    /// A figure file, statement, page or chart aimed at a payplan scenario (the open one when `open`).
    case wouldReplaceScenario(String, open: Bool)
    /// A workbook written, with its sheets' names.
    case wroteWorkbook(String, sheets: [String])
    /// A text file written in a format (`csv`, `json`, `md`).
    case wrote(String, format: String)

    public var wording: Wording {
        switch self {
        case .xlsxNeedsFile: Wording(en: "--xlsx needs a file name, e.g. --xlsx report.xlsx", zh: "--xlsx 后面需要文件名，例如 --xlsx 报表.xlsx")
        case .notWritten(let w): w.followed(by: Wording(en: "; nothing was written", zh: "；未写入任何文件"))
        case .wouldReplaceScenario(let f, let open):
            Wording(en: "\(f) is a payplan scenario\(open ? " (the one open here)" : ""): figures are never written over a scenario, so nothing was written; choose another file name (e.g. report.csv); save writes scenarios",
                    zh: "\(f) 是 payplan 方案文件\(open ? "（就是当前打开的这个）" : "")：数字不会写到方案文件上，未写入任何文件；请换一个文件名（例如 report.csv）；方案用 save 保存")
        case .wroteWorkbook(let f, let s):
            Wording(en: "wrote \(f) (xlsx, \(s.count) sheet\(s.count == 1 ? "" : "s"): \(s.joined(separator: ", ")))",
                    zh: "已写入 \(f)（xlsx，\(s.count) 张表：\(s.joined(separator: "、"))）")
        case .wrote(let f, let k): Wording(en: "wrote \(f) (\(k))", zh: "已写入 \(f)（\(k)）")
        }
    }

    public static var samples: [FigureFileMessage] {
        [.xlsxNeedsFile, .notWritten(Wording(en: "cannot write 报表.csv: Permission denied", zh: "无法写入 报表.csv：没有权限")),
         .wroteWorkbook("报表.xlsx", sheets: ["2026-03"]), .wouldReplaceScenario("方案.json", open: true), .wouldReplaceScenario("plan-b.json", open: false), .wroteWorkbook("报表.xlsx", sheets: ["2026-Q1", "2026-01"]), .wrote("报表.csv", format: "csv")]
    }
}

/// A refusal inside a what-if command, thrown to the command's `catch` and shown as its message.
struct WhatIfRefusal: Error {
    let said: any Message
    init(_ said: any Message) { self.said = said }
}

extension Session {
    /// An error from below the REPL (a file that cannot be written, a refused probe) in both
    /// languages, from its type: a `WhatIfError` with a reason is worded from it, a file error
    /// (`ScenarioError`, with the system's error number) and the other typed errors by
    /// `Session.said`; nothing is translated by matching its text.
    static func describeBoth(_ error: Error) -> Wording {
        if let e = error as? WhatIfError { return WhatIfMessage.probeWording(e.reason) }
        if let e = error as? WhatIfRefusal { return e.said.wording }
        let line = Session.said(error)
        return Wording(en: line.text(.en), zh: line.text(.zh))
    }
}
