public import Foundation

extension FakeTelegramServer {
    /// The bytes behind a `file_path` getFile gave, as `GET /file/bot<token>/<path>` serves them: a minimal
    /// JPEG or PDF (right magic bytes, fake content), so a channel that checks file types by content accepts
    /// them. Nil for a wrong token or an unknown path.
    public func fileContents(token: String, path: String) -> Data? {
        guard token == self.token, let file = files.values.first(where: { $0.path == path }) else { return nil }
        switch file.kind {
        case .photo: return Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("fake photo \(path)".utf8)
        case .document: return Data("%PDF-1.4\n% fake document \(path)\n".utf8)
        }
    }
}
