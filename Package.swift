// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SafaBot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "safa-bot", targets: ["safa-bot"]),
        .executable(name: "safa-bench", targets: ["safa-bench"]),
        .executable(name: "safa-engine-bench", targets: ["safa-engine-bench"]),
    ],
    targets: [
        // C libraries from Debian, each imported by exactly one Swift target.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // glibc's malloc.h (mallopt), for the executable's allocator settings.
        .systemLibrary(name: "CMalloc"),

        // The pure core: dialog model, loader + findings, engine, validators, Arabic text, FAQ matching.
        .target(name: "DialogCore"),

        // Adapters over C libraries.
        .target(name: "SQLiteStore", dependencies: ["CSQLite", "DialogCore", "BotRuntime", "OfficerDesk"]),
        .target(name: "HTTPClient", dependencies: ["CCurl"]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
        .target(name: "Hashing", dependencies: ["COpenSSL"]),

        // Channels and the runtime that ties inbox → engine → store → outbox together.
        .target(name: "BotRuntime", dependencies: ["DialogCore", "Hashing"]),
        .target(
            name: "TelegramChannel", dependencies: ["DialogCore", "BotRuntime", "HTTPClient", "HTTPServer", "Hashing"]),
        .target(
            name: "WhatsAppChannel", dependencies: ["DialogCore", "BotRuntime", "HTTPClient", "HTTPServer", "Hashing"]),
        .target(name: "OfficerDesk", dependencies: ["DialogCore", "BotRuntime", "HTTPServer", "Hashing"]),
        .target(name: "WebChatChannel", dependencies: ["DialogCore", "BotRuntime", "HTTPServer", "Hashing"]),

        // The one place that knows every concrete type, and the thin executables over it.
        .target(
            name: "SafaBotCLI",
            dependencies: [
                "DialogCore", "BotRuntime", "SQLiteStore", "HTTPClient", "HTTPServer", "Hashing", "TelegramChannel",
                "WhatsAppChannel", "OfficerDesk", "WebChatChannel",
            ]
        ),
        .executableTarget(name: "safa-bot", dependencies: ["SafaBotCLI", "CMalloc"]),
        .executableTarget(name: "safa-engine-bench", dependencies: ["DialogCore"]),
        .executableTarget(
            name: "safa-bench",
            dependencies: [
                "DialogCore", "BotRuntime", "SQLiteStore", "SafaBotCLI", "SafaBotTestSupport", "HTTPClient",
                "WhatsAppChannel",
            ]
        ),

        // Fakes shared by tests and benchmarks: platform servers, clocks, scripted conversations.
        .target(
            name: "SafaBotTestSupport",
            dependencies: [
                "DialogCore", "BotRuntime", "HTTPServer", "HTTPClient", "Hashing", "TelegramChannel", "WhatsAppChannel",
                "SQLiteStore",
            ]
        ),

        .testTarget(name: "DialogCoreTests", dependencies: ["DialogCore", "SafaBotTestSupport"]),
        .testTarget(
            name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "DialogCore", "BotRuntime", "OfficerDesk"]),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "HTTPServer"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPClient", "SafaBotTestSupport"]),
        .testTarget(
            name: "TelegramChannelTests",
            dependencies: [
                "TelegramChannel", "SafaBotTestSupport", "HTTPClient", "HTTPServer", "DialogCore", "BotRuntime",
            ]),
        .testTarget(
            name: "WhatsAppChannelTests",
            dependencies: [
                "WhatsAppChannel", "SafaBotTestSupport", "HTTPClient", "HTTPServer", "DialogCore", "BotRuntime", "Hashing",
            ]),
        .testTarget(
            name: "BotRuntimeTests", dependencies: ["BotRuntime", "DialogCore", "SafaBotTestSupport", "Hashing"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(
            name: "WebChatChannelTests", dependencies: ["WebChatChannel", "BotRuntime", "DialogCore", "HTTPServer"]),
        .testTarget(
            name: "OfficerDeskTests", dependencies: ["OfficerDesk", "DialogCore", "BotRuntime", "SafaBotTestSupport"]),
        .testTarget(
            name: "SafaBotCLITests",
            dependencies: [
                "SafaBotCLI", "DialogCore", "BotRuntime", "SQLiteStore", "SafaBotTestSupport", "TelegramChannel",
                "WhatsAppChannel", "HTTPClient", "HTTPServer", "WebChatChannel", "Hashing",
            ]
        ),
    ]
)

// The Umm al-Qura calendar (Hijri dates typed in forms, the earliest decision date in the submission notice,
// Saudi holidays) is registered by FoundationInternationalization through a dynamic replacement of
// FoundationEssentials' `_calendarICUClass()`. Nothing references that replacement by name, so a static
// release build (`--static-swift-stdlib`) leaves its object file out of the archive and the first Hijri
// calendar use crashes. `-u` makes the linker pull it in. (Verified with `make release` and a submitted
// help request in `.build/release/safa-bot chat`.)
let ummAlQuraRegistration =
    "$s30FoundationInternationalization27_calendarICUClass_localized33_32C5FDF24BA720EC1E3946F3F9F31490LL"
    + "0A10Essentials17_CalendarProtocol_pXpSgyFTX"
for target in package.targets where target.type == .executable {
    target.linkerSettings =
        (target.linkerSettings ?? []) + [
            .unsafeFlags(["-Xlinker", "-u", "-Xlinker", ummAlQuraRegistration], .when(platforms: [.linux]))
        ]
}

// Strict settings on every Swift target, set once (STYLE.md rule 9).
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
