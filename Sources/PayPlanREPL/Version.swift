import PayPlan

/// The version `payplan --version` prints. Raise it with every release; the scenario format's own
/// version (`ScenarioFile.version`) is printed beside it because that is what decides which files open.
public enum PayPlanVersion {
    /// This build's version (semantic versioning).
    public static let number = "0.5.0"
    /// `0.5.0 (scenario format 1)`.
    public static var text: String { "\(number) (scenario format \(ScenarioFile.version))" }
}
