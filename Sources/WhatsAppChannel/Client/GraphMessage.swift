import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One `POST /<version>/<phone-number-id>/messages` request body, as the Cloud API defines it
/// (OpenAPI `Message`; examples `request-*.json` in platform-specs/whatsapp/examples).
public enum GraphMessage: Sendable, Equatable {
    /// A reply button: `id` comes back in `interactive.button_reply.id`.
    public struct ReplyButton: Sendable, Equatable {
        public var id: String
        public var title: String
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// A list row: `id` comes back in `interactive.list_reply.id`.
    public struct ListRow: Sendable, Equatable {
        public var id: String
        public var title: String
        public var description: String?
        public init(id: String, title: String, description: String? = nil) {
            self.id = id
            self.title = title
            self.description = description
        }
    }

    case text(to: String, body: String)
    case buttons(to: String, body: String, buttons: [ReplyButton])
    case list(to: String, body: String, button: String, rows: [ListRow])
    /// Marks an inbound message (and those before it) read; with `typing`, shows "typing…" until the reply.
    case markRead(messageID: String, typing: Bool)
    /// An approved template (outside the 24-hour window), with body parameters in order.
    case template(to: String, name: String, language: String, bodyParameters: [String])
    /// A file uploaded before (`/media`), sent by its media id.
    case media(to: String, kind: MediaKind, mediaID: String, caption: String?, fileName: String?)

    /// The media message types the bot sends.
    public enum MediaKind: String, Sendable, Equatable {
        case image, document
    }

    /// The request body.
    public var json: Data {
        var w = JSONWriter(capacity: 256)
        w.object { m in
            m.string("messaging_product", "whatsapp")
            switch self {
            case .text(let to, let body):
                Self.recipient(&m, to)
                m.string("type", "text")
                m.value("text") { t in
                    t.object {
                        $0.value("preview_url") { $0.bool(false) }
                        $0.string("body", body)
                    }
                }
            case .buttons(let to, let body, let buttons):
                Self.recipient(&m, to)
                m.string("type", "interactive")
                m.value("interactive") { i in
                    i.object { o in
                        o.string("type", "button")
                        o.value("body") { b in b.object { $0.string("text", body) } }
                        o.value("action") { a in
                            a.object { action in
                                action.value("buttons") { list in
                                    list.array(buttons) { item, button in
                                        item.object { b in
                                            b.string("type", "reply")
                                            b.value("reply") { r in
                                                r.object {
                                                    $0.string("id", button.id)
                                                    $0.string("title", button.title)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            case .list(let to, let body, let button, let rows):
                Self.recipient(&m, to)
                m.string("type", "interactive")
                m.value("interactive") { i in
                    i.object { o in
                        o.string("type", "list")
                        o.value("body") { b in b.object { $0.string("text", body) } }
                        o.value("action") { a in
                            a.object { action in
                                action.string("button", button)
                                action.value("sections") { sections in
                                    // One section: a title is required only with more than one.
                                    sections.array([rows]) { section, rows in
                                        section.object { s in
                                            s.value("rows") { list in
                                                list.array(rows) { item, row in
                                                    item.object {
                                                        $0.string("id", row.id)
                                                        $0.string("title", row.title)
                                                        $0.string("description", ifPresent: row.description)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            case .markRead(let messageID, let typing):
                m.string("status", "read")
                m.string("message_id", messageID)
                if typing { m.value("typing_indicator") { t in t.object { $0.string("type", "text") } } }
            case .template(let to, let name, let language, let parameters):
                Self.recipient(&m, to)
                m.string("type", "template")
                m.value("template") { t in
                    t.object { o in
                        o.string("name", name)
                        o.value("language") { l in l.object { $0.string("code", language) } }
                        if !parameters.isEmpty {
                            o.value("components") { c in
                                c.array([parameters]) { component, parameters in
                                    component.object { body in
                                        body.string("type", "body")
                                        body.value("parameters") { p in
                                            p.array(parameters) { item, text in
                                                item.object {
                                                    $0.string("type", "text")
                                                    $0.string("text", text)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            case .media(let to, let kind, let mediaID, let caption, let fileName):
                Self.recipient(&m, to)
                m.string("type", kind.rawValue)
                m.value(kind.rawValue) { v in
                    v.object {
                        $0.string("id", mediaID)
                        $0.string("caption", ifPresent: caption)
                        if kind == .document { $0.string("filename", ifPresent: fileName) }
                    }
                }
            }
        }
        return w.data
    }

    private static func recipient(_ m: inout JSONWriter.Members, _ to: String) {
        m.string("recipient_type", "individual")
        m.string("to", to)
    }
}
