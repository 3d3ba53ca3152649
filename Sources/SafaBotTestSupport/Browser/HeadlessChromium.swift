import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's Chromium, headless, driven over the DevTools protocol through a pipe (`--remote-debugging-pipe`:
/// JSON messages separated by NUL bytes on file descriptors 3 and 4), so no WebSocket client is needed.
///
/// For browser tests: it opens pages of a bot on 127.0.0.1, clicks and types through `Runtime.evaluate`,
/// sets files on inputs, reloads, and takes screenshots.
public final class HeadlessChromium: @unchecked Sendable {
    // @unchecked Sendable invariant: the pipe ends and `nextID` are used only on `queue`, one call at a time.
    /// Where Debian installs it.
    public static let path = "/usr/bin/chromium"
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    private let pid: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: URL
    private let queue = DispatchQueue(label: "chromium-devtools")
    private var nextID = 0
    private var buffer = [UInt8]()

    /// Why a DevTools call failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts Chromium with a fresh profile.
    public init() throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        let devNull = open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        let arguments = [
            Self.path, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
            "--lang=ar", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, Self.path, &actions, nil, &argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        close(devNull)
        guard spawned == 0 else { throw Failure(description: "could not start \(Self.path): \(spawned)") }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(commands)
        close(answers)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Calls a DevTools method (in `session` when given) and returns its result.
    @discardableResult
    public func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws
        -> [String: Any]
    {
        let message = try JSONSerialization.data(withJSONObject: params)
        let sendable = SendableBox((method, message, session))
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                do {
                    let (method, message, session) = sendable.value
                    continuation.resume(returning: SendableBox(try callBlocking(method, message, session)).value)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func callBlocking(_ method: String, _ params: Data, _ session: String?) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var envelope: [String: Any] = [
            "id": id, "method": method, "params": try JSONSerialization.jsonObject(with: params),
        ]
        if let session { envelope["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: envelope))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "Chromium closed its pipe") }
            written += n
        }
        while true {
            let object = try readMessage()
            guard object["id"] as? Int == id else { continue }  // an event, or an older answer
            if let error = object["error"] as? [String: Any] {
                throw Failure(description: "\(method): \(error["message"] ?? error)")
            }
            return object["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return try JSONSerialization.jsonObject(with: message) as? [String: Any] ?? [:]
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "Chromium closed its pipe") }
            buffer += chunk[..<n]
        }
    }
}

/// Carries a non-Sendable value across the hop to the DevTools queue and back.
///
/// @unchecked Sendable: each box is handed over once and not touched by the sender afterwards.
struct SendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
