import Testing
@testable import DialogCore
