import Foundation
import Hashing
import Testing

@Suite struct HashingTests {
    @Test func sha256MatchesTheKnownDigestOfABC() {
        #expect(
            Hashing.hex(Hashing.sha256(Data("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = Hashing.hmacSHA256(key: Data("Jefe".utf8), data: Data("what do ya want for nothing?".utf8))
        #expect(Hashing.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeComparisonIsAnEqualityTest() {
        #expect(Hashing.constantTimeEquals(Array("سر".utf8), Array("سر".utf8)))
        #expect(!Hashing.constantTimeEquals(Array("secret-a".utf8), Array("secret-b".utf8)))
        #expect(!Hashing.constantTimeEquals(Array("short".utf8), Array("longer".utf8)))
    }
}
