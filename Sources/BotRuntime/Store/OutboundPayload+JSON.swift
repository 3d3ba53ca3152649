import DialogCore

/// The stored form of an outbox payload, written without `JSONEncoder` (one per message sent).
///
/// It must stay exactly what the synthesized `Encodable` writes; `OutboundPayloadJSONTests` decodes it
/// with `JSONDecoder` and compares.
extension OutboundPayload {
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 256)
        w.object { m in
            switch self {
            case .message(let message):
                m.value("message") { w in
                    w.object { m in
                        m.value("_0") { w in
                            w.object { m in
                                m.string("text", message.text)
                                m.value("buttons") { w in
                                    w.array(message.buttons) { w, button in
                                        w.object { m in
                                            m.string("payload", button.payload)
                                            m.string("label", button.label)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            case .readReceipt(let platformMessageID):
                m.value("readReceipt") { w in
                    w.object { m in m.string("platformMessageID", platformMessageID) }
                }
            case .reengage:
                m.value("reengage") { w in w.object { _ in } }
            case .file(let file, let caption):
                m.value("file") { w in
                    w.object { m in
                        m.value("_0") { $0.attachment(file) }
                        m.string("caption", ifPresent: caption)
                    }
                }
            }
        }
        return w.string
    }
}
