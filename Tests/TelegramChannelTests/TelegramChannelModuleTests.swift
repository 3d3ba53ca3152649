import Testing
@testable import TelegramChannel
