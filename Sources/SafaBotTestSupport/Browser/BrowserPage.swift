public import Foundation

/// One tab of ``HeadlessChromium``: navigate, evaluate script, click, upload, reload, screenshot.
public struct BrowserPage: Sendable {
    public let browser: HeadlessChromium
    public let session: String

    /// Opens a blank tab sized `width` × `height` CSS pixels (`mobile` for a phone's viewport and touch).
    public static func open(in browser: HeadlessChromium, width: Int, height: Int, mobile: Bool) async throws
        -> BrowserPage
    {
        let target = try await browser.call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else {
            throw HeadlessChromium.Failure(description: "no targetId")
        }
        let attached = try await browser.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw HeadlessChromium.Failure(description: "no sessionId")
        }
        let page = BrowserPage(browser: browser, session: session)
        try await page.call("Page.enable")
        try await page.call("Runtime.enable")
        try await page.resize(width: width, height: height, mobile: mobile)
        return page
    }

    @discardableResult
    public func call(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        try await browser.call(method, params, session: session)
    }

    public func resize(width: Int, height: Int, mobile: Bool) async throws {
        try await call(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    public func navigate(_ url: String) async throws {
        try await call("Page.navigate", ["url": url])
    }

    public func reload() async throws {
        try await call("Page.reload", ["ignoreCache": true])
    }

    /// Runs `expression` in the page (awaiting a promise) and returns its JSON value as Swift.
    @discardableResult
    public func evaluate(_ expression: String) async throws -> Any? {
        let result = try await call(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw HeadlessChromium.Failure(description: "script failed: \(exception["text"] ?? exception)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Puts a file on the `<input type=file>` matched by `selector` and fires its change event.
    public func setFile(_ selector: String, path: String) async throws {
        let document = try await call("DOM.getDocument", ["depth": 0])
        guard let root = (document["root"] as? [String: Any])?["nodeId"] as? Int else {
            throw HeadlessChromium.Failure(description: "no document")
        }
        let found = try await call("DOM.querySelector", ["nodeId": root, "selector": selector])
        guard let node = found["nodeId"] as? Int, node != 0 else {
            throw HeadlessChromium.Failure(description: "nothing matches \(selector)")
        }
        try await call("DOM.setFileInputFiles", ["nodeId": node, "files": [path]])
    }

    /// A PNG of the viewport.
    public func screenshot() async throws -> Data {
        let shot = try await call("Page.captureScreenshot", ["format": "png"])
        guard let text = shot["data"] as? String, let data = Data(base64Encoded: text) else {
            throw HeadlessChromium.Failure(description: "no screenshot")
        }
        return data
    }
}
