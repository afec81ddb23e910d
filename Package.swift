// swift-tools-version:6.0
import PackageDescription

// The modules, lowest first (README, "Architecture", draws the graph):
//   XMLStream → DocxPackage → WordDocument ─┐
//   MaalplanModel ──────────────────────────┼→ MaalplanMapping ─┐
//                 └──────────────────────────→ MaalplanValidation ┴→ MaalplanCore → MaalplanStore
// and the programs on top (maalplan, maalplan-store) with their shared MaalplanCLI.
// Built and tested on Linux (Debian): the code calls glibc and reads /proc/self/exe.

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries from the system (Debian: libzip-dev, libxml2-dev) and of our own.
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // SHA-256 with the CPU's SHA instructions where there are any. DWARF 4: valgrind 3.19
        // (bench/profile.sh) cannot read clang 21's DWARF 5.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-gdwarf-4"])]),

        // Ordered JSON output shared by the writers.
        .target(name: "JSONOutput"),
        // Text helpers (NFC, trimming, case, white space, words, lookup keys): the fast paths on
        // UTF-8 bytes through one scanner, each beside its plain version.
        .target(name: "TextScan"),
        // A streaming XML pull reader over libxml2, with no vocabulary of its own.
        // libxml2's generic error function is C-variadic, which Swift cannot write: kept in C.
        .target(name: "CXMLErrorLine", dependencies: ["CLibXML2"], cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "XMLStream", dependencies: ["CLibXML2", "CXMLErrorLine"]),
        // Stage 1: the OPC package (zip), its content types, relationships, parts, limits, refusals.
        .target(name: "DocxPackage", dependencies: ["CZip", "XMLStream"]),
        // Stage 2: WordprocessingML → a neutral document model.
        .target(name: "WordDocument", dependencies: ["DocxPackage", "XMLStream", "TextScan", "JSONOutput"]),
        // The domain: Plan, Goal, Milestone; phases, fields and field paths; findings and their
        // messages in both languages; the plan's JSON.
        .target(name: "MaalplanModel", dependencies: ["JSONOutput"]),
        // Stage 3: the document model → a plan: labels to fields, guidance removed, dates read.
        // Its words (labels, synonyms, the template's guidance) are data/labels.txt, built in by
        // the EmbedLabels plugin.
        .target(name: "MaalplanMapping", dependencies: ["MaalplanModel", "WordDocument", "TextScan"],
                plugins: ["EmbedLabels"]),
        .plugin(name: "EmbedLabels", capability: .buildTool(), dependencies: ["embed-text"]),
        .executableTarget(name: "embed-text", path: "scripts/embed-text"),
        // Stage 4: the phase rules → findings with locations.
        .target(name: "MaalplanValidation", dependencies: ["MaalplanModel", "TextScan"]),
        // The one place the stages are wired, for the programs and for use as a library.
        .target(name: "MaalplanCore", dependencies: [
            "DocxPackage", "WordDocument", "MaalplanModel", "MaalplanMapping", "MaalplanValidation", "TextScan", "CSHA256",
        ]),
        // Bulk import into SQLite (GRDB): migrations and records, folder walk, parse threads, one writer, report.
        .target(name: "MaalplanStore", dependencies: [
            "MaalplanCore", "DocxPackage", "MaalplanModel", "MaalplanMapping", "TextScan", "JSONOutput", grdb, .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),

        // The command line's shared pieces: options, output, and the store commands' arguments.
        .target(name: "MaalplanCLI", dependencies: ["DocxPackage", "MaalplanModel", "MaalplanMapping", "MaalplanCore", argumentParser]),
        // convert, validate, inspect (import and report handed to maalplan-store): no Foundation, quick to start.
        .executableTarget(name: "maalplan", dependencies: [
            "WordDocument", "DocxPackage", "MaalplanModel", "MaalplanValidation", "MaalplanCore", "JSONOutput", "MaalplanCLI",
            argumentParser,
        ]),
        // import and report: the SQLite store (GRDB, Foundation).
        .executableTarget(name: "maalplan-store", dependencies: [
            "MaalplanStore", "MaalplanCore", "MaalplanModel", "DocxPackage", "MaalplanCLI", argumentParser,
        ]),

        // Writes .docx files from WordprocessingML strings: tests, fixtures, benchmarks.
        .target(name: "DocxBuilder", dependencies: ["CZip"]),
        // Distinct builder-made plans for the import tests and benchmark.
        .target(name: "MaalplanSamples", dependencies: ["DocxBuilder"]),
        // Writes the builder-made fixtures (swift run make-fixtures Fixtures).
        .executableTarget(name: "make-fixtures", dependencies: ["DocxBuilder"], path: "scripts/make-fixtures"),
        // Writes N distinct plans for the import benchmark and tests (swift run make-plans N DIR).
        .executableTarget(name: "make-plans", dependencies: ["MaalplanSamples"], path: "scripts/make-plans"),
        // Reading alone, in process, for bench/run.sh.
        .executableTarget(name: "maalplan-bench-read", dependencies: ["WordDocument", "DocxPackage"],
                          path: "bench/Sources/maalplan-bench-read"),
        // libFuzzer target for the package + reader (see fuzz/run.sh).
        .executableTarget(name: "maalplan-fuzz", dependencies: ["WordDocument", "DocxPackage", "MaalplanCore", "CZip"],
                          path: "fuzz/Sources/maalplan-fuzz"),

        // Tests: one target per module, named after it; TestSupport holds what several share.
        .target(name: "TestSupport", dependencies: [
            "DocxBuilder", "DocxPackage", "WordDocument", "MaalplanModel", "MaalplanSamples", "MaalplanStore", grdb,
        ], path: "Tests/TestSupport"),
        .testTarget(name: "TextScanTests", dependencies: ["TextScan", "TestSupport"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream", "WordDocument", "DocxPackage", "JSONOutput", "TestSupport"]),
        .testTarget(name: "DocxPackageTests", dependencies: ["DocxPackage", "WordDocument", "DocxBuilder", "JSONOutput", "TestSupport"]),
        .testTarget(name: "DocxBuilderTests", dependencies: ["DocxBuilder", "WordDocument", "TestSupport"]),
        .testTarget(name: "WordDocumentTests", dependencies: ["WordDocument", "DocxPackage", "XMLStream", "DocxBuilder", "TestSupport"]),
        .testTarget(name: "JSONOutputTests", dependencies: ["JSONOutput", "TestSupport"]),
        .testTarget(name: "MaalplanModelTests", dependencies: ["MaalplanModel", "JSONOutput", "TestSupport"]),
        .testTarget(name: "MaalplanMappingTests", dependencies: ["MaalplanMapping", "MaalplanModel", "JSONOutput", "TestSupport"]),
        .testTarget(name: "MaalplanValidationTests", dependencies: [
            "MaalplanValidation", "MaalplanMapping", "MaalplanModel", "MaalplanCore", "DocxPackage", "WordDocument", "TestSupport",
        ]),
        .testTarget(name: "MaalplanCoreTests", dependencies: ["MaalplanCore", "MaalplanModel", "DocxPackage", "DocxBuilder", "TestSupport"]),
        .testTarget(name: "MaalplanStoreTests", dependencies: [
            "MaalplanStore", "MaalplanCore", "MaalplanModel", "MaalplanSamples", "DocxPackage", "TestSupport", grdb,
        ]),
        // The programs as a user runs them (they are built first: `make test`).
        .testTarget(name: "CommandTests", dependencies: [
            "MaalplanStore", "MaalplanCore", "MaalplanModel", "MaalplanValidation", "MaalplanSamples", "DocxPackage", "DocxBuilder",
            "JSONOutput", "TestSupport", grdb,
        ]),
        // The third-party corpus in ../shared (skipped where it is absent).
        .testTarget(name: "CorpusTests", dependencies: ["WordDocument", "DocxPackage", "MaalplanModel", "MaalplanCore"],
                    exclude: ["pandoc-words.tsv"]),
    ],
    swiftLanguageModes: [.v6]
)
