import PayPlan

/// What is wrong with a command's `--options` (`CommandArguments`, `FigureFormat`): the caller
/// puts its usage line after it.
public enum ArgumentMessage: MessageCatalogue, Error, Equatable {
    /// `--csv=x`: a flag given a value.
    case takesNoValue(String)
    case givenTwice(String)
    /// `--xlsx` at the end of the line.
    case needsValue(String)
    /// An option the command does not take, with the ones it does (none: empty).
    case unknownOption(String, known: [String])
    /// `--csv --json`: two formats.
    case oneFormat([String])
    /// `--xlsx a.xlsx --out b.xlsx`.
    case xlsxAndOut(out: String)
    /// `--xlsx a.csv`.
    case xlsxName(String)
    /// `--csv --out q.json`: the format asked for (`option`, `--csv` or `--format md`; `format`, csv) is not the
    /// one the file's name says (`named`, json).
    case formatAndFileDiffer(option: String, format: String, file: String, named: String)

    public var wording: Wording {
        switch self {
        case .takesNoValue(let n): return Wording(en: "\(n) takes no value", zh: "\(n) 不带值")
        case .givenTwice(let n): return Wording(en: "\(n) is given twice", zh: "\(n) 写了两次")
        case .needsValue(let n): return Wording(en: "\(n) needs a value", zh: "\(n) 后面要写值")
        case .unknownOption(let n, let known):
            // The option most likely meant (--htlm → --html: a swap of neighbours is one slip).
            let near = Session.nearestName(to: n, among: Set(known))
            return Wording(en: "unknown option \(n)" + (known.isEmpty ? " (this command takes none)" : " (options: \(known.joined(separator: ", "))\(near.map { "; did you mean \($0)?" } ?? ""))"),
                           zh: "没有选项 \(n)" + (known.isEmpty ? "（这个命令不带选项）" : "（可用选项：\(known.joined(separator: "、"))\(near.map { "；是不是想写 \($0)？" } ?? "")）"))
        case .oneFormat(let kinds):
            return Wording(en: "one format at a time (" + kinds.joined(separator: " and ") + ")",
                    zh: "一次只能选一种格式（" + kinds.joined(separator: " 和 ") + "）")
        case .xlsxAndOut(let o):
            return Wording(en: "--xlsx names the file already; --out \(o) is one file too many", zh: "--xlsx 已经给出文件名；--out \(o) 多了一个文件")
        case .xlsxName(let f):
            return Wording(en: "--xlsx \(f): an Excel workbook's name ends in .xlsx", zh: "--xlsx \(f)：Excel 工作簿的文件名以 .xlsx 结尾")
        case .formatAndFileDiffer(let o, let k, let f, let n):
            let renamed = FigureFormat.renamed(f, to: k), what = FigureFormat.formatName(k), named = FigureFormat.formatName(n)
            return Wording(en: "\(o) writes \(what), but \(f) is named as \(named); name the file \(renamed), or leave out \(o) and the name picks the format",
                           zh: "\(o) 写出的是 \(what)，而 \(f) 的扩展名表示 \(named)；请把文件名改为 \(renamed)，或去掉 \(o)，由文件名决定格式")
        }
    }

    /// The English text.
    public var message: String { wording.en }

    public static var samples: [ArgumentMessage] {
        [.takesNoValue("--csv"), .givenTwice("--out"), .needsValue("--xlsx"), .unknownOption("--x", known: []),
         .unknownOption("--x", known: ["--csv", "--out"]), .unknownOption("--htlm", known: ["--html", "--threshold"]), .oneFormat(["--csv", "--json"]), .xlsxAndOut(out: "b.xlsx"), .xlsxName("a.csv"),
         .formatAndFileDiffer(option: "--csv", format: "csv", file: "q.json", named: "json"), .formatAndFileDiffer(option: "--format md", format: "md", file: "s.html", named: "html")]
    }
}
