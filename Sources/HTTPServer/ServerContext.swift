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
    let maxBodyBytes: Int

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

    init(handler: @escaping HTTPHandler, maxBodyBytes: Int) {
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
    }

    // MARK: Access handler

    /// The body of MHD's access handler: accumulate, refuse, suspend and run, or answer.
    func handle(
        connection: OpaquePointer, url: String, method: String,
        upload: UnsafeRawBufferPointer, uploadSize: UnsafeMutablePointer<Int>,
        slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let pointer = slot.pointee else {
            // First call for this request: headers only.
            let context = ConnectionContext()
            slot.pointee = Unmanaged.passRetained(context).toOpaque()
            if let length = headerValue(connection, "Content-Length").flatMap({ Int($0) }), length > maxBodyBytes {
                // Refuse before reading (and, with Expect: 100-continue, before the client sends) the body.
                context.setPhase(.refused(responseQueued: true))
                return Self.queue(Self.tooLarge, on: connection)
            }
            return MHD_Result.YES
        }
        let context = Unmanaged<ConnectionContext>.fromOpaque(pointer).takeUnretainedValue()
        if uploadSize.pointee > 0 {
            uploadSize.pointee = 0
            switch context.phase {
            case .receiving:
                guard !context.append(upload, limit: maxBodyBytes) else { return MHD_Result.YES }
                // Over the limit: drop what we have, and answer now if MHD allows it mid-upload.
                _ = context.takeBody()
                let queued = Self.queue(Self.tooLarge, on: connection) == MHD_Result.YES
                context.setPhase(.refused(responseQueued: queued))
            default:
                break
            }
            return MHD_Result.YES
        }
        switch context.phase {
        case .receiving:
            return startHandler(context: context, connection: connection, url: url, method: method)
        case .refused(let responseQueued):
            if responseQueued { return MHD_Result.YES }
            context.setPhase(.refused(responseQueued: true))
            return Self.queue(Self.tooLarge, on: connection)
        case .handling, .done:
            return MHD_Result.YES
        case .answered(let response):
            context.setPhase(.done)
            return Self.queue(response, on: connection)
        }
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
            registry.suspended[ObjectIdentifier(context)] = Suspended(connection: connection, context: context)
            MHD_suspend_connection(connection)
            return true
        }
        guard suspended else {
            context.setPhase(.done)
            return Self.queue(Self.unavailable, on: connection)
        }
        let handler = self.handler
        Task.detached { [self] in
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

    private func headerValue(_ connection: OpaquePointer, _ name: String) -> String? {
        MHD_lookup_connection_value(connection, MHD_ValueKind.HEADER_KIND, name).map { String(cString: $0) }
    }

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

/// MHD_RequestCompletedCallback: releases the ConnectionContext retained for `con_cls`.
func serverRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    guard let slot, let pointer = slot.pointee else { return }
    slot.pointee = nil
    Unmanaged<ConnectionContext>.fromOpaque(pointer).release()
}
