import BotRuntime
import DialogCore
import SQLiteStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes requests for the committee as CSV (UTF-8 with a BOM, so Excel shows Arabic) or JSON, one request
/// at a time, to a buffered sink.
struct RequestExport {
    enum Format: String { case csv, json }

    var format: Format
    var unmasked: Bool
    /// Field columns (CSV), in order.
    var columns: [(id: String, label: String)]
    let hijri = HijriDays()

    static let fixedHeader = [
        "reference", "request_type", "status", "channel", "submitted_at", "submitted_hijri", "status_changed_at",
        "applicant_id", "attested_at", "attestation_data_sha256", "documents", "status_history",
    ]

    func header() -> String {
        switch format {
        case .csv: "\u{FEFF}" + Self.csvLine(Self.fixedHeader + columns.map { "\($0.label) (\($0.id))" })
        case .json: "[\n"
        }
    }

    func footer(count: Int) -> String { format == .json ? (count == 0 ? "]\n" : "\n]\n") : "" }

    func row(_ request: ExportedRequest, index: Int) -> String {
        switch format {
        case .csv: csvRow(request)
        case .json: (index == 0 ? "" : ",\n") + jsonRow(request)
        }
    }

    // MARK: - Values

    static func iso(_ date: Date?) -> String { date.map(ISOTime.string) ?? "" }

    /// The Hijri day of each Riyadh day, computed once per day (ICU calendars are slow; exports are long).
    final class HijriDays {
        private var cache: [Int: String] = [:]
        func day(_ date: Date) -> String {
            let day = Int(((date.timeIntervalSince1970 + 3 * 3600) / 86_400).rounded(.down))
            if let known = cache[day] { return known }
            let hijri = CalendarDays.riyadh(date).hijri
            cache[day] = hijri
            return hijri
        }
    }

    func shown(_ entry: FieldEntry) -> String {
        let text: String
        switch entry.value {
        case .attachments(let files): text = files.map(Self.document).joined(separator: " ")
        case .date(let gregorian, let hijri): text = gregorian + (hijri.map { " (\($0) هـ)" } ?? "")
        default: text = entry.value.display
        }
        return entry.sensitive && !unmasked ? Self.mask(text) : text
    }

    func applicant(_ id: String?) -> String {
        guard let id else { return "" }
        return unmasked ? id : Self.mask(id)
    }

    /// All but the last four characters hidden.
    static func mask(_ text: String) -> String {
        text.count <= 4 ? String(repeating: "•", count: text.count) : String(repeating: "•", count: text.count - 4)
            + text.suffix(4)
    }

    static func document(_ file: Attachment) -> String {
        "\(file.kind.rawValue):\(file.channel):\(file.fileID)" + (file.fileName.map { "(\($0))" } ?? "")
    }

    static func documents(_ request: ExportedRequest) -> [String] {
        request.fields.flatMap { entry -> [String] in
            if case .attachments(let files) = entry.value { return files.map(document) }
            return []
        }
    }

    func history(_ request: ExportedRequest) -> String {
        request.history.map { event in
            let what =
                event.kind == "status"
                ? "\(event.from ?? "?")→\(event.to ?? "?")" + (event.reason.map { " «\($0)»" } ?? "")
                : "information: \(event.note ?? "")"
            return "\(Self.iso(event.at)) \(what) by \(event.actor) via \(event.via)"
        }.joined(separator: "; ")
    }

    // MARK: - CSV

    func csvRow(_ request: ExportedRequest) -> String {
        var values = [
            request.reference, request.requestType, request.status, request.channel, Self.iso(request.submittedAt),
            hijri.day(request.submittedAt), Self.iso(request.statusChangedAt),
            applicant(request.applicantID), Self.iso(request.attestation?.acceptedAt),
            request.attestation?.dataSHA256 ?? "", Self.documents(request).joined(separator: " "), history(request),
        ]
        let byID = Dictionary(request.fields.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for column in columns { values.append(byID[column.id].map(shown) ?? "") }
        return Self.csvLine(values)
    }

    /// RFC 4180: every value quoted when it holds a comma, quote or line break; CRLF ends the line.
    static func csvLine(_ values: [String]) -> String {
        values.map { value in
            let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            // A leading =, +, - or @ would be run as a formula by a spreadsheet: neutralise it.
            let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
            return needsQuotes ? "\"" + safe.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\"" : safe
        }.joined(separator: ",") + "\r\n"
    }

    // MARK: - JSON

    func jsonRow(_ request: ExportedRequest) -> String {
        var w = JSONWriter(capacity: 1024)
        w.object { m in
            m.string("reference", request.reference)
            m.string("requestType", request.requestType)
            m.string("status", request.status)
            m.string("channel", request.channel)
            m.string("submittedAt", Self.iso(request.submittedAt))
            m.string("submittedHijri", hijri.day(request.submittedAt))
            m.string("statusChangedAt", ifPresent: request.statusChangedAt.map { Self.iso($0) })
            m.string("applicantID", ifPresent: request.applicantID.map { applicant($0) })
            m.value("fields") { w in
                w.array(request.fields) { w, entry in
                    w.object { m in
                        m.string("id", entry.id)
                        m.string("label", entry.label)
                        m.string("value", shown(entry))
                    }
                }
            }
            m.value("documents") { $0.array(Self.documents(request)) { w, d in w.string(d) } }
            if let a = request.attestation {
                m.value("attestation") { w in
                    w.object { m in
                        m.string("acceptedAt", Self.iso(a.acceptedAt))
                        m.string("statementSHA256", ifPresent: a.statementSHA256)
                        m.string("dataSHA256", ifPresent: a.dataSHA256)
                        m.string("platformMessageID", ifPresent: a.platformMessageID)
                    }
                }
            }
            m.value("history") { w in
                w.array(request.history) { w, e in
                    w.object { m in
                        m.string("at", Self.iso(e.at))
                        m.string("kind", e.kind)
                        m.string("from", ifPresent: e.from)
                        m.string("to", ifPresent: e.to)
                        m.string("actor", e.actor)
                        m.string("reason", ifPresent: e.reason)
                        m.string("note", ifPresent: e.note)
                        m.string("via", e.via)
                    }
                }
            }
        }
        return w.string
    }
}
