import BotRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Writes to standard output and error, flushing so piped readers see each turn at once.
enum Console {
    static func out(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    static func error(_ text: String) { write(text + "\n", to: STDERR_FILENO) }

    static func write(_ text: String, to descriptor: Int32) {
        FileDescriptorOutput.write(text, to: descriptor)
    }

    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
