import Foundation
import SafaBotCLI

exit(SafaBot.main(Array(CommandLine.arguments.dropFirst())))
