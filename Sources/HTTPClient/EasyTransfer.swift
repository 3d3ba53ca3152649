import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Holds one curl easy handle (from the worker's pool) and everything curl points into while the transfer runs.
///
/// Created, driven and freed only on the client's worker thread, hence deliberately not
/// `Sendable`. curl keeps raw pointers to this object (WRITEDATA/HEADERDATA), to the header
/// list and to the error buffer; the worker keeps the object alive until the handle has been
/// removed from the multi handle, and `deinit` resets the handle (returning it to the pool) before
/// freeing the things it pointed to.
final class EasyTransfer {
    /// The id ``HTTPClient/send(_:)`` uses to cancel this transfer.
    let id: UInt64
    /// The `CURL *`.
    let handle: UnsafeMutableRawPointer
    /// The unredacted URL (redacted only when it enters a `CurlError`).
    let url: String
    /// Completed exactly once, by ``finish(_:)`` or ``fail(_:)``.
    private var continuation: CheckedContinuation<HTTPClientResponse, any Error>?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// A multipart body (curl_mime), freed after the handle is reset.
    private var mime: OpaquePointer?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxBodyBytes: Int
    private var body = Data()
    private var headers: [String: String] = [:]
    private var bodyTooLarge = false
    private let pool: EasyHandlePool

    /// Takes a handle from `pool`; nil only when curl_easy_init fails (out of memory).
    init?(submission: TransferSubmission, maxBodyBytes: Int, pool: EasyHandlePool) {
        guard let handle = pool.take() else { return nil }
        self.pool = pool
        self.id = submission.id
        self.handle = handle
        self.url = submission.request.url
        self.continuation = submission.continuation
        self.maxBodyBytes = maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        pool.give(handle)
        curl_slist_free_all(headerList)
        curl_mime_free(mime)
        errorBuffer.deallocate()
    }

    /// Sets every option for `request`; each setopt result is checked.
    func configure(_ request: HTTPClientRequest, configuration: HTTPClientConfiguration) throws(CurlError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url))
        // Only HTTP(S), so a URL (or, if ever enabled, a redirect) cannot reach file:// or others.
        try check(ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        // Timeouts are enforced with signals unless NOSIGNAL; signals are unsafe in a threaded process.
        try check(ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        try check(ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout)))
        try check(ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)))
        try check(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0))
        try check(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0))
        // "" = offer every encoding curl can decode (gzip, deflate, …) and decode transparently.
        try check(ccurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        try check(ccurl_easy_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent))
        // Proxies: curl reads http_proxy / https_proxy / no_proxy from the environment by
        // default (CURLOPT_PROXY unset), which is what an operator expects; nothing to set here.
        try check(ccurl_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, easyTransferWriteCallback))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(ccurl_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, easyTransferHeaderCallback))
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        try configureMethod(request)
        try configureHeaders(request.headers)
    }

    private func configureMethod(_ request: HTTPClientRequest) throws(CurlError) {
        let method = request.method.uppercased()
        if let form = request.form {
            try configureForm(form)
            if method != "POST" {
                try check(ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
            }
        } else if let body = request.body {
            if method != "POST" {
                try check(ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
            }
            // The size must be set before COPYPOSTFIELDS, which copies exactly that many bytes.
            try check(ccurl_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            if body.isEmpty {
                try check(ccurl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                let code = body.withUnsafeBytes { bytes in
                    ccurl_easy_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
                try check(code)
            }
        } else if method == "GET" {
            try check(ccurl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1))
        } else if method == "HEAD" {
            try check(ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1))
        } else {
            try check(ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        }
    }

    /// A multipart/form-data body through libcurl's mime API: curl copies each part's data and writes the
    /// boundaries, headers and Content-Type itself.
    private func configureForm(_ parts: [HTTPFormPart]) throws(CurlError) {
        guard let mime = curl_mime_init(handle) else {
            throw CurlError(code: Int32(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_mime_init failed", url: url)
        }
        self.mime = mime
        for part in parts {
            guard let field = curl_mime_addpart(mime) else {
                throw CurlError(
                    code: Int32(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_mime_addpart failed", url: url)
            }
            try check(curl_mime_name(field, part.name))
            let code = part.data.withUnsafeBytes { bytes in
                curl_mime_data(field, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
            }
            try check(code)
            if let fileName = part.fileName { try check(curl_mime_filename(field, fileName)) }
            if let type = part.contentType { try check(curl_mime_type(field, type)) }
        }
        try check(ccurl_easy_setopt_mime(handle, mime))
    }

    private func configureHeaders(_ headers: [(String, String)]) throws(CurlError) {
        // An empty "Expect:" stops curl's 100-continue round trip for larger POST bodies.
        var lines = ["Expect:"]
        for (name, value) in headers {
            // Compare scalars: "\r\n" is one Character, so a Character test would miss it.
            let lineBreak = (name + value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
            let badName = name.isEmpty || name.unicodeScalars.contains { $0 == ":" || $0 == " " || $0 == "\t" }
            guard !lineBreak, !badName else {
                throw CurlError(
                    code: Int32(CURLE_BAD_FUNCTION_ARGUMENT.rawValue), message: "invalid header name or value", url: url
                )
            }
            // "Name;" is curl's spelling for a header with an empty value.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw CurlError(
                    code: Int32(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed", url: url)
            }
            headerList = appended
        }
        // The list stays owned by self (freed in deinit) because curl reads it during the transfer.
        try check(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    /// Appends body bytes; returning fewer than offered makes curl abort with CURLE_WRITE_ERROR.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxBodyBytes else {
            bodyTooLarge = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one header line; a new status line (redirect, 100 Continue) starts a fresh set.
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        // Byte-level on purpose: this runs for every header line of every response, and Foundation's
        // CharacterSet trimming was a tenth of the bot's CPU.
        let line = Self.trimmed(bytes[...])
        if line.starts(with: "HTTP/".utf8) {
            headers = [:]
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: Self.trimmed(line[..<colon]).map(Self.lowercasedASCII), as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return bytes.count
    }

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Completes the caller with the response or the mapped curl error.
    func finish(_ result: CURLcode) {
        guard result == CURLE_OK else {
            let message = bodyTooLarge ? "response body exceeds \(maxBodyBytes) bytes" : curlMessage(for: result)
            fail(CurlError(code: Int32(result.rawValue), message: message, url: url))
            return
        }
        var status: CLong = 0
        let code = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            fail(CurlError(code: Int32(code.rawValue), message: curlMessage(for: code), url: url))
            return
        }
        continuation?.resume(returning: HTTPClientResponse(status: Int(status), headers: headers, body: body))
        continuation = nil
    }

    /// Completes the caller with `error` (cancellation, shutdown, setup failure).
    func fail(_ error: any Error) {
        continuation?.resume(throwing: error)
        continuation = nil
    }

    private func check(_ code: CURLcode) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError(code: Int32(code.rawValue), message: curlMessage(for: code), url: url)
        }
    }

    /// The error buffer's detail when curl filled it, else the generic text for the code.
    private func curlMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// A Duration as the `long` milliseconds curl reads, at least 1 (0 would mean "no timeout").
    static func milliseconds(_ duration: Duration) -> CLong {
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        let milliseconds = total.overflow ? Int64.max : total.partialValue &+ attoseconds / 1_000_000_000_000_000
        return CLong(clamping: max(1, milliseconds))
    }
}

/// CURLOPT_WRITEFUNCTION: `context` is the unretained EasyTransfer kept alive by the worker.
private func easyTransferWriteCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<EasyTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// CURLOPT_HEADERFUNCTION: called once per complete header line.
private func easyTransferHeaderCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<EasyTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}
