import Foundation
import HTTPServer
import Synchronization
import Testing

@testable import HTTPClient

@Suite struct HTTPClientTests {
    /// Starts a server whose "/sleep?s=N" waits N seconds (or until its task is cancelled) and
    /// whose other paths answer their path and body; `entered` yields when a sleep begins.
    private func startServer(entered: AsyncStream<Void>.Continuation? = nil) throws -> HTTPServer {
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { request in
            if request.path == "/sleep" {
                entered?.yield()
                let seconds = Double(request.query["s"] ?? "1") ?? 1
                try? await Task.sleep(for: .seconds(seconds))
                return .text("slept")
            }
            var response = HTTPResponse.text(request.path + "|" + String(decoding: request.body, as: UTF8.self))
            response.headers["X-Path"] = request.path
            return response
        }
        try server.start()
        return server
    }

    @Test func twoHundredConcurrentRequestsThroughOneClientAllSucceed() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let base = "http://127.0.0.1:\(server.port)"

        let answers = try await withThrowingTaskGroup(of: (Int, HTTPClientResponse).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let request = HTTPClientRequest(
                        method: "POST", url: "\(base)/n/\(index)", body: Data("طلب \(index)".utf8))
                    return (index, try await client.send(request))
                }
            }
            var answers: [Int: HTTPClientResponse] = [:]
            for try await (index, response) in group { answers[index] = response }
            return answers
        }

        #expect(answers.count == 200)
        for (index, response) in answers {
            #expect(response.status == 200)
            #expect(response.headers["x-path"] == "/n/\(index)")
            #expect(String(decoding: response.body, as: UTF8.self) == "/n/\(index)|طلب \(index)")
        }
    }

    @Test func aReusedHandleCarriesNothingOfTheRequestBeforeIt() async throws {
        // Handles go back to a pool after each transfer: method, body and headers must not leak into the next.
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { request in
            let probe = request.headers["x-probe"] ?? "-"
            return .text("\(request.method) \(probe) \(request.body.count)")
        }
        try server.start()
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(maxConcurrentTransfers: 1))
        defer { client.shutdown() }
        let url = "http://127.0.0.1:\(server.port)/echo"
        let requests = [
            HTTPClientRequest(method: "POST", url: url, headers: [("X-Probe", "one")], body: Data("بيانات".utf8)),
            HTTPClientRequest(url: url),
            HTTPClientRequest(method: "DELETE", url: url),
            HTTPClientRequest(url: url),
            HTTPClientRequest(method: "PUT", url: url, body: Data("ab".utf8)),
            HTTPClientRequest(method: "HEAD", url: url),
            HTTPClientRequest(url: url),
        ]
        var answers: [String] = []
        for request in requests {
            let response = try await client.send(request)
            answers.append(String(decoding: response.body, as: UTF8.self))
        }
        #expect(answers == ["POST one 12", "GET - 0", "DELETE - 0", "GET - 0", "PUT - 2", "", "GET - 0"])
    }

    @Test func aTransferOverItsTotalTimeoutFailsAsATimeout() async throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(
                HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/sleep?s=3", timeout: .milliseconds(300)))
        }
        #expect(error?.isTimeout == true)
        #expect(error?.isConnectionFailure == false)
    }

    @Test func aRefusedConnectionFailsAsAConnectionFailureWithoutLeakingTheToken() async throws {
        let server = try startServer()
        let port = server.port
        server.stop()
        let client = try HTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/bot123:ABC/getUpdates?offset=7&secret=x"))
        }
        #expect(error?.isConnectionFailure == true)
        #expect(error?.code == 7)
        let description = error.map { String(describing: $0) } ?? ""
        #expect(!description.contains("123:ABC"))
        #expect(!description.contains("secret"))
        #expect(description.contains("/bot<redacted>/getUpdates"))
    }

    @Test func cancellingTheTaskAbortsAnInFlightTransfer() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let server = try startServer(entered: enteredContinuation)
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }

        let transfer = Task {
            try await client.send(
                HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/sleep?s=5", timeout: .seconds(20)))
        }
        var iterator = entered.makeAsyncIterator()
        _ = await iterator.next()
        transfer.cancel()

        await #expect(throws: CancellationError.self) { try await transfer.value }
        // The client is still usable afterwards.
        let after = try await client.send(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/ok"))
        #expect(after.status == 200)
    }

    @Test func aSendFromAnAlreadyCancelledTaskThrowsCancellation() async throws {
        let client = try HTTPClient()
        defer { client.shutdown() }
        let transfer = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(HTTPClientRequest(url: "http://127.0.0.1:9/never"))
        }
        await #expect(throws: CancellationError.self) { try await transfer.value }
    }

    @Test func aSendAfterShutdownFailsWithTheShutdownCode() async throws {
        let client = try HTTPClient()
        client.shutdown()
        client.shutdown()
        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: "http://127.0.0.1:9/x"))
        }
        #expect(error?.code == CurlError.shutdownCode)
    }

    @Test func shutdownFailsAnInFlightSendInsteadOfLeavingItHanging() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let server = try startServer(entered: enteredContinuation)
        defer { server.stop() }
        let client = try HTTPClient()

        let transfer = Task {
            try await client.send(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/sleep?s=5"))
        }
        var iterator = entered.makeAsyncIterator()
        _ = await iterator.next()
        client.shutdown()

        let error = await #expect(throws: CurlError.self) { try await transfer.value }
        #expect(error?.code == CurlError.shutdownCode)
    }

    @Test func aHeaderWithALineBreakIsRejectedBeforeSending() async throws {
        let client = try HTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: "http://127.0.0.1:9/x", headers: [("X-A", "1\r\nX-B: 2")]))
        }
        #expect(error?.code == 43)
    }
}
