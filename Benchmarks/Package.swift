// swift-tools-version:6.0
// The payplan benchmark, kept out of the root package so that `swift build`
// and `swift test` never compile it. Run from this folder:
//     swift run -c release payplan-bench
import PackageDescription

let package = Package(
    name: "PayPlanBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "PayPlan", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "payplan-bench",
            dependencies: [.product(name: "PayPlan", package: "PayPlan"), .product(name: "PayPlanREPL", package: "PayPlan")]
        ),
    ]
)
