import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A request whose JSON body is written by hand, because it is sent for every reply.
protocol HandWrittenJSONBody {
    func jsonBody() -> Data
}

extension SendMessage: HandWrittenJSONBody {
    /// The same members `Encodable` writes (checked by a test that compares both and by the fake Bot API,
    /// which validates every request against the spec).
    func jsonBody() -> Data {
        var w = JSONWriter(capacity: 256 + text.utf8.count)
        w.object { m in
            m.value("chat_id") { $0.int(Int(chatID)) }
            m.string("text", text)
            m.string("parse_mode", ifPresent: parseMode)
            if let replyMarkup {
                m.value("reply_markup") { w in
                    w.object { m in
                        m.value("inline_keyboard") { w in
                            w.array(replyMarkup.inlineKeyboard) { w, row in
                                w.array(row) { w, button in
                                    w.object { m in
                                        m.string("text", button.text)
                                        m.string("callback_data", button.callbackData)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let messageThreadID { m.value("message_thread_id") { $0.int(Int(messageThreadID)) } }
            if let linkPreviewOptions {
                m.value("link_preview_options") { w in
                    w.object { m in m.value("is_disabled") { $0.bool(linkPreviewOptions.isDisabled) } }
                }
            }
            if let replyParameters {
                m.value("reply_parameters") { w in
                    w.object { m in
                        m.value("message_id") { $0.int(Int(replyParameters.messageID)) }
                        if let allow = replyParameters.allowSendingWithoutReply {
                            m.value("allow_sending_without_reply") { $0.bool(allow) }
                        }
                    }
                }
            }
        }
        return w.data
    }
}
