import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Owns the curl multi handle and runs every transfer on one dedicated thread.
///
/// Not `Sendable`: after ``HTTPClient`` creates it, it is handed to the worker thread once and
/// only that thread touches it (and the easy handles it owns) from then on.
final class MultiWorker {
    private let multi: UnsafeMutableRawPointer
    private let queue: TransferQueue
    private let configuration: HTTPClientConfiguration
    /// Started transfers by easy handle; each stays alive here until removed from the multi.
    private var active: [UnsafeMutableRawPointer: EasyTransfer] = [:]
    private var activeHandles: [UInt64: UnsafeMutableRawPointer] = [:]
    /// Submissions beyond `maxConcurrentTransfers`, started in FIFO order as others finish.
    private var waiting: [TransferSubmission] = []
    private let handles: EasyHandlePool

    /// Creates the multi handle and applies the connection limits.
    init(configuration: HTTPClientConfiguration) throws(CurlError) {
        try CurlGlobal.ensure()
        guard let multi = curl_multi_init() else {
            throw CurlError(code: Int32(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_multi_init failed", url: "")
        }
        let perHost = ccurl_multi_setopt_long(
            multi, CURLMOPT_MAX_HOST_CONNECTIONS, CLong(max(0, configuration.maxConnectionsPerHost)))
        guard perHost == CURLM_OK else {
            _ = curl_multi_cleanup(multi)
            throw Self.multiError(perHost)
        }
        self.multi = multi
        self.queue = TransferQueue(multi: multi)
        self.configuration = configuration
        self.handles = EasyHandlePool(capacity: configuration.maxConcurrentTransfers)
    }

    /// The mailbox callers use; valid for the client's whole life.
    var mailbox: TransferQueue { queue }

    /// The thread body: loops until shutdown, then fails whatever is left and frees the multi.
    func run() {
        var unstarted: [TransferQueue.Command] = []
        while true {
            let (commands, isShutdown) = queue.drain()
            if isShutdown {
                unstarted = commands
                break
            }
            commands.forEach(handle)
            startWaiting()
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK { failAllActive(Self.multiError(performed)) }
            collectFinished()
            // A finished transfer made room for a waiting one: start it now, not after the next poll.
            if !waiting.isEmpty, active.count < max(1, configuration.maxConcurrentTransfers) { continue }
            var descriptors: Int32 = 0
            // Sleeps until socket activity, curl's next timeout or a wakeup (curl_multi_poll waits no longer
            // than curl's own timers allow); the cap is a safety net, so an idle client does not tick.
            let polled = curl_multi_poll(multi, nil, 0, 60_000, &descriptors)
            if polled != CURLM_OK { failAllActive(Self.multiError(polled)) }
        }
        let shutdownError = CurlError(code: CurlError.shutdownCode, message: "HTTP client is shut down", url: "")
        failAllActive(shutdownError)
        for case .start(let submission) in unstarted + queue.detachMulti() {
            submission.continuation.resume(throwing: shutdownError)
        }
        for submission in waiting { submission.continuation.resume(throwing: shutdownError) }
        waiting = []
        // Every easy handle has been removed above, the only case in which cleanup can fail.
        _ = curl_multi_cleanup(multi)
    }

    private func handle(_ command: TransferQueue.Command) {
        switch command {
        case .start(let submission):
            waiting.append(submission)
        case .cancel(let id):
            if let index = waiting.firstIndex(where: { $0.id == id }) {
                waiting.remove(at: index).continuation.resume(throwing: CancellationError())
            } else if let easy = activeHandles[id], let transfer = remove(easy) {
                transfer.fail(CancellationError())
            }
        // Otherwise the transfer already finished; the cancel is moot.
        }
    }

    private func startWaiting() {
        while active.count < max(1, configuration.maxConcurrentTransfers), !waiting.isEmpty {
            let submission = waiting.removeFirst()
            guard
                let transfer = EasyTransfer(
                    submission: submission, maxBodyBytes: configuration.maxResponseBodyBytes, pool: handles)
            else {
                submission.continuation.resume(
                    throwing: CurlError(
                        code: Int32(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_easy_init failed",
                        url: submission.request.url))
                continue
            }
            do {
                try transfer.configure(submission.request, configuration: configuration)
            } catch {
                transfer.fail(error)
                continue
            }
            let added = curl_multi_add_handle(multi, transfer.handle)
            guard added == CURLM_OK else {
                transfer.fail(Self.multiError(added, url: transfer.url))
                continue
            }
            active[transfer.handle] = transfer
            activeHandles[transfer.id] = transfer.handle
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            // Read the result before removing the handle: removal invalidates the message.
            let result = message.pointee.data.result
            remove(easy)?.finish(result)
        }
    }

    /// Detaches a transfer from the multi; the returned owner frees the handle when released.
    @discardableResult
    private func remove(_ easy: UnsafeMutableRawPointer) -> EasyTransfer? {
        guard let transfer = active.removeValue(forKey: easy) else { return nil }
        activeHandles[transfer.id] = nil
        // Removal fails only for a handle not in this multi, which the dictionary rules out.
        let removed = curl_multi_remove_handle(multi, easy)
        assert(removed == CURLM_OK, "curl_multi_remove_handle: \(removed)")
        return transfer
    }

    private func failAllActive(_ error: CurlError) {
        for easy in Array(active.keys) {
            guard let transfer = remove(easy) else { continue }
            transfer.fail(CurlError(code: error.code, message: error.message, url: transfer.url))
        }
    }

    private static func multiError(_ code: CURLMcode, url: String = "") -> CurlError {
        CurlError(code: Int32(code.rawValue), message: String(cString: curl_multi_strerror(code)), url: url)
    }
}
