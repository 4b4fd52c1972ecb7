import Foundation

extension ScenarioError {
    /// What went wrong reading or writing a file, as data.
    public enum Kind: Equatable, Sendable {
        /// `path` could not be read: it does not exist, or (`exists`) it may not be read or is no file.
        case cannotRead(path: String, exists: Bool)
        /// `path` exists but may not be read.
        case cannotReadPermission(path: String)
        /// `path` is a folder, holding these scenario files (`.json`, sorted).
        case directoryNotScenario(path: String, scenarios: [String])
        /// `path` (a symbolic link to `link`, when it is one) could not be written, for `why`.
        case cannotWrite(path: String, link: String?, why: WriteProblem)
        /// The finished temporary file could not be renamed over `path`: the system's error number.
        case cannotReplace(path: String, link: String?, errno: Int32)
        /// `path` is a loop of symbolic links (or a chain of more than 32).
        case linkLoop(path: String)
        case noFileName
        /// The problem `kind` at `place`: a file (`a.json`), a field (`agents[2].hired`), a fork (`forks.lower`).
        indirect case at(String, ScenarioError.Kind)
        /// The file is not JSON: the first syntax error, at a line and column (columns count characters).
        case notJSON(line: Int, column: Int, JSONProblem)
        /// The file is not UTF-8 at a line and column; `readsAsGBK` when its bytes are GB18030 (GBK) text, as
        /// files saved on Chinese Windows are, so the message names the encoding and the `iconv` that converts
        /// `file` (the file's path when known, for the command).
        case notUTF8(line: Int, column: Int, readsAsGBK: Bool, file: String?)
        /// The file is UTF-16 text (`encoding`: `UTF-16` with a byte-order mark, `UTF-16LE` or `UTF-16BE` without),
        /// as Notepad's "Unicode" and Excel's "Unicode text" save it, not UTF-8; `file` as for `notUTF8`.
        case utf16(encoding: String, file: String?)
        /// `"format"` is not payplan's (`expected`).
        case notAScenario(format: String, expected: String)
        case versionMissing
        /// Written in format `version`, newer than this build reads (`reads`).
        case newerVersion(Int, reads: Int)
        /// `"version"` below 1 (this build reads 1 to `reads`).
        case notAFormatVersion(Int, reads: Int)
        /// `"years"` neither a year nor a range of years.
        case yearsFormat(found: String)
        /// `"years"` covering `count` years, more than 50.
        case tooManyYears(String, count: Int)
        /// A line of the plan that does not parse or check: its line (1-based) and the error.
        case planLine(Int, SourceError.Kind)
        /// A definition of the plan that does not compile.
        case planDefinition(String, SourceError.Kind)
        /// Rules of the plan that read each other in a circle: the names around it, the first repeated at the end.
        case planCycle([String])
        /// An agent's name empty.
        case agentNameEmpty
        /// An agent's name given to an earlier agent too (`first`: that agent's place, `agents[0]`).
        case agentNameTwice(String, first: String)
        /// An order's ID empty.
        case orderIDEmpty
        /// An order's ID given to an earlier order too (`first`: that order's place, `orders[0]`).
        case orderIDTwice(String, first: String)
        /// Text that is not a date (`example`: a date the message shows, such as 2025-06-01).
        case notADate(String, example: String?)
        /// Text that is not a period (`example`: say `such as 2026-03`).
        case notAPeriod(String, example: Bool)
        /// A name that is not one of the scenario's agents.
        case notAnAgent(String)
        /// `calendar.weekend` with a day outside 1…7.
        case weekendDays
        /// An agent's name of `length` characters, more than `maximum`.
        case nameTooLong(length: Int, maximum: Int)
        /// An employee ID that agent `other` (index `otherIndex`) has too.
        case duplicateEmployeeID(String, otherIndex: Int, other: String)
        case leftBeforeHired(left: Day, hired: Day)
        /// An agent (`agent`) hired after the scenario's years (`span`, `2026` or `2026–2027`).
        case hiredAfterYears(Day, span: String, agent: String)
        /// An agent (`agent`) gone before the scenario's years.
        case leftBeforeYears(Day, span: String, agent: String)
        /// An attribute `name` whose value lies outside the range the plan declares.
        case attributeOutsideRange(name: String, value: String, range: String)
        /// An entered value no input holds (`Workspace.StrayInput`), and how many more like it.
        case strayInput(Workspace.StrayInput, years: ClosedRange<Int>, more: Int)
        /// An order field (`field`) or attribute the plan holds to amounts whose value is not a number;
        /// `defaultText` or `range` is how the plan declares it.
        case notANumber(value: String, field: Bool, name: String, defaultText: String?, range: String?)
        /// A field the record at its place must have (`"name"`, `"id"`, `"date"`, `"plan"` …).
        case fieldMissing(String)
        /// A value of another kind where this kind belongs.
        case expected(ValueKind)
        /// `null` where a value belongs.
        case valueMissing
        /// A JSON number given as an amount (`3000.1`): amounts are exact decimal strings.
        case notExactDecimal(String)
        /// Text given as an amount that is not plain decimal text (`"12x"`, `"--1"`).
        case notAnAmount(String)
        /// An amount written with more decimals (`digits`) than the 12 an amount holds (`"1.0000000000001"`).
        case tooManyDecimals(String, digits: Int)
        /// An amount written as decimal text (`"99999999999999999999999999.5"`) beyond ±10²⁶ (`Fixed.largest`).
        case amountTooLarge(String)
        /// A key given twice in one object (the second would silently replace the first).
        case keyTwice(String)
        /// A key that looks like a mistyped key payplan reads (`"hierd"` for `"hired"`), with the keys of its record.
        case misspelledKey(String, meant: String, of: KeyedRecord, keys: [String])
        /// The problem `kind` at a line and column of the file.
        indirect case atLine(line: Int, column: Int, ScenarioError.Kind)
        /// Years outside 1–9999 (the calendar the engine reads).
        case yearsOutsideCalendar(ClosedRange<Int>)
        /// A new scenario's file name (`path`) does not end in `.json`: likely a mistyped name of an existing file.
        case newFileNeedsJSONName(String)
        /// A new scenario's file (`path`) would be in a folder that does not exist.
        case newFileNoFolder(String, folder: String)
        /// Any other message, in English.
        case text(String)
    }

    /// The kind of JSON value a field holds, for "expected … here".
    public enum ValueKind: String, Equatable, Sendable, CaseIterable {
        case object = "an object {…}", list = "a list […]", text = "text", wholeNumber = "a whole number"
    }

    /// Whose keys a misspelled key is compared with.
    public enum KeyedRecord: String, Equatable, Sendable, CaseIterable {
        case scenario = "a scenario's", agent = "an agent's", order = "an order's", calendar = "the calendar's"
    }

    /// What makes a text not JSON, at its first syntax error.
    public enum JSONProblem: String, Equatable, Sendable, CaseIterable {
        case expectedString = "expected a string in double quotes"
        case controlCharacter = "a control character (such as a line break) inside a string"
        case stringNotClosed = "a string is not closed"
        case expectedValue = "expected a value"
        case nestedTooDeeply = "nested too deeply"
        case endsWhereValueExpected = "the text ends where a value is expected"
        case expectedColon = "expected ':' after a key"
        case endsInsideObject = "the text ends inside an object: a '}' is missing"
        case expectedCommaOrBrace = "expected ',' or '}'"
        case endsInsideList = "the text ends inside a list: a ']' is missing"
        case expectedCommaOrBracket = "expected ',' or ']'"
        case textAfterEnd = "unexpected text after the end"
        /// Bytes that are not UTF-8 (`Kind.notUTF8` says it with the encoding and the fix).
        case notUTF8 = "this text is not UTF-8"
        case loneSurrogate = "a \\u escape is half of a pair (a lone surrogate)"
        case unknownEscape = "an unknown escape after '\\' in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"
        case escapeHexDigits = "a \\u escape needs four hex digits"
    }

    /// Why a file could not be written.
    public enum WriteProblem: Equatable, Sendable {
        case notRegularFile
        /// The name is a folder's (`save adir`, `statement … --out adir`): said as imports say it.
        case isFolder
        case readOnly
        /// This user may not write the file of user `owner`.
        case permissionDenied(owner: UInt32)
        /// Writing would change the file's owner (user, group).
        case wouldChangeOwner(user: UInt32, group: UInt32)
        /// The file system holding the file is mounted read-only (`EROFS`): no permission would help.
        case readOnlyFileSystem
        /// The folder is missing or not writable (a workbook's temporary file could not be made).
        case folderNotWritable
        /// The system's error number (`ENOENT`, `ENOSPC` …).
        case system(errno: Int32)
        /// The workbook library (libxlsxwriter) refused a sheet of this name.
        case sheetRefused(String)
        /// The workbook library's own error text (English, from `lxw_strerror`), kept as the detail.
        case workbookLibrary(String)
        /// The finished workbook could not be read back from its temporary file.
        case workbookNotReadBack
    }
}

extension ScenarioError.WriteProblem {
    /// As the English error says it.
    public var english: String {
        switch self {
        case .notRegularFile: "it is not a regular file"
        case .isFolder: "it is a folder, not a file: write the name of a file in it"
        case .readOnly: "the file is read-only (chmod u+w makes it writable, or save to another file)"
        case .permissionDenied(let u): "permission denied (the file belongs to user \(u)); save to another file"
        case .wouldChangeOwner(let u, let g): "it belongs to user \(u), group \(g), and saving would change its owner; save to another file"
        case .readOnlyFileSystem: "the file system is read-only (mounted read-only); save to a folder on another disk"
        case .folderNotWritable: "the folder does not exist or is not writable"
        case .system(let e): String(cString: strerror(e))
        case .sheetRefused(let s): "sheet '\(s)' was refused"
        case .workbookLibrary(let text): text
        case .workbookNotReadBack: "the workbook could not be read back"
        }
    }
}

extension ScenarioError.Kind {
    /// The error in English.
    public var english: String {
        func shown(_ p: String, _ link: String?) -> String { link.map { "\(p) (a link to \($0))" } ?? p }
        switch self {
        case .cannotRead(let p, let exists): return "cannot read \(p): \(exists ? "permission denied or not a file" : "no such file")"
        case .cannotReadPermission(let p): return "cannot read \(p): permission denied"
        case .directoryNotScenario(let path, let inside):
            let dir = path.hasSuffix("/") ? path : path + "/"
            return "\(path) is a directory, not a scenario file: " + (inside.isEmpty
                ? "give a scenario file (.json)"
                : "give one of its scenario files, e.g. \(dir)\(inside[0])" + (inside.count > 1 ? " (\(inside.count) there: \(inside.prefix(4).joined(separator: ", "))\(inside.count > 4 ? ", …" : ""))" : ""))
        case .cannotWrite(let p, let l, let why): return "cannot write \(shown(p, l)): \(why.english)"
        case .cannotReplace(let p, let l, let e): return "cannot replace \(shown(p, l)): \(String(cString: strerror(e)))"
        case .linkLoop(let p): return "cannot write \(p): it is a loop of symbolic links (or a chain of more than 32); nothing was written"
        case .noFileName: return "no file name given"
        case .at(let place, let k): return "\(place): \(k.english)"
        case .notJSON(let l, let c, let p): return "not valid JSON: line \(l), column \(c): \(p.rawValue)"
        case .notUTF8(let l, let c, let gbk, let f):
            let head = "not valid JSON: line \(l), column \(c): this text is not UTF-8"
            guard gbk else { return head + "; save the file as UTF-8 text" }
            let file = f ?? "FILE"
            return head + "; it reads as GBK (GB18030), as files saved on Chinese Windows often are; convert it: iconv -f GB18030 -t UTF-8 \(file) > \(ScenarioError.Kind.utf8Name(file)) (or save it as UTF-8)"
        case .utf16(let e, let f):
            let file = f ?? "FILE"
            return "this text is \(e), not UTF-8: a scenario file is UTF-8 JSON; convert it: iconv -f \(e) -t UTF-8 \(file) > \(ScenarioError.Kind.utf8Name(file)) (or save it as UTF-8)"
        case .notAScenario(let f, let e): return "this is not a payplan scenario (format is \"\(f)\", expected \"\(e)\")"
        case .versionMissing: return "the field \"version\" is missing"
        case .newerVersion(let v, let r): return "this scenario was written in format version \(v), newer than this payplan reads (\(r)); install a newer payplan to open it"
        case .notAFormatVersion(let v, let r): return "version: \(v) is not a format version (this payplan reads versions 1 to \(r))"
        case .yearsFormat(let y): return "years: expected a year such as \"2026\" or a range such as \"2026-2027\", found \"\(y)\""
        case .tooManyYears(let y, let n): return "years: \"\(y)\" covers \(n) years; a scenario covers at most 50 (as the years command allows)"
        case .planLine(let n, let k): return "plan line \(n): \(k.english)"
        case .planDefinition(let d, let k): return "plan: in '\(d)': \(k.english)"
        case .planCycle(let path): return "plan: circular reference: \(path.joined(separator: " → "))"
        case .agentNameEmpty: return "the agent's name is empty"
        case .agentNameTwice(let n, let f): return "\"\(n)\" is also the name of \(f); agent names are unique"
        case .orderIDEmpty: return "the order's ID is empty"
        case .orderIDTwice(let id, let f): return "\"\(id)\" is also the ID of \(f); order IDs are unique"
        case .notADate(let t, let e): return "\"\(t)\" is not a date" + (e.map { " such as \($0)" } ?? "")
        case .notAPeriod(let t, let e): return "\"\(t)\" is not a period" + (e ? " such as 2026-03" : "")
        case .notAnAgent(let a): return "\"\(a)\" is not one of the agents"
        case .weekendDays: return "weekdays are 1 (Monday) to 7 (Sunday)"
        case .nameTooLong(let n, let m): return "the name is \(n) characters long; names are at most \(m)"
        case .duplicateEmployeeID(let id, let j, let other): return "\"\(id)\" is also the ID of agents[\(j)] (\(other)); employee IDs are unique"
        case .leftBeforeHired(let l, let h): return "\(l) is before hired \(h); an agent cannot leave before being hired"
        case .hiredAfterYears(let h, let span, let a): return "\(h) is after the scenario's years (\(span)); \(a) would never be employed in it"
        case .leftBeforeYears(let l, let span, let a): return "\(l) is before the scenario's years (\(span)); \(a) would never be employed in it"
        case .attributeOutsideRange(let n, let v, let r): return "\(v) is outside the range the plan declares for \(n) (\(r)), as agent set would refuse it"
        case .strayInput(let s, let y, let more):
            return "\(s.why(years: y)); payplan would not read this value" + (more > 0 ? " (and \(more) more value\(more == 1 ? "" : "s") like it)" : "")
        case .notANumber(let v, let field, let n, let d, let r):
            let held = d.map { "its default is \($0)" } ?? "its range is \(r ?? "")"
            return "\"\(v)\" is not a number; the plan's \(field ? "field" : "attribute") \(n) holds amounts (\(held)), as \(field ? "order set" : "agent set") would refuse it"
        case .fieldMissing(let k): return "the field \"\(k)\" is missing"
        case .expected(let v): return "expected \(v.rawValue) here"
        case .valueMissing: return "a value is missing"
        case .notExactDecimal(let t): return "\(t) is written as a number: write an amount as a string, \"\(t)\", so that no digit is lost"
        case .amountTooLarge(let t): return "'\(t)' is too large: amounts go up to 10²⁶ (100,000,000,000,000,000,000,000,000)"
        case .notAnAmount(let t): return "'\(t)' is not an amount: write digits with at most one point, such as \"3000.10\" or \"-0.5\""
        case .tooManyDecimals(let t, let d): return "'\(t)' has \(d) decimal places; amounts have at most 12"
        case .keyTwice(let k): return "the key \"\(k)\" appears twice in this object; the second would replace the first"
        case .misspelledKey(let k, let m, let whose, let keys):
            return "the key \"\(k)\" is not one payplan reads: did you mean \"\(m)\"? (\(whose.rawValue) keys: \(keys.joined(separator: ", ")))"
        case .atLine(let l, let c, let k): return "line \(l), column \(c): \(k.english)"
        case .yearsOutsideCalendar(let y): return "years \(y.lowerBound)–\(y.upperBound): a scenario's years must lie within 1–9999"
        case .newFileNeedsJSONName(let p): return "\(p): no such file (a new scenario needs a name ending in .json, e.g. \(p).json)"
        case .newFileNoFolder(let p, let f): return "\(p): no such folder \(f), so a new scenario could not be saved there"
        case .text(let s): return s
        }
    }
}

extension ScenarioError.Kind {
    /// The name `iconv`'s output is given for `file`: `g.json` → `g.utf8.json`.
    public static func utf8Name(_ file: String) -> String {
        file.hasSuffix(".json") ? String(file.dropLast(5)) + ".utf8.json" : file + ".utf8.json"
    }

    /// This kind with the file's path filled into a `notUTF8` or `utf16` (at any depth), for the `iconv` command.
    func naming(file: String) -> ScenarioError.Kind {
        switch self {
        case .notUTF8(let l, let c, let g, nil): .notUTF8(line: l, column: c, readsAsGBK: g, file: file)
        case .utf16(let e, nil): .utf16(encoding: e, file: file)
        case .at(let p, let k): .at(p, k.naming(file: file))
        default: self
        }
    }
}
