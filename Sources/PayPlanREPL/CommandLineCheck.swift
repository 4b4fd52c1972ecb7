import Foundation

/// `payplan`'s own command line (`payplan [SCENARIO.json] [-e COMMAND]… [-f SCRIPT]… [--lang zh|en] …`) as
/// this module reads it when ArgumentParser has refused it, so that the refusal can be said in the
/// language in effect: ArgumentParser's own "Error: Unknown option '--htlm'" is English only
/// (fresh-user finding M-A). ArgumentParser stays the reader of the command line; this only names
/// what it refused.
public enum CommandLineCheck {
    /// The options that take a value (`-e COMMAND`, `-f SCRIPT`, `--lang zh`).
    public static let valueOptions = ["-e", "-f", "--lang"]
    /// The options that take none.
    public static let flags = ["--bail", "--no-color", "--force", "--recover", "--help", "-h", "--version"]

    /// The language of `arguments`' `--lang zh|en` (`--lang=zh`; the last one given), or else the locale's
    /// (`LANG=zh_CN.UTF-8` gives Chinese). An unknown `--lang` value leaves the locale's.
    /// - Complexity: O(n) in the arguments.
    public static func language(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> DisplayLanguage {
        var chosen: DisplayLanguage?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count {
                chosen = DisplayLanguage(rawValue: arguments[i + 1]) ?? chosen
                i += 2; continue
            }
            if a.hasPrefix("--lang=") { chosen = DisplayLanguage(rawValue: String(a.dropFirst("--lang=".count))) ?? chosen }
            if valueOptions.contains(a) { i += 2; continue }
            i += 1
        }
        return chosen ?? DisplayLanguage.fromEnvironment(environment)
    }

    /// What is wrong with `arguments`, which ArgumentParser refused: the first unknown option (with the
    /// one most likely meant), an option whose value is missing, or a second scenario file; `.commandLine(nil)`
    /// when none of these is found (the usage alone).
    /// - Complexity: O(n) in the arguments.
    public static func problem(_ arguments: [String]) -> ShellMessage {
        var i = 0, scenario: String?
        var options = false
        while i < arguments.count {
            let a = arguments[i]
            if !options && a == "--" { options = true; i += 1; continue }
            if !options && valueOptions.contains(a) {
                guard i + 1 < arguments.count else { return .commandLine(.needsValue(a)) }
                i += 2; continue
            }
            if !options && (flags.contains(a) || a.hasPrefix("--lang=")) { i += 1; continue }
            if !options && a.hasPrefix("-") && a.count > 1 {
                let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
                return .commandLine(.unknownOption(name, known: valueOptions + flags.filter { $0 != "-h" }))
            }
            if let first = scenario { return .secondScenario(a, first: first) }
            scenario = a
            i += 1
        }
        return .commandLine(nil)
    }
}
