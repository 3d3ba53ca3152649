import CMicroHTTPD
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// What libmicrohttpd's callbacks reach through their closure pointer: the handler, the
/// limits, and the registry of suspended connections.
///
/// ``HTTPServer`` keeps it alive for longer than the daemon (MHD_stop_daemon returns only after
/// every MHD thread has finished), so the unretained pointer given to MHD never dangles.
final class ServerContext: Sendable {
    let handler: HTTPHandler
    let admit: HTTPAdmitter
    let refusals: HTTPRefusals
    let budget: FailureBudget
    let deadlines: ConnectionDeadlines?
    let clientAddressHeader: String?

    /// A connection suspended while its handler runs.
    ///
    /// @unchecked Sendable: the pointer is only passed to MHD_resume_connection, once, by whoever
    /// took the entry out of `registry` (hence while it is still suspended: MHD does not close or free
    /// suspended connections), and `abandonSuspended` waits for resumes in progress before the daemon stops.
    private struct Suspended: @unchecked Sendable {
        let connection: OpaquePointer
        let context: ConnectionContext
    }

    private struct Registry {
        var suspended: [ObjectIdentifier: Suspended] = [:]
        var isStopping = false
        /// Entries taken out by `complete` whose MHD_resume_connection has not returned yet.
        var resuming = 0
    }

    private let registry = Mutex(Registry())

    init(configuration: HTTPServerConfiguration, refusals: HTTPRefusals, admit: HTTPAdmitter?, handler: @escaping HTTPHandler) {
        self.handler = handler
        let maxBodyBytes = configuration.maxBodyBytes
        self.admit = admit ?? { _ in .accept(maxBodyBytes: maxBodyBytes) }
        self.refusals = refusals
        self.budget = FailureBudget(
            limit: configuration.failureBudget, window: TimeInterval(configuration.failureWindowSeconds))
        self.deadlines =
            configuration.requestDeadlineSeconds > 0
            ? ConnectionDeadlines(limit: .seconds(configuration.requestDeadlineSeconds), refusals: refusals) : nil
        self.clientAddressHeader = configuration.clientAddressHeader?.lowercased()
    }

    // MARK: Access handler

    /// The body of MHD's access handler: admit on the headers, accumulate, refuse, suspend and run, or answer.
    func handle(
        connection: OpaquePointer, url: String, method: String,
        upload: UnsafeRawBufferPointer, uploadSize: UnsafeMutablePointer<Int>,
        slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let pointer = slot.pointee else {
            return admitRequest(connection: connection, url: url, method: method, slot: slot)
        }
        let context = Unmanaged<ConnectionContext>.fromOpaque(pointer).takeUnretainedValue()
        if uploadSize.pointee > 0 {
            uploadSize.pointee = 0
            guard case .receiving = context.phase else {
                // A body still arriving after we answered: close instead of reading it to the end.
                return MHD_Result.NO
            }
            guard !context.append(upload, limit: context.maxBodyBytes) else { return MHD_Result.YES }
            // Over the limit (a chunked body, or one longer than declared): answer 413 if MHD still
            // allows a response mid-upload, otherwise close the connection; never read the rest.
            _ = context.takeBody()
            refusals.record("too_large")
            context.setPhase(.refused)
            return Self.queue(Self.tooLarge, on: connection)
        }
        switch context.phase {
        case .receiving:
            return startHandler(context: context, connection: connection, url: url, method: method)
        case .refused, .handling, .done:
            return MHD_Result.YES
        case .answered(let response):
            context.setPhase(.done)
            return Self.queue(response, on: connection)
        }
    }

    /// The first call for a request (headers only): the failure budget, then the admitter, then the declared
    /// length. A refusal is queued at once, so MHD neither reads the body nor sends `100 Continue`.
    private func admitRequest(
        connection: OpaquePointer, url: String, method: String, slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let headers = Self.values(connection, kind: MHD_ValueKind.HEADER_KIND, lowercased: true)
        let remote = SocketAddress.numericHost(cmhd_connection_client_address(connection))
        let client = clientKey(remote: remote, headers: headers)
        let decision: HTTPAdmission
        if !budget.allows(client) {
            decision = .refuse(Self.tooManyFailures, reason: "rate_limited")
        } else {
            decision = admit(HTTPRequestHead(method: method, path: url, headers: headers, remoteAddress: remote))
        }
        switch decision {
        case .refuse(let response, let reason):
            let context = ConnectionContext(maxBodyBytes: 0, client: client)
            slot.pointee = Unmanaged.passRetained(context).toOpaque()
            refusals.record(reason)
            if response.status == 401 || response.status == 403 { budget.recordFailure(client) }
            context.setPhase(.refused)
            return Self.queue(response, on: connection)
        case .accept(let maxBodyBytes, let countsFailures):
            let context = ConnectionContext(maxBodyBytes: maxBodyBytes, client: client, countsFailures: countsFailures)
            slot.pointee = Unmanaged.passRetained(context).toOpaque()
            if let length = headers["content-length"].flatMap({ Int($0) }), length > maxBodyBytes {
                refusals.record("too_large")
                context.setPhase(.refused)
                return Self.queue(Self.tooLarge, on: connection)
            }
            return MHD_Result.YES
        }
    }

    /// Whose failure budget a request spends: the peer, or the proxy-supplied client behind a loopback peer.
    func clientKey(remote: String?, headers: [String: String]) -> String {
        if let name = clientAddressHeader, let remote, Self.isLoopback(remote),
            let forwarded = headers[name]?.split(separator: ",").last.map({ String($0.filter { $0 != " " }) }),
            !forwarded.isEmpty
        {
            return forwarded
        }
        return remote ?? "?"
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Builds the request, suspends the connection and runs the Swift handler in a Task.
    private func startHandler(context: ConnectionContext, connection: OpaquePointer, url: String, method: String)
        -> MHD_Result
    {
        let request = HTTPRequest(
            method: method,
            path: url,
            query: Self.values(connection, kind: MHD_ValueKind.GET_ARGUMENT_KIND, lowercased: false),
            headers: Self.values(connection, kind: MHD_ValueKind.HEADER_KIND, lowercased: true),
            body: context.takeBody(),
            remoteAddress: SocketAddress.numericHost(cmhd_connection_client_address(connection))
        )
        // Register and suspend under the lock, so stop() never resumes a connection that is not yet suspended.
        let suspended = registry.withLock { registry -> Bool in
            guard !registry.isStopping else { return false }
            context.setPhase(.handling)
            deadlines?.handling(connection)
            registry.suspended[ObjectIdentifier(context)] = Suspended(connection: connection, context: context)
            MHD_suspend_connection(connection)
            return true
        }
        guard suspended else {
            context.setPhase(.done)
            return Self.queue(Self.unavailable, on: connection)
        }
        let handler = self.handler
        // High priority: a request holds a connection and a client's patience (a webhook sender's timeout,
        // a health probe), so it goes ahead of background work (processing, sending) queued on the shared
        // cooperative pool, which on a 2-core machine is two threads.
        Task.detached(priority: .high) { [self] in
            let response = await handler(request)
            complete(context, with: response)
        }
        return MHD_Result.YES
    }

    /// Stores the handler's response and resumes the connection, unless stop() already answered it.
    ///
    /// The resume (which wakes MHD's thread) runs outside the lock, so handlers finishing together do not
    /// queue behind one another's system calls; `resuming` lets `abandonSuspended` wait for it.
    private func complete(_ context: ConnectionContext, with response: HTTPResponse) {
        let entry = registry.withLock { registry -> Suspended? in
            guard let entry = registry.suspended.removeValue(forKey: ObjectIdentifier(context)) else { return nil }
            registry.resuming += 1
            return entry
        }
        guard let entry else { return }
        if entry.context.countsFailures && (response.status == 401 || response.status == 403) {
            budget.recordFailure(entry.context.client)
            refusals.record(response.status == 401 ? "unauthorized" : "forbidden")
        }
        entry.context.setPhase(.answered(response))
        MHD_resume_connection(entry.connection)
        registry.withLock { $0.resuming -= 1 }
    }

    /// Stops accepting handler work and answers every suspended connection with 503.
    ///
    /// Called before MHD_stop_daemon, which must not find suspended connections. Handlers still
    /// running are abandoned: their results are dropped by ``complete(_:with:)``.
    func abandonSuspended() {
        registry.withLock { registry in
            registry.isStopping = true
            for entry in registry.suspended.values {
                entry.context.setPhase(.answered(Self.unavailable))
                MHD_resume_connection(entry.connection)
            }
            registry.suspended = [:]
        }
        // A handler that finished just before may still be resuming its connection: MHD_stop_daemon
        // must not run until it has.
        while registry.withLock({ $0.resuming > 0 }) { usleep(1_000) }
    }

    // MARK: Helpers

    static let tooLarge = HTTPResponse.text("request body too large", status: 413)
    static let unavailable = HTTPResponse.text("server is stopping", status: 503)
    static let tooManyFailures = HTTPResponse(
        status: 429, headers: ["Content-Type": "text/plain; charset=utf-8", "Retry-After": "60"],
        body: Data("too many refused requests; try again later\n".utf8))

    /// Collects one kind of connection value (headers or query arguments).
    private static func values(_ connection: OpaquePointer, kind: MHD_ValueKind, lowercased: Bool) -> [String: String] {
        let collector = ValueCollector(lowercased: lowercased)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        _ = withExtendedLifetime(collector) {
            MHD_get_connection_values(connection, kind, collectValue, context)
        }
        return collector.values
    }

    /// Creates, queues and releases an MHD response; MHD_Result.NO closes the connection.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return MHD_Result.NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers where name.lowercased() != "content-length" {
            // MHD refuses names or values with line breaks; such a header is dropped, not sent.
            _ = MHD_add_response_header(mhdResponse, name, value)
        }
        return MHD_queue_response(connection, UInt32(clamping: response.status), mhdResponse)
    }
}

/// Accumulates MHD_get_connection_values results; used only during that synchronous call.
private final class ValueCollector {
    let lowercased: Bool
    var values: [String: String] = [:]
    init(lowercased: Bool) { self.lowercased = lowercased }

    func add(_ key: String, _ value: String) {
        if lowercased {
            let name = key.lowercased()
            values[name] = values[name].map { "\($0), \(value)" } ?? value
        } else if values[key] == nil {
            values[key] = value
        }
    }
}

/// MHD_KeyValueIterator: `cls` is the unretained ValueCollector.
private func collectValue(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else { return MHD_Result.YES }
    let collector = Unmanaged<ValueCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.add(String(cString: key), value.map { String(cString: $0) } ?? "")
    return MHD_Result.YES
}

/// MHD_AccessHandlerCallback: `cls` is the unretained ServerContext.
func serverAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadSize: UnsafeMutablePointer<Int>?, _ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let url, let method, let uploadSize, let slot else { return MHD_Result.NO }
    let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    let upload = UnsafeRawBufferPointer(start: uploadData, count: uploadData == nil ? 0 : uploadSize.pointee)
    return server.handle(
        connection: connection, url: String(cString: url), method: String(cString: method),
        upload: upload, uploadSize: uploadSize, slot: slot)
}

/// MHD_RequestCompletedCallback: restarts the connection's deadline and releases the ConnectionContext
/// retained for `con_cls`.
func serverRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    if let cls, let connection {
        Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue().deadlines?.requestCompleted(connection)
    }
    guard let slot, let pointer = slot.pointee else { return }
    slot.pointee = nil
    Unmanaged<ConnectionContext>.fromOpaque(pointer).release()
}

/// MHD_NotifyConnectionCallback: registers each connection with the request deadlines while it is open.
func serverConnectionNotified(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_ConnectionNotificationCode
) {
    guard let cls, let connection else { return }
    let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    guard let deadlines = server.deadlines else { return }
    // MHD_CONNECTION_NOTIFY_STARTED = 0, MHD_CONNECTION_NOTIFY_CLOSED = 1 (the imported case names vary).
    switch code.rawValue {
    case 0: deadlines.opened(connection, socket: cmhd_connection_fd(connection))
    case 1: deadlines.closed(connection)
    default: break
    }
}
