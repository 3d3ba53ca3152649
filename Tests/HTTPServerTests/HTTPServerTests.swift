import Foundation
import HTTPClient
import Synchronization
import Testing

@testable import HTTPServer

@Suite struct HTTPServerTests {
    @Test func getWithQueryAndHeadersIsEchoedThroughTheClient() async throws {
        let server = try startEchoServer()
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        #expect(server.port != 0)

        let query = "name=%D8%B5%D9%81%D8%A7&n=1"
        let response = try await client.send(
            HTTPClientRequest(
                url: "http://127.0.0.1:\(server.port)/hooks/telegram?\(query)", headers: [("X-Secret", "s3")]))

        #expect(response.status == 200)
        #expect(response.headers["x-echo"] == "yes")
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        let echo = try JSONDecoder().decode(Echo.self, from: response.body)
        #expect(echo.method == "GET")
        #expect(echo.path == "/hooks/telegram")
        #expect(echo.query == ["name": "صفا", "n": "1"])
        #expect(echo.headers["x-secret"] == "s3")
        #expect(echo.headers["user-agent"] == "SafaBot/1.0")
        #expect(echo.remoteAddress == "127.0.0.1")
    }

    @Test func postedArabicJSONArrivesByteForByte() async throws {
        let server = try startEchoServer()
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let json = #"{"text":"السلام عليكم ورحمة الله","chat_id":42}"#

        let response = try await client.send(
            HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(server.port)/sendMessage",
                headers: [("Content-Type", "application/json")], body: Data(json.utf8)))

        let echo = try JSONDecoder().decode(Echo.self, from: response.body)
        #expect(echo.method == "POST")
        #expect(echo.body == json)
        #expect(echo.headers["content-type"] == "application/json")
        #expect(echo.headers["content-length"] == String(Data(json.utf8).count))
    }

    @Test func aBodyOverTheLimitIsRefusedWith413() async throws {
        let server = try startEchoServer(configuration: HTTPServerConfiguration(maxBodyBytes: 1024))
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let url = "http://127.0.0.1:\(server.port)/upload"

        let declared = try await client.send(HTTPClientRequest(method: "POST", url: url, body: Data(count: 4096)))
        #expect(declared.status == 413)

        // A chunked body announces no length: past the limit it is answered 413 if libmicrohttpd still allows
        // a response mid-upload, else the connection is closed; either way the rest is never read.
        do {
            let chunked = try await client.send(
                HTTPClientRequest(
                    method: "POST", url: url, headers: [("Transfer-Encoding", "chunked")], body: Data(count: 64 * 1024)))
            #expect(chunked.status == 413)
        } catch {
            #expect(server.refusals.snapshot["too_large"] == 2)
        }

        let fits = try await client.send(HTTPClientRequest(method: "POST", url: url, body: Data(count: 1024)))
        #expect(fits.status == 200)
    }

    @Test func aSlowHandlerDoesNotHoldUpOtherRequests() async throws {
        // The slow handler waits for the test to let it go, not for a clock: the fast requests are served
        // while it is suspended however busy the machine. A 1 s idle timeout also shows that a suspended
        // (in-handler) connection is not timed out.
        let slowFinished = Mutex(false)
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let server = HTTPServer(configuration: HTTPServerConfiguration(connectionTimeoutSeconds: 1, threadPoolSize: 1))
        {
            request in
            if request.path == "/slow" {
                startedSignal.yield()
                for await _ in release { break }
                slowFinished.withLock { $0 = true }
                return .text("slow")
            }
            return .text(slowFinished.withLock { $0 } ? "after" : "during")
        }
        try server.start()
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let base = "http://127.0.0.1:\(server.port)"

        let slow = Task { try await client.send(HTTPClientRequest(url: base + "/slow")) }
        for await _ in started { break }
        for _ in 0..<5 {
            let fast = try await client.send(HTTPClientRequest(url: base + "/fast"))
            #expect(String(decoding: fast.body, as: UTF8.self) == "during")
        }
        // Suspended for longer than the idle timeout before it answers.
        try await Task.sleep(for: .milliseconds(1500))
        releaseSignal.yield()
        let slowResponse = try await slow.value
        #expect(slowResponse.status == 200)
        #expect(String(decoding: slowResponse.body, as: UTF8.self) == "slow")
    }

    @Test func stoppingWhileARequestIsInFlightAnswersOrDropsItSafely() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            enteredContinuation.yield()
            try? await Task.sleep(for: .seconds(3))
            return .text("late")
        }
        try server.start()
        let client = try HTTPClient()
        defer { client.shutdown() }

        let request = Task { try await client.send(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/poll")) }
        var iterator = entered.makeAsyncIterator()
        _ = await iterator.next()
        server.stop()
        server.stop()

        do {
            let response = try await request.value
            #expect(response.status == 503)
        } catch let error as CurlError {
            #expect(error.isConnectionFailure)
        }
        #expect(server.port == 0)
        // The abandoned handler finishing later must not touch the stopped daemon.
        try await Task.sleep(for: .seconds(3.5))
    }

    @Test func startTwiceOrAfterStopIsRefused() throws {
        let server = try startEchoServer()
        #expect(throws: HTTPServerError.self) { try server.start() }
        server.stop()
        #expect { try server.start() } throws: { ($0 as? HTTPServerError)?.code == .invalidState }
    }

    @Test func aHostNameIsRejectedAsAnInvalidAddress() {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "localhost")) { _ in .text("") }
        #expect { try server.start() } throws: { ($0 as? HTTPServerError)?.code == .invalidAddress }
    }

    @Test func aPortInUseFailsToStart() throws {
        let first = try startEchoServer()
        defer { first.stop() }
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: first.port)) { _ in .text("") }
        #expect { try second.start() } throws: { ($0 as? HTTPServerError)?.code == .startFailed }
    }
}
