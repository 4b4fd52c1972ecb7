import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// A format flag with a file whose name says another format (`report … --csv --out q.json`: CSV in a file
/// every program opens as JSON) is refused, naming both and the file name that fits, en/zh, and nothing is
/// written; a name that says no format (`q.txt`, `q`) takes any, and a name alone picks the format as before.
/// Every figure command that writes files (report, compare, orders, attribution) and statement.
@Suite struct FormatFileNameTests {
    /// The flags of figure tables and the extension each writes.
    static let flags = [("--csv", "csv", "CSV"), ("--json", "json", "JSON"), ("--md", "md", "Markdown")]
    /// The extensions that name a format, and its name.
    static let named = [("csv", "CSV"), ("json", "JSON"), ("md", "Markdown"), ("xlsx", "Excel"), ("html", "HTML")]

    @Test func everyFlagWithAnotherFormatsNameIsRefused() throws {
        let dir = tempDir("formatname")
        let s = try Session(path: onlineShop)
        for command in ["report 2026-03", "compare main main 2026-03", "orders 小美 2026-03", "attribution 2026-03"] {
            for (flag, ext, what) in Self.flags {
                for (other, otherName) in Self.named where other != ext {
                    let file = "\(dir)/q.\(other)"
                    s.language = .en
                    expectRefused(s, "\(command) \(flag) --out \(file)",
                                  "\(flag) writes \(what), but \(file) is named as \(otherName); name the file \(dir)/q.\(ext), or leave out \(flag) and the name picks the format")
                    s.language = .zh
                    expectRefused(s, "\(command) \(flag) --out \(file)",
                                  "\(flag) 写出的是 \(what)，而 \(file) 的扩展名表示 \(otherName)；请把文件名改为 \(dir)/q.\(ext)，或去掉 \(flag)，由文件名决定格式")
                    #expect(!FileManager.default.fileExists(atPath: file))
                }
                // The name of its own format, a name that says none, and a name alone are written.
                s.language = .en
                for file in ["\(dir)/ok.\(ext)", "\(dir)/ok-\(ext).txt", "\(dir)/ok-\(ext)"] {
                    run(s, "\(command) \(flag) --out \(file)")
                    #expect(FileManager.default.fileExists(atPath: file), "\(command) \(flag) --out \(file)")
                }
            }
        }
    }

    @Test func aStatementsFormatAndItsFileNameAgree() throws {
        let dir = tempDir("formatname-statement")
        let s = try Session(path: electronics)
        expectRefused(s, "statement 李雷 2026-03 --format md --out \(dir)/s.html",
                      "--format md writes Markdown, but \(dir)/s.html is named as HTML; name the file \(dir)/s.md, or leave out --format md and the name picks the format")
        expectRefused(s, "statement 李雷 2026-03 --html \(dir)/s.csv",
                      "--html writes HTML, but \(dir)/s.csv is named as CSV; name the file \(dir)/s.html, or leave out --html and the name picks the format")
        expectRefused(s, "statement all 2026-03 --csv \(dir)/all.json",
                      "--csv writes CSV, but \(dir)/all.json is named as JSON; name the file \(dir)/all.csv, or leave out --csv and the name picks the format")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        run(s, "statement 李雷 2026-03 --format md --out \(dir)/s.md", "statement 李雷 2026-03 --out \(dir)/s.html",
            "statement 李雷 2026-03 --text \(dir)/s.txt", "statement all 2026-03 --html \(dir)/all")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/s.html")), as: UTF8.self).contains("<html"))
    }

    @Test func theFileThatFits() {
        #expect(FigureFormat.renamed("q.json", to: "csv") == "q.csv")
        #expect(FigureFormat.renamed("a.b/q", to: "md") == "a.b/q.md")
        #expect(FigureFormat.renamed("r.JSON", to: "text") == "r.txt")
        #expect(FigureFormat.formatNamed(by: "S.HTM") == "html" && FigureFormat.formatNamed(by: "q.txt") == nil)
    }
}
