import Testing
import WebChatChannel

@Suite struct ConversationTokenTests {
    let secret = Array("a secret for the tests".utf8)

    @Test func anIssuedTokenVerifiesAndNamesItsConversation() {
        let token = ConversationToken.issue(secret: secret)
        #expect(token.id.count == 32)
        #expect(ConversationToken.verify(token.value, secret: secret) == token)
        #expect(ConversationToken.issue(secret: secret).id != token.id)
    }

    @Test func aForgedOrAlteredTokenIsRefused() {
        let token = ConversationToken.issue(secret: secret)
        let mac = token.value.split(separator: ".")[1]
        let otherID = String(repeating: "b", count: 32)
        #expect(ConversationToken.verify("\(otherID).\(mac)", secret: secret) == nil)
        #expect(ConversationToken.verify(token.value, secret: Array("another secret".utf8)) == nil)
        #expect(ConversationToken.verify(token.value.uppercased(), secret: secret) == nil)
        #expect(ConversationToken.verify("", secret: secret) == nil)
        #expect(ConversationToken.verify(token.value + ".x", secret: secret) == nil)
    }
}
