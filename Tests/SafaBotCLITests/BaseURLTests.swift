import Testing

@testable import SafaBotCLI

/// Every call to a platform carries the bot's token: plain http is refused unless it stays on this machine.
@Suite struct BaseURLTests {
    @Test func plainHTTPIsRefusedUnlessTheHostIsLoopback() throws {
        for url in ["https://api.telegram.org", "http://127.0.0.1:8081", "http://localhost:8081/bot", "http://[::1]:80"] {
            #expect(BotConfiguration.baseURLProblem(url) == nil, "\(url)")
        }
        for url in [
            "http://api.telegram.org", "http://127.0.0.1.evil.example", "http://10.0.0.5:8081", "ftp://x",
            "http://user@api.telegram.org", "api.telegram.org",
        ] {
            #expect(BotConfiguration.baseURLProblem(url) != nil, "\(url)")
        }
    }

    @Test func theConfigurationNamesTheKeyAtFault() {
        var configuration = BotConfiguration()
        #expect(throws: ConfigurationError.self) {
            try configuration.apply(environment: ["TELEGRAM_API_BASE_URL": "http://api.telegram.org"])
        }
        do {
            try configuration.apply(environment: ["TELEGRAM_API_BASE_URL": "http://api.telegram.org"])
        } catch {
            #expect("\(error)".contains("telegram.apiBaseURL"))
            #expect("\(error)".contains("in clear"))
        }
    }
}

@Suite struct SecretShapeTests {
    @Test func aTokenWithALineBreakOrTheWrongShapeIsRefusedNamingTheVariable() {
        for (token, fragment) in [
            ("123456:ABC-def_1\r", "line break"), ("123456:ABC def", "a space"), ("ABC-def", "does not look like"),
            ("123456;ABC", "does not look like"),
        ] {
            var configuration = BotConfiguration()
            do {
                try configuration.apply(environment: ["TELEGRAM_BOT_TOKEN": token])
                Issue.record("accepted \(token.debugDescription)")
            } catch {
                #expect("\(error)".contains("TELEGRAM_BOT_TOKEN"))
                #expect("\(error)".contains(fragment), "\(error)")
            }
        }
        var configuration = BotConfiguration()
        #expect(throws: Never.self) { try configuration.apply(environment: ["TELEGRAM_BOT_TOKEN": "123456:TEST-fake_token"]) }
        #expect(configuration.telegramToken == "123456:TEST-fake_token")
    }
}
