import BotRuntime
import DialogCore
import SQLiteStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot verify REF`: proves that a stored request still matches what its beneficiary attested to.
///
/// Exit 0 when it does, 1 when anything differs (each difference printed) or the request is unknown.
struct VerifyCommand: SafaBotCommand {
    static let name = "verify"
    static let summary = "verify REF [--db PATH]: check a request against its attestation record (exit 0/1)"

    let reference: String
    let location: DataLocation

    init(arguments: inout Arguments) throws {
        location = try DataLocation(arguments: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count == 1 else { throw CLIError.usage("verify takes one reference number") }
        reference = positionals[0]
    }

    func run() throws {
        let store = try location.openExisting()
        let typed = ReferenceNumber.parse(reference) ?? ArabicText.normalizeInput(reference)
        guard let request = try store.request(reference: typed) else {
            throw CLIError.runtime("no request \(typed) in \(location.databasePath)")
        }
        let check = AttestationCheck(request)
        if let attestation = request.attestation {
            Console.out(
                "\(request.reference): attested \(attestation.acceptedAt.formatted(.iso8601)) on "
                    + "\(attestation.channel ?? "(unknown channel)") "
                    + "(message \(attestation.platformMessageID ?? "unknown"), record version \(attestation.version ?? 1))")
        }
        for problem in check.problems { Console.out("  - \(problem)") }
        guard check.verified else {
            throw CLIError.runtime("\(request.reference) does NOT match its attestation (\(check.problems.count) problem(s))")
        }
        Console.out("\(request.reference): verified — the stored request matches what was attested")
    }
}

extension DataLocation {
    /// Opens the database for a command that reads it; refuses to create an empty one by mistake.
    func openExisting() throws -> SQLiteRuntimeStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError.runtime("no database at \(databasePath) (set --db, SAFA_DB_PATH or SAFA_DATA_DIR)")
        }
        do {
            return try SQLiteRuntimeStore(path: databasePath)
        } catch {
            throw CLIError.runtime("cannot open the database \(databasePath): \(error)")
        }
    }
}
