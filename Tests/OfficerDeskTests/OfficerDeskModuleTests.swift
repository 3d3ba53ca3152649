import Testing
@testable import OfficerDesk
