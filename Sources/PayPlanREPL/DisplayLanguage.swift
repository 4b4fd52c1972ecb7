import Foundation

/// The language payplan speaks to the user: messages, help, explain, reports.
/// Plan rules keep the names their author gave them; in Chinese, reports and
/// statements show the rules' labels (`"提成"`) where the plan gives them.
public enum DisplayLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// Chinese when the locale says so (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh`), else English.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> DisplayLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}
