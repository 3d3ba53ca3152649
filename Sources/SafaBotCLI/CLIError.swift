/// A failure that ends a subcommand, with the exit code it maps to.
public enum CLIError: Error, CustomStringConvertible {
    /// Bad usage: unknown subcommand or option, missing argument (exit 64).
    case usage(String)
    /// Dialog files with errors: the findings were printed (exit 64).
    case invalidDialogs(errorCount: Int)
    /// A configuration that cannot be used: a missing `--config` file, a malformed or invalid setting (exit 78,
    /// EX_CONFIG).
    case configuration(String)
    /// Something failed at run time (exit 1).
    case runtime(String)

    public var exitCode: Int32 {
        switch self {
        case .usage, .invalidDialogs: 64
        case .configuration: 78
        case .runtime: 1
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): "usage error: \(message)\nRun 'safa-bot help' for the list of commands."
        case .configuration(let message): "configuration error: \(message)"
        case .invalidDialogs(let count): "the dialog files have \(count) error(s); nothing was started"
        case .runtime(let message): "error: \(message)"
        }
    }
}
