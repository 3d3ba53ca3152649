import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport

@testable import SafaBotCLI

/// Paths and fixtures shared by the CLI tests.
enum TestEnvironment {
    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var dialogs: String { packageRoot.appendingPathComponent("dialogs").path }

    static func shippedDialogs() throws -> DialogBundle {
        let result = DialogLoader.load(directory: URL(fileURLWithPath: dialogs))
        guard let bundle = result.bundle else {
            throw CLIError.runtime("shipped dialogs do not load: \(result.findings.map(\.description))")
        }
        return bundle
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("safabot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// What a beneficiary types to complete the shipped help request: menus by number, Arabic-Indic digits.
    static let helpRequestInputs = [
        "/start", "1", "محمد عبدالله الأحمد", "١٠٢٣٤٥٦٧٨١", "٠٥٥١٢٣٤٥٦٧", "الرياض", "٥", "٣٥٠٠", "1", "1", "تخطي",
        "البيانات صحيحة", "أقرّ وأوافق", "1",
    ]

    /// Waits (bounded) until `condition` holds; returns whether it did. Not a timing assertion: a slow
    /// machine only waits longer, up to `limit` seconds.
    static func eventually(limit: Double = 120, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return try await condition()
    }
}
