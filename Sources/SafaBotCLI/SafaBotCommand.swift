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
        guard let name = arguments.first, !["help", "--help", "-h"].contains(name) else {
            print(usage)
            return 0
        }
        guard let type = commands.first(where: { $0.name == name }) else {
            Console.error(CLIError.usage("unknown command '\(name)'").description)
            return 64
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
            Console.error("error: \(error)")
            return 1
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
