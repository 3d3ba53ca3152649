import CCurl

/// Idle curl easy handles kept for the next transfer, as curl's documentation advises: a reused handle
/// keeps its buffers and caches, so a request costs no `curl_easy_init`/`curl_easy_cleanup`.
///
/// Touched only on the client's worker thread (like the handles themselves), hence not `Sendable`.
final class EasyHandlePool {
    private var idle: [UnsafeMutableRawPointer] = []
    private let capacity: Int

    /// Keeps at most `capacity` idle handles (the most transfers that run at once).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    deinit {
        for handle in idle { curl_easy_cleanup(handle) }
    }

    /// An idle handle with every option at its default, or a new one; nil when curl is out of memory.
    func take() -> UnsafeMutableRawPointer? {
        idle.popLast() ?? curl_easy_init()
    }

    /// Takes back a handle that is no longer in a multi handle; its options are reset first, so it
    /// points to nothing of the finished transfer.
    func give(_ handle: UnsafeMutableRawPointer) {
        guard idle.count < capacity else {
            curl_easy_cleanup(handle)
            return
        }
        curl_easy_reset(handle)
        idle.append(handle)
    }
}
