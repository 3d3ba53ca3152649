import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Per-request state behind libmicrohttpd's `con_cls` pointer.
///
/// Retained once for MHD when the request starts and released in the request-completed
/// callback; the handler's Task holds its own reference, so a late completion never touches
/// freed memory. MHD calls the access handler for one connection from one thread at a time,
/// but the Task writes the response from another thread, hence the lock.
final class ConnectionContext: Sendable {
    enum Phase {
        /// Headers seen, body arriving.
        case receiving
        /// Refused (on its headers, or 413 mid-upload) with the response queued; any further upload
        /// closes the connection rather than being read.
        case refused
        /// The connection is suspended while the Swift handler runs.
        case handling
        /// The handler's (or the stopping server's) response, to queue on the next MHD call.
        case answered(HTTPResponse)
        /// The response has been queued.
        case done
    }

    private struct State {
        var phase: Phase = .receiving
        var body = Data()
    }

    private let state = Mutex(State())
    /// The largest body the admission allowed for this request.
    let maxBodyBytes: Int
    /// Whose failure budget a 401/403 answer to this request spends (see ``ServerContext/clientKey``).
    let client: String
    /// Whether a 401/403 from the handler spends that budget (``HTTPAdmission/accept(maxBodyBytes:countsFailures:)``).
    let countsFailures: Bool

    init(maxBodyBytes: Int, client: String, countsFailures: Bool = true) {
        self.maxBodyBytes = maxBodyBytes
        self.client = client
        self.countsFailures = countsFailures
    }

    var phase: Phase {
        state.withLock { $0.phase }
    }

    func setPhase(_ phase: Phase) {
        state.withLock { $0.phase = phase }
    }

    /// Appends upload bytes unless that would pass `limit`; false means the body is too large.
    func append(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Bool {
        state.withLock { state in
            guard state.body.count + bytes.count <= limit else { return false }
            state.body.append(contentsOf: bytes)
            return true
        }
    }

    /// Hands the accumulated body to the request, leaving none behind.
    func takeBody() -> Data {
        state.withLock { state in
            defer { state.body = Data() }
            return state.body
        }
    }
}
