import Foundation

/// The checkout this test build comes from (the folder holding `Package.swift`), worked out from this
/// source file's path: `Tests/TestSupport/RepositoryRoot.swift` is three components below it.
public let repositoryRoot: String = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/")

/// Plan C, the shipped electronics-sales scenario (rules.md C1–C9).
public let electronics = repositoryRoot + "/scenarios/electronics-sales.json"
/// Plan A, the shipped online-shop customer-service scenario (rules.md A1–A8).
public let onlineShop = repositoryRoot + "/scenarios/online-shop-cs.json"
/// Plan B, the shipped web-agency scenario (rules.md B1–B7).
public let webAgency = repositoryRoot + "/scenarios/web-agency.json"
