/// A small argument reader shaped like swift-argument-parser's: options by name, then positionals.
public struct Arguments {
    private var remaining: [String]

    public init(_ arguments: [String]) {
        remaining = arguments
    }

    /// Takes `--name value` (or `--name=value`); nil when absent.
    public mutating func option(_ name: String) throws -> String? {
        for (index, argument) in remaining.enumerated() {
            if argument == "--\(name)" {
                guard index + 1 < remaining.count else { throw CLIError.usage("--\(name) needs a value") }
                let value = remaining[index + 1]
                remaining.removeSubrange(index...(index + 1))
                return value
            }
            if argument.hasPrefix("--\(name)=") {
                remaining.remove(at: index)
                return String(argument.dropFirst(name.count + 3))
            }
        }
        return nil
    }

    /// Takes `--name`; true when present.
    public mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: "--\(name)") else { return false }
        remaining.remove(at: index)
        return true
    }

    /// The positional arguments left; refuses any unknown `--option`.
    public mutating func positionals() throws -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw CLIError.usage("unknown option \(unknown)")
        }
        let result = remaining.filter { $0 != "--" }
        remaining = []
        return result
    }
}
