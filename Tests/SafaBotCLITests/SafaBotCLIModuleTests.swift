import Testing
@testable import SafaBotCLI
