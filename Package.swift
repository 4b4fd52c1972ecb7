// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PayPlan",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PayPlan", targets: ["PayPlan"]),
        .library(name: "PayPlanREPL", targets: ["PayPlanREPL"]),
        .executable(name: "payplan", targets: ["payplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // MARK: Model, language and engine (no I/O but scenario files)
        .target(name: "PayPlan", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        // MARK: Order import from CSV files (UTF-8 or GB18030), kept apart so the engine has no CSV reading
        .target(name: "PayPlanImport", dependencies: ["PayPlan"]),
        // MARK: Session, commands, rendering, help (no terminal)
        .target(name: "PayPlanREPL", dependencies: ["PayPlan", "PayPlanImport", "CXLSXWriter"]),
        // MARK: Excel workbooks: libxlsxwriter (Debian: libxlsxwriter-dev), for report … --xlsx
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // MARK: Line editing: BSD libedit (Debian: libedit-dev) and a thin Swift adapter
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        // MARK: Executable: arguments and the main loop
        .executableTarget(
            name: "payplan",
            dependencies: [
                "PayPlanREPL",
                "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // MARK: Tests
        // Helpers shared by the test targets (repository root, run/query/expectRefused, SplitMix, temporary files)
        .target(name: "TestSupport", dependencies: ["PayPlan", "PayPlanREPL"], path: "Tests/TestSupport"),
        .testTarget(name: "PayPlanTests", dependencies: ["PayPlan", "TestSupport"]),
        // Golden/ holds the zh transcript ZhTranscriptTests compares against (read by path).
        .testTarget(name: "PayPlanREPLTests", dependencies: ["PayPlanREPL", "PayPlan", "TestSupport"], exclude: ["Golden"]),
        // Fixtures/ are platform export files the tests read by path (not bundle resources).
        // yaslab/CSV.swift is the oracle CSVRecordReaderTests compares payplan's byte-level CSV reader against.
        .testTarget(name: "PayPlanImportTests", dependencies: ["PayPlanImport", "PayPlanREPL", "PayPlan", "TestSupport",
                                                               .product(name: "CSV", package: "CSV.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "PayPlanCLITests", dependencies: ["payplan", "TestSupport"]),
    ]
)
