/// The stored form of an inbound event's content, written without `JSONEncoder` (one per update).
///
/// It must stay exactly what the synthesized `Encodable` writes; `StateJSONTests` reads it back with
/// `JSONDecoder` for every case.
extension EventContent {
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 128)
        w.object { m in
            switch self {
            case .start: m.value("start") { $0.object { _ in } }
            case .text(let text): m.value("text") { w in w.object { $0.string("_0", text) } }
            case .button(let payload): m.value("button") { w in w.object { $0.string("payload", payload) } }
            case .attachment(let file):
                m.value("attachment") { w in w.object { m in m.value("_0") { $0.attachment(file) } } }
            case .location(let latitude, let longitude):
                m.value("location") { w in
                    w.object { m in
                        m.value("latitude") { $0.double(latitude) }
                        m.value("longitude") { $0.double(longitude) }
                    }
                }
            case .unsupported(let kind): m.value("unsupported") { w in w.object { $0.string("kind", kind) } }
            case .handBack(let node, let survey):
                m.value("handBack") { w in
                    w.object { m in
                        m.string("node", ifPresent: node)
                        m.value("survey") { $0.bool(survey) }
                    }
                }
            case .requestStatus(let reference, let status, let reason):
                m.value("requestStatus") { w in
                    w.object { m in
                        m.string("reference", reference)
                        m.string("status", status)
                        m.string("reason", ifPresent: reason)
                    }
                }
            }
        }
        return w.string
    }
}

extension Dictionary where Key == String, Value == String {
    /// A string-to-string object as JSON, keys sorted.
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 64)
        w.object { m in
            for (key, value) in sorted(by: { $0.key < $1.key }) { m.string(key, value) }
        }
        return w.string
    }
}
