import CCurl

/// Runs curl_global_init exactly once per process, before the first handle is created.
///
/// curl_global_init is not thread-safe; a lazily initialised global is (Swift runs it under
/// swift_once), so every path that creates a handle reads ``CurlGlobal/initialized`` first.
enum CurlGlobal {
    /// The CURLcode of the one curl_global_init call.
    static let initialized: CURLcode = ccurl_global_init_all()

    /// Throws if global initialisation failed.
    static func ensure() throws(CurlError) {
        let code = initialized
        guard code == CURLE_OK else {
            throw CurlError(code: Int32(code.rawValue), message: String(cString: curl_easy_strerror(code)), url: "")
        }
    }
}
