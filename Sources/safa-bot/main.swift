#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif
import SafaBotCLI

exit(SafaBot.main(Array(CommandLine.arguments.dropFirst())))
