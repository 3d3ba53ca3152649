public import Foundation

/// Finds `shared/platform-specs` (the Telegram and WhatsApp specs and example payloads) for tests.
public enum PlatformSpecs {
    /// The environment variable that overrides the lookup.
    public static let environmentVariable = "SAFA_PLATFORM_SPECS"

    /// The first existing of: `$SAFA_PLATFORM_SPECS`, `<package>/../shared/platform-specs` (CI clones the repo
    /// next to `shared/`), `<package>/shared/platform-specs`, `/work/shared/platform-specs`.
    public static var directory: URL {
        candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    /// The Bot API spec (`telegram/api.json`).
    public static var telegramAPI: URL { directory.appending(path: "telegram/api.json") }

    /// The Telegram example payloads (`telegram/examples`, with `constructed/` inside).
    public static var telegramExamples: URL { directory.appending(path: "telegram/examples") }

    static var candidates: [URL] {
        var urls: [URL] = []
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            urls.append(URL(fileURLWithPath: override))
        }
        // This file is <package>/Sources/SafaBotTestSupport/Specs/PlatformSpecs.swift.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        urls.append(package.deletingLastPathComponent().appending(path: "shared/platform-specs"))
        urls.append(package.appending(path: "shared/platform-specs"))
        urls.append(URL(fileURLWithPath: "/work/shared/platform-specs"))
        return urls
    }
}
