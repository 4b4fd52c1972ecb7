import Foundation

/// What-if forks in scenario files.
///
/// A scenario may carry an optional `"forks"` object: fork name → a body in
/// the same encoding as the scenario itself (plan lines, agents, inputs,
/// years), so a fork reads and diffs like a scenario. Older files have no
/// `"forks"` and load with none.
extension ScenarioFile {
    /// Encodes `main` with `forks` (name → workspace) beside it.
    public static func encode(_ main: Workspace, forks: [String: Workspace], description: String? = nil) throws -> Data {
        var body = body(of: main, description: description)
        if !forks.isEmpty { body.forks = forks.mapValues { self.body(of: $0) } }
        return try encode(body)
    }

    /// Decodes a scenario and its forks, parsing the bytes once.
    /// - Throws: `ScenarioError` naming the place, `forks.NAME: …` for a fork.
    public static func decodeWithForks(_ data: Data) throws -> (workspace: Workspace, description: String?, forks: [String: Workspace]) {
        let body = try decodeBody(data)
        let (w, d) = try workspace(from: body)
        var forks: [String: Workspace] = [:]
        for (name, f) in body.forks ?? [:] {
            do {
                var (fork, forkDescription) = try workspace(from: f)
                // A fork's own `"description"` (written by hand: payplan writes none) is kept as written
                // and saved back in its place, so a save never drops it.
                if let forkDescription { fork.kept.top.append(KeptKey(key: "description", value: .string(forkDescription))) }
                forks[name] = fork
            } catch let e as ScenarioError {
                throw ScenarioError(.at("forks.\(name)", e.kind))
            }
        }
        return (w, d, forks)
    }

    /// Reads a scenario file and its forks.
    public static func loadWithForks(path: String) throws -> (workspace: Workspace, description: String?, forks: [String: Workspace]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError(unreadable(path))
        }
        do { return try decodeWithForks(data) } catch let e as ScenarioError { throw ScenarioError(.at(path, e.kind.naming(file: path))) }
    }

    /// Saves `main` with its forks, atomically.
    public static func save(_ main: Workspace, forks: [String: Workspace], description: String? = nil, path: String) throws {
        try AtomicFile.write(try encode(main, forks: forks, description: description), to: path)
    }
}
