#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A subcommand of `safa-bot`: a value parsed from arguments, with `run()`.
public protocol SafaBotCommand: Sendable {
    static var name: String { get }
    static var summary: String { get }
    init(arguments: inout Arguments) throws
    func run() throws
}

/// Entry point: picks the subcommand, runs it, maps errors to exit codes.
public enum SafaBot {
    static let commands: [any SafaBotCommand.Type] = [
        ChatCommand.self, RunCommand.self, CheckCommand.self, GraphCommand.self, TestCommand.self, ExplainCommand.self,
        VerifyCommand.self, ExportCommand.self,
    ]

    /// Runs `safa-bot` with the process arguments (without the program name); returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            // No command is a usage mistake (a service manager's typo must not look like success).
            Console.error(usage)
            return 64
        }
        guard !["help", "--help", "-h"].contains(name) else {
            print(usage)
            return 0
        }
        guard let type = commands.first(where: { $0.name == name }) else {
            Console.error(CLIError.usage("unknown command '\(name)'").description)
            return 64
        }
        if arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
            print("usage: safa-bot \(type.name) — \(type.summary)")
            return 0
        }
        do {
            var rest = Arguments(Array(arguments.dropFirst()))
            let command = try type.init(arguments: &rest)
            try command.run()
            return 0
        } catch let error as CLIError {
            Console.error(error.description)
            return error.exitCode
        } catch {
            Console.error("error: \(describe(error))")
            return 1
        }
    }

    /// An operator-readable sentence for an error from Foundation: "permission denied: PATH" rather than a
    /// dump of `CocoaError(… 513 …)`.
    static func describe(_ error: any Error) -> String {
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        let path = (cocoa.userInfo["NSFilePath"] as? String) ?? (cocoa.userInfo["NSURL"] as? URL)?.path ?? "?"
        switch cocoa.code {
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied: \(path)"
        case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file or folder: \(path)"
        case .fileWriteOutOfSpace: return "no space left on the device: \(path)"
        case .fileWriteVolumeReadOnly: return "read-only file system: \(path)"
        case .fileWriteFileExists: return "already exists: \(path)"
        default: return "cannot use \(path) (file error \(cocoa.code.rawValue))"
        }
    }

    static var usage: String {
        var lines = ["usage: safa-bot <command> [options]", "", "commands:"]
        for command in commands {
            lines.append(
                "  " + command.name + String(repeating: " ", count: max(0, 10 - command.name.count)) + command.summary)
        }
        lines.append("  help      show this help")
        return lines.joined(separator: "\n")
    }
}
