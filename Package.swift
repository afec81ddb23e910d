// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "maalplan",
    products: [
        .executable(name: "maalplan", targets: ["maalplan"]),
        .executable(name: "maalplan-store", targets: ["maalplan-store"]),
        .library(name: "WordDocument", targets: ["WordDocument"]),
        .library(name: "MaalplanCore", targets: ["MaalplanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from the system (Debian: libzip-dev, libxml2-dev).
        .systemLibrary(name: "CZip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // A streaming XML pull reader over libxml2, with no vocabulary of its own.
        .target(name: "XMLStream", dependencies: ["CLibXML2"]),
        // Stage 1: the OPC package (zip), its relationships, content types and limits.
        .target(name: "DocxPackage", dependencies: ["CZip", "XMLStream"]),
        // Stage 2: WordprocessingML → a neutral document model.
        .target(name: "WordDocument", dependencies: ["DocxPackage", "XMLStream", "JSONOutput"]),
        // The domain model: Plan, Goal, Milestone, Phase, Finding, and its JSON.
        // DWARF 4: valgrind 3.19 (the profiler bench/profile.sh uses) cannot read clang 21's DWARF 5.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // glibc's allocator settings for the bulk import.
        .target(name: "CMalloc", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "MaalplanModel", dependencies: ["JSONOutput"]),
        // Stage 3: labels → fields of the domain model, guidance removed.
        .target(name: "MaalplanMapping", dependencies: ["MaalplanModel", "WordDocument"]),
        // Stage 4: phase rules → findings with locations.
        .target(name: "MaalplanValidation", dependencies: ["MaalplanModel"]),
        // The stages wired together, for the CLI and for programs that use maalplan as a library.
        .target(name: "MaalplanCore", dependencies: ["DocxPackage", "WordDocument", "MaalplanModel", "MaalplanMapping", "MaalplanValidation", "CSHA256"]),
        // Bulk import into SQLite (GRDB): schema and migrations, folder walk, parallel parse, one writer, report.
        .target(name: "MaalplanStore", dependencies: [
            "MaalplanCore", "DocxPackage", "WordDocument", "MaalplanModel", "MaalplanMapping", "MaalplanValidation", "JSONOutput",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Ordered JSON output shared by the writers.
        .target(name: "JSONOutput"),
        // Writes .docx files from WordprocessingML strings: tests, fixtures, benchmarks.
        .target(name: "DocxBuilder", dependencies: ["CZip"]),
        // Distinct builder-made plans for the import tests and benchmark.
        .target(name: "MaalplanSamples", dependencies: ["DocxBuilder"]),

        // The command line's shared pieces: options, messages, output, and the store commands' arguments.
        .target(name: "MaalplanCLI", dependencies: [
            "DocxPackage", "MaalplanModel", "MaalplanCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // convert, validate, inspect (and import/report handed to maalplan-store): no Foundation, quick to start.
        .executableTarget(name: "maalplan", dependencies: [
            "WordDocument", "DocxPackage", "MaalplanModel", "MaalplanMapping", "MaalplanValidation", "MaalplanCore",
            "JSONOutput", "MaalplanCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // import and report: the SQLite store (GRDB, Foundation).
        .executableTarget(name: "maalplan-store", dependencies: [
            "MaalplanStore", "MaalplanCore", "DocxPackage", "MaalplanCLI", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "maalplan-bench-read", dependencies: ["WordDocument", "DocxPackage"],
                          path: "bench/Sources/maalplan-bench-read"),

        // Writes the builder-made fixtures (swift run make-fixtures Fixtures).
        .executableTarget(name: "make-fixtures", dependencies: ["DocxBuilder"], path: "scripts/make-fixtures"),
        // Writes N distinct plans for the import benchmark and tests (swift run make-plans N DIR).
        .executableTarget(name: "make-plans", dependencies: ["MaalplanSamples"], path: "scripts/make-plans"),

        // libFuzzer target for the package + reader (see fuzz/run.sh).
        .executableTarget(name: "maalplan-fuzz", dependencies: ["WordDocument", "DocxPackage", "MaalplanCore", "CZip"],
                          path: "fuzz/Sources/maalplan-fuzz"),

        .testTarget(name: "MaalplanTests", dependencies: ["MaalplanCore", "DocxBuilder", "JSONOutput"]),
        .testTarget(name: "ImportTests", dependencies: [
            "MaalplanStore", "MaalplanCore", "MaalplanModel", "MaalplanMapping", "MaalplanSamples", "DocxBuilder",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "CorpusTests", dependencies: ["WordDocument", "DocxPackage", "MaalplanModel", "MaalplanCore"], exclude: ["pandoc-words.tsv"]),
        .testTarget(name: "WordDocumentTests",
                    dependencies: ["WordDocument", "DocxPackage", "XMLStream", "DocxBuilder", "JSONOutput", "MaalplanCore", "MaalplanModel"]),
    ],
    swiftLanguageModes: [.v6]
)
