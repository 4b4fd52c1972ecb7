/// The order in which `payplan` runs its `-e` commands and `-f` scripts: the order they are given on the
/// command line, as psql runs its `-c` and `-f` (so `payplan c.json -f edits.txt -e save` saves the edits,
/// where running every `-e` first would save before the edits ran).
public enum CommandLineOrder {
    /// One thing to run: the `-e` command or the `-f` script with that index among its kind (0-based).
    public enum Step: Equatable, Sendable {
        case command(Int), script(Int)
    }

    /// The steps for `arguments` (the command line without the program name), given how many `-e` and
    /// `-f` values the argument parser read. A value option's value is never read as an option itself
    /// (`-e -f` runs the command `-f`), and nothing after `--` is an option. When the count found does not
    /// match the parser's (a spelling this scan does not know), every command runs first, then every script.
    /// - Complexity: O(n) in the arguments.
    public static func steps(_ arguments: [String], commands: Int, scripts: Int) -> [Step] {
        var steps: [Step] = [], e = 0, f = 0, i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "-e" || a == "-f", i + 1 < arguments.count {
                if a == "-e" { steps.append(.command(e)); e += 1 } else { steps.append(.script(f)); f += 1 }
                i += 2
                continue
            }
            i += CommandLineCheck.valueOptions.contains(a) ? 2 : 1
        }
        guard e == commands, f == scripts else {
            return (0..<commands).map(Step.command) + (0..<scripts).map(Step.script)
        }
        return steps
    }
}
