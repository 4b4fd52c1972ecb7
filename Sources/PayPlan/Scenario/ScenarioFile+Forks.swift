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
        let data = try encode(main, description: description)
        guard !forks.isEmpty else { return data }
        var body = try JSONDecoder().decode(Body.self, from: data)
        var out: [String: Body] = [:]
        for (name, w) in forks {
            out[name] = try JSONDecoder().decode(Body.self, from: try encode(w))
        }
        body.forks = out
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var result = try encoder.encode(body)
        result.append(0x0A)
        return result
    }

    /// Decodes a scenario and its forks.
    /// - Throws: `ScenarioError` naming the place, `forks.NAME: …` for a fork.
    public static func decodeWithForks(_ data: Data) throws -> (workspace: Workspace, description: String?, forks: [String: Workspace]) {
        let (w, d) = try decode(data)
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: data) } catch { throw ScenarioError(describe(error)) }
        var forks: [String: Workspace] = [:]
        let encoder = JSONEncoder()
        for (name, f) in body.forks ?? [:] {
            var fb = f
            fb.forks = nil
            do { forks[name] = try decode(try encoder.encode(fb)).workspace } catch let e as ScenarioError {
                throw ScenarioError("forks.\(name): \(e.message)")
            }
        }
        return (w, d, forks)
    }

    /// Reads a scenario file and its forks.
    public static func loadWithForks(path: String) throws -> (workspace: Workspace, description: String?, forks: [String: Workspace]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ScenarioError("cannot read \(path): \(FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")")
        }
        do { return try decodeWithForks(data) } catch let e as ScenarioError { throw ScenarioError("\(path): \(e.message)") }
    }

    /// Saves `main` with its forks, atomically.
    public static func save(_ main: Workspace, forks: [String: Workspace], description: String? = nil, path: String) throws {
        try AtomicFile.write(try encode(main, forks: forks, description: description), to: path)
    }
}
