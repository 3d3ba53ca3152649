/// The stored form of a conversation state, written without `JSONEncoder` (see `JSONWriter`).
///
/// It must stay exactly what the synthesized `Encodable` writes; `StateJSONTests` decodes it with
/// `JSONDecoder` for every phase and field value and compares.
extension ConversationState {
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 768)
        w.object { m in
            m.string("node", ifPresent: node?.description)
            m.value("phase") { $0.phase(phase) }
            m.int("attempts", attempts)
            m.int("promptSequence", promptSequence)
            m.value("forms") { w in
                w.object { forms in
                    for (form, fields) in self.forms.sorted(by: { $0.key < $1.key }) {
                        forms.value(form) { w in
                            w.object { values in
                                for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                                    values.value(field) { $0.fieldValue(value) }
                                }
                            }
                        }
                    }
                }
            }
            m.value("trail") { $0.array(trail) { w, ref in w.string(ref.description) } }
            if let lastActivity { m.value("lastActivity") { $0.date(lastActivity) } }
            m.value("requests") { w in
                w.array(requests) { w, r in
                    w.object { m in
                        m.string("reference", r.reference)
                        m.string("requestType", r.requestType)
                        m.value("submittedAt") { $0.date(r.submittedAt) }
                        m.string("status", r.status)
                    }
                }
            }
            m.string("dialogVersion", ifPresent: dialogVersion)
            if let suspended {
                m.value("suspended") { w in
                    w.object { m in
                        m.string("node", suspended.node.description)
                        m.value("phase") { $0.phase(suspended.phase) }
                    }
                }
            }
            m.value("attestations") { w in
                w.object { m in
                    for (form, a) in attestations.sorted(by: { $0.key < $1.key }) {
                        m.value(form) { $0.attestation(a) }
                    }
                }
            }
            m.string("afterSurvey", ifPresent: afterSurvey?.description)
            if let clarifying { m.value("clarifying") { $0.array(clarifying) { w, id in w.string(id) } } }
            if let lookupFailures { m.value("lookupFailures") { $0.array(lookupFailures) { w, at in w.date(at) } } }
        }
        return w.string
    }
}

extension JSONWriter {
    /// A case without values: `{"name":{}}`, as Swift's synthesized `Encodable` writes it.
    mutating func emptyCase(_ name: String) {
        object { m in m.value(name) { $0.object { _ in } } }
    }

    mutating func phase(_ phase: ConversationState.Phase) {
        switch phase {
        case .fresh: emptyCase("fresh")
        case .choosing: emptyCase("choosing")
        case .reviewing: emptyCase("reviewing")
        case .pickingFieldToEdit: emptyCase("pickingFieldToEdit")
        case .attesting: emptyCase("attesting")
        case .inquiring: emptyCase("inquiring")
        case .offeringResume: emptyCase("offeringResume")
        case .field(let index, let editing):
            object { m in
                m.value("field") { w in
                    w.object { m in
                        m.int("index", index)
                        m.value("editing") { $0.bool(editing) }
                    }
                }
            }
        case .offeringOfficer(let target):
            object { m in m.value("offeringOfficer") { w in w.object { $0.string("target", target.description) } } }
        case .withOfficer(let queue):
            object { m in m.value("withOfficer") { w in w.object { $0.string("queue", queue) } } }
        case .addingInformation(let reference):
            object { m in m.value("addingInformation") { w in w.object { $0.string("reference", reference) } } }
        case .confirmingApplicant(let reference):
            object { m in m.value("confirmingApplicant") { w in w.object { $0.string("reference", reference) } } }
        }
    }

    mutating func fieldValue(_ value: FieldValue) {
        object { m in
            switch value {
            case .text(let s): m.value("text") { w in w.object { $0.string("_0", s) } }
            case .integer(let i): m.value("integer") { w in w.object { $0.int("_0", i) } }
            case .decimal(let d): m.value("decimal") { w in w.object { m in m.value("_0") { $0.double(d) } } }
            case .date(let gregorian, let hijri):
                m.value("date") { w in
                    w.object { m in
                        m.string("gregorian", gregorian)
                        m.string("hijri", ifPresent: hijri)
                    }
                }
            case .yesNo(let b): m.value("yesNo") { w in w.object { m in m.value("_0") { $0.bool(b) } } }
            case .choice(let id, let label):
                m.value("choice") { w in
                    w.object { m in
                        m.string("id", id)
                        m.string("label", label)
                    }
                }
            case .attachments(let files):
                m.value("attachments") { w in
                    w.object { m in m.value("_0") { w in w.array(files) { w, f in w.attachment(f) } } }
                }
            case .location(let latitude, let longitude):
                m.value("location") { w in
                    w.object { m in
                        m.value("latitude") { $0.double(latitude) }
                        m.value("longitude") { $0.double(longitude) }
                    }
                }
            case .skipped: m.value("skipped") { $0.object { _ in } }
            }
        }
    }

    public mutating func attachment(_ a: Attachment) {
        object { m in
            m.string("kind", a.kind.rawValue)
            m.string("fileID", a.fileID)
            m.string("channel", a.channel)
            m.string("fileName", ifPresent: a.fileName)
            m.string("mimeType", ifPresent: a.mimeType)
            if let size = a.size { m.int("size", size) }
        }
    }
}

/// A submitted form's fields and its attestation, stored with each request and handoff, written like
/// the state above (`StepRecordsJSONTests` compares them with `JSONEncoder`'s).
extension Array where Element == FieldEntry {
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 512)
        w.array(self) { w, entry in
            w.object { m in
                m.string("id", entry.id)
                m.string("label", entry.label)
                m.value("value") { $0.fieldValue(entry.value) }
                m.value("sensitive") { $0.bool(entry.sensitive) }
            }
        }
        return w.string
    }
}

extension Attestation {
    public func jsonText() -> String {
        var w = JSONWriter(capacity: 512)
        w.attestation(self)
        return w.string
    }
}

extension JSONWriter {
    /// An attestation as the synthesized `Encodable` writes it (absent optionals left out).
    mutating func attestation(_ a: Attestation) {
        object { m in
            m.string("node", a.node.description)
            m.string("statement", a.statement)
            m.value("acceptedAt") { $0.date(a.acceptedAt) }
            if let version = a.version { m.int("version", version) }
            m.string("answer", ifPresent: a.answer)
            m.string("platformMessageID", ifPresent: a.platformMessageID)
            m.string("data", ifPresent: a.data)
            m.string("channel", ifPresent: a.channel)
            m.string("statementSHA256", ifPresent: a.statementSHA256)
            m.string("dataSHA256", ifPresent: a.dataSHA256)
        }
    }
}
