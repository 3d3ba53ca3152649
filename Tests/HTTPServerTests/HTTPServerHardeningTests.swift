import Foundation
import SafaBotTestSupport
import Synchronization
import Testing

@testable import HTTPServer

/// Hostile clients: each test here failed before the server decided on headers, capped connections per IP,
/// put a deadline on whole requests and closed over-limit uploads.
@Suite struct HTTPServerHardeningTests {
    /// Serves "/open" to anyone, "/locked" only with `X-Key: right`, and refuses other paths; bodies ≤ 16 bytes.
    func startGatedServer(_ configuration: HTTPServerConfiguration = .init()) throws -> HTTPServer {
        let server = HTTPServer(configuration: configuration, admit: { head in
            switch head.path {
            case "/open": return .accept(maxBodyBytes: 16)
            case "/locked":
                guard head.headers["x-key"] == "right" else {
                    return .refuse(.text("unauthorized\n", status: 401), reason: "unauthorized")
                }
                return .accept(maxBodyBytes: 16)
            default: return .refuse(.text("not found\n", status: 404), reason: "not_found")
            }
        }) { request in .text("served \(request.path) \(request.body.count)\n") }
        try server.start()
        return server
    }

    // Blocking socket work runs in `offPool` (a Dispatch thread); expectations are checked back in the
    // test's own task, where Swift Testing can attribute them.

    @Test func anUnknownPathIsAnsweredOnItsHeadersWithoutWaitingForTheBody() async throws {
        let server = try startGatedServer()
        defer { server.stop() }
        let answer = try await offPool {
            let connection = try RawConnection(port: server.port)
            // A megabyte is announced and never sent: the answer must not wait for it.
            connection.send("POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
            return connection.receive(until: "not found")
        }
        #expect(answer.hasPrefix("HTTP/1.1 404"))
        #expect(server.refusals.snapshot["not_found"] == 1)
    }

    @Test func aWrongCredentialIsRefusedBeforeTheBodyAndSpendsTheClientsBudget() async throws {
        let server = try startGatedServer(HTTPServerConfiguration(failureBudget: 3))
        defer { server.stop() }
        let (statuses, other) = try await offPool {
            let statuses = try (0..<5).map { _ in
                let connection = try RawConnection(port: server.port, source: "127.0.0.2")
                connection.send("POST /locked HTTP/1.1\r\nHost: x\r\nX-Key: wrong\r\nContent-Length: 10\r\n\r\n")
                return String(connection.receive(until: "\r\n").prefix(12))
            }
            // Another client is not affected, and the right key is served.
            let other = try RawConnection(port: server.port, timeout: 60)
            other.send("POST /locked HTTP/1.1\r\nHost: x\r\nX-Key: right\r\nContent-Length: 4\r\n\r\nbody")
            return (statuses, other.receive(until: "served"))
        }
        #expect(statuses == ["HTTP/1.1 401", "HTTP/1.1 401", "HTTP/1.1 401", "HTTP/1.1 429", "HTTP/1.1 429"])
        #expect(other.contains("served /locked 4"))
        #expect(server.refusals.snapshot == ["unauthorized": 3, "rate_limited": 2])
    }

    /// A handler's 401 spends the budget only where the route said it checks a credential: an expired web
    /// chat cookie answered 401 must not lock out everyone behind the same proxy address.
    @Test func aHandlersRefusalSpendsTheBudgetOnlyWhereTheRouteSaysSo() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(failureBudget: 2), admit: { head in
            .accept(maxBodyBytes: 16, countsFailures: head.path == "/signed")
        }) { _ in .text("no\n", status: 401) }
        try server.start()
        defer { server.stop() }
        let statuses = try await offPool {
            try ["/page", "/page", "/page", "/signed", "/signed", "/signed", "/page"].map { path in
                let connection = try RawConnection(port: server.port, source: "127.0.0.3")
                connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return String(connection.receive(until: "\r\n").prefix(12))
            }
        }
        #expect(statuses == Array(repeating: "HTTP/1.1 401", count: 5) + ["HTTP/1.1 429", "HTTP/1.1 429"])
    }

    @Test func eachRouteHasItsOwnBodyLimit() async throws {
        let server = try startGatedServer()
        defer { server.stop() }
        let answer = try await offPool {
            let connection = try RawConnection(port: server.port)
            connection.send("POST /open HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n")
            return connection.receive(until: "\r\n")
        }
        #expect(answer.hasPrefix("HTTP/1.1 413"))
        #expect(server.refusals.snapshot["too_large"] == 1)
    }

    @Test func anOverLimitChunkedUploadIsCutOffNotReadToTheEnd() async throws {
        let server = try startGatedServer()
        defer { server.stop() }
        let sent = try await offPool {
            let connection = try RawConnection(port: server.port)
            guard connection.send("POST /open HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n") else {
                return -1
            }
            let chunk = Data("10000\r\n".utf8) + Data(count: 0x10000) + Data("\r\n".utf8)
            var sent = 0
            // 256 MiB if the server kept reading; it must stop us long before.
            while sent < 4096, connection.send(chunk) { sent += 1 }
            return sent
        }
        #expect((0..<4096).contains(sent))
        #expect(server.refusals.snapshot["too_large"] == 1)
    }

    @Test func oneAddressCannotTakeEveryConnection() async throws {
        let server = try startGatedServer(HTTPServerConfiguration(perIPConnectionLimit: 4))
        defer { server.stop() }
        let (closed, other) = try await offPool {
            // An attacker at 127.0.0.2 opens ten connections and sends half a request on each.
            var held: [RawConnection] = []
            for _ in 0..<10 {
                let connection = try RawConnection(port: server.port, source: "127.0.0.2", timeout: 2)
                connection.send("GET /open HTTP/1.1\r\nHost: x\r\n")
                held.append(connection)
            }
            // The connections past the fourth were closed at once.
            let closed = held.suffix(6).filter { $0.isClosedByPeer() }.count
            // Everyone else is still served.
            let other = try RawConnection(port: server.port, timeout: 60)
            other.send("GET /open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return (closed, other.receive())
        }
        #expect(closed == 6)
        #expect(other.contains("served /open 0"))
    }

    @Test func headersDrippedPastTheDeadlineLoseTheirConnection() async throws {
        // The idle timeout (30 s) never fires for a client that sends a line every 100 ms; the deadline does.
        let server = try startGatedServer(HTTPServerConfiguration(requestDeadlineSeconds: 1))
        defer { server.stop() }
        let lines = try await offPool {
            let connection = try RawConnection(port: server.port)
            connection.send("GET /open HTTP/1.1\r\nHost: x\r\n")
            var lines = 0
            // 30 s of dripping at most; the server must cut it off after about 1 s.
            while lines < 300, connection.send("X-Drip: \(lines)\r\n") {
                lines += 1
                usleep(100_000)
            }
            return lines
        }
        #expect(lines < 300)
        #expect(server.refusals.snapshot["deadline"] == 1)
    }

    @Test func aKeptAliveConnectionGetsAFreshDeadlineForEachRequest() async throws {
        // Three requests over 4.5 s on one connection, each well inside a 4 s deadline: the margin keeps a
        // request's own round trip on a busy machine from reaching it.
        let server = try startGatedServer(HTTPServerConfiguration(requestDeadlineSeconds: 4))
        defer { server.stop() }
        let (answers, deadlines) = try await offPool {
            let connection = try RawConnection(port: server.port, timeout: 60)
            let answers = (0..<3).map { _ in
                // Each request is sent at once; the pause between them is idle time, not a slow request.
                connection.send("GET /open HTTP/1.1\r\nHost: x\r\n\r\n")
                let answer = connection.receive(until: "served /open 0")
                usleep(1_500_000)
                return answer.contains("served /open 0")
            }
            // Read here, at once: the connection left open idle would meet the next request's deadline if
            // the test's own task came back late on a busy thread pool.
            return (answers, server.refusals.snapshot["deadline"])
        }
        #expect(answers == [true, true, true])
        #expect(deadlines == nil)
    }
}
