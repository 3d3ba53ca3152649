import Testing

@testable import BotRuntime
