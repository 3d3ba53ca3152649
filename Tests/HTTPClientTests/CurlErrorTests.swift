import Testing

@testable import HTTPClient

@Suite struct CurlErrorTests {
    @Test func aTelegramBotTokenInThePathIsRedacted() {
        let error = CurlError(
            code: 28, message: "Operation timed out", url: "https://api.telegram.org/bot123:ABC-def_9/sendMessage")
        #expect(error.url == "https://api.telegram.org/bot<redacted>/sendMessage")
        #expect(!error.description.contains("123:ABC"))
    }

    @Test func aFileDownloadPathIsRedactedToo() {
        let error = CurlError(code: 7, message: "", url: "https://api.telegram.org/file/bot123:ABC/photos/a.jpg")
        #expect(error.url == "https://api.telegram.org/file/bot<redacted>/photos/a.jpg")
    }

    @Test func queryFragmentAndUserInfoAreDropped() {
        let error = CurlError(code: 7, message: "", url: "http://user:pw@127.0.0.1:8080/hook?token=s3cret#frag")
        #expect(error.url == "http://127.0.0.1:8080/hook")
    }

    @Test func aTokenQuotedInCurlsMessageIsRedacted() {
        let error = CurlError(code: 6, message: "Could not resolve host for /bot42:XYZ_abc/getMe", url: "")
        #expect(error.message == "Could not resolve host for /bot<redacted>/getMe")
    }

    @Test func timeoutAndConnectionFailureAreClassifiedByCode() {
        #expect(CurlError(code: 28, message: "", url: "").isTimeout)
        #expect(CurlError(code: 7, message: "", url: "").isConnectionFailure)
        #expect(CurlError(code: 6, message: "", url: "").isConnectionFailure)
        #expect(!CurlError(code: 60, message: "", url: "").isConnectionFailure)
        #expect(!CurlError(code: 60, message: "", url: "").isTimeout)
    }

    @Test func durationsBecomePositiveMilliseconds() {
        #expect(EasyTransfer.milliseconds(.seconds(30)) == 30_000)
        #expect(EasyTransfer.milliseconds(.milliseconds(1500)) == 1500)
        #expect(EasyTransfer.milliseconds(.zero) == 1)
    }
}
