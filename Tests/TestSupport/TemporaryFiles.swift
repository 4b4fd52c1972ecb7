import Foundation

/// A new empty folder under the system's temporary folder, named `payplan-<label>-<UUID>`.
public func tempDir(_ label: String = "test") -> String {
    let d = NSTemporaryDirectory() + "payplan-\(label)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

/// Writes `bytes` to `name` in a new temporary folder and returns its path.
public func tempFile(_ bytes: Data, _ name: String = "orders.csv") throws -> String {
    let path = tempDir("import") + "/" + name
    try bytes.write(to: URL(fileURLWithPath: path))
    return path
}
