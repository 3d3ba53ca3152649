#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The data a beneficiary attested to, in one canonical text, so that its SHA-256 can be recomputed years
/// later from the stored request and compared.
///
/// Canonical form: a JSON object of field id → value text (null for a skipped field), keys sorted by their
/// UTF-8 bytes, no whitespace, every digit ASCII (Arabic-Indic and Persian digits normalised), text trimmed
/// with runs of spaces collapsed. The same data always gives the same bytes, whichever way it was typed.
public struct AttestedData: Sendable, Equatable {
    /// Field id → canonical value; nil for a skipped field.
    public var values: [String: String?]

    public init(values: [String: String?]) {
        self.values = values
    }

    /// The canonical data of a form's fields.
    public init(_ entries: [FieldEntry]) {
        var values: [String: String?] = [:]
        for entry in entries { values[entry.id] = Self.canonical(entry.value) }
        self.values = values
    }

    /// Reads a canonical text back; nil when it is not a JSON object of strings and nulls.
    public init?(canonicalText: String) {
        guard let data = canonicalText.data(using: .utf8),
            let values = try? JSONDecoder().decode([String: String?].self, from: data)
        else { return nil }
        self.values = values
    }

    /// The canonical bytes as text (hash its UTF-8).
    public var canonicalText: String {
        var w = JSONWriter(capacity: 256)
        w.object { m in
            for key in values.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                if let value = values[key] ?? nil {
                    m.string(key, value)
                } else {
                    m.value(key) { $0.raw("null") }
                }
            }
        }
        return w.string
    }

    /// The value of one field in canonical form; nil for a skipped field.
    public static func canonical(_ value: FieldValue) -> String? {
        switch value {
        case .text(let s): ArabicText.normalizeInput(s)
        case .integer(let i): String(i)
        case .decimal(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .date(let gregorian, let hijri):
            ArabicText.normalizeInput(gregorian) + (hijri.map { " hijri:" + ArabicText.normalizeInput($0) } ?? "")
        case .yesNo(let b): b ? "yes" : "no"
        case .choice(let id, _): id
        case .attachments(let files): files.map { "\($0.kind.rawValue):\($0.channel):\($0.fileID)" }.joined(separator: ",")
        case .location(let latitude, let longitude): "\(latitude),\(longitude)"
        case .skipped: nil
        }
    }

    /// One field whose value is not what was attested.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public var field: String
        /// The attested value; nil when the field was absent or skipped then.
        public var attested: String?
        /// The value now; nil when the field is absent or skipped now.
        public var current: String?

        public init(field: String, attested: String?, current: String?) {
            self.field = field
            self.attested = attested
            self.current = current
        }

        public var description: String {
            "field '\(field)': attested \(Self.show(attested)), stored now \(Self.show(current))"
        }

        private static func show(_ value: String?) -> String {
            value.map { "\"\($0)\"" } ?? "(nothing)"
        }
    }

    /// The fields where `current` differs from these attested values, sorted by field id.
    public func differences(from current: AttestedData) -> [Difference] {
        let fields = Set(values.keys).union(current.values.keys).sorted()
        return fields.compactMap { field in
            let attested = values[field] ?? nil
            let now = current.values[field] ?? nil
            let presentBoth = values.keys.contains(field) == current.values.keys.contains(field)
            return attested == now && presentBoth ? nil : Difference(field: field, attested: attested, current: now)
        }
    }
}
