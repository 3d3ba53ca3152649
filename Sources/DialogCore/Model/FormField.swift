/// One option of a menu, a choice field or a survey.
public struct Option: Sendable, Equatable, Codable {
    /// Short ASCII id, stable across edits; used as button payload. Defaults to the option's position.
    public var id: String
    public let label: String
    /// Other words a beneficiary may type for this option (matched after normalisation).
    public let synonyms: [String]
    /// Where a menu option leads; nil for choice fields and survey options.
    public var goto: String?
    /// The label and synonyms normalised for matching, computed once (matching runs on every answer).
    let matchKeys: [String]

    public init(id: String, label: String, synonyms: [String] = [], goto: String? = nil) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
        self.goto = goto
        matchKeys = ChoiceMatcher.keys(label: label, synonyms: synonyms)
    }

    public static func == (a: Option, b: Option) -> Bool {
        a.id == b.id && a.label == b.label && a.synonyms == b.synonyms && a.goto == b.goto
    }

    enum CodingKeys: String, CodingKey { case id, label, synonyms, goto }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        goto = try c.decodeIfPresent(String.self, forKey: .goto)
        // Position-based default ids are filled in by the node that owns the options.
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        matchKeys = ChoiceMatcher.keys(label: label, synonyms: synonyms)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        if !synonyms.isEmpty { try c.encode(synonyms, forKey: .synonyms) }
        try c.encodeIfPresent(goto, forKey: .goto)
    }
}

extension Array where Element == Option {
    /// Gives options without an explicit id their 1-based position as id.
    func withDefaultIDs() -> [Option] {
        enumerated().map { index, option in
            var option = option
            if option.id.isEmpty { option.id = String(index + 1) }
            return option
        }
    }
}

/// A field of a form: what to ask, how to validate it, and what to do when the beneficiary cannot answer.
public struct FormField: Sendable, Equatable, Codable {
    public var id: String
    public var type: FieldKind
    /// The question, e.g. "فضلاً اكتب رقم الهوية الوطنية أو الإقامة".
    public var prompt: String
    /// Short name shown in the review, e.g. "رقم الهوية".
    public var label: String
    /// Shown when the answer is invalid and no more specific reason text applies.
    public var error: String?
    /// Per-reason texts overriding the bot-wide ones, keyed by `ValidationFailure.code`.
    public var errors: [String: String]
    public var required: Bool
    /// Numeric range for integer/decimal; length range for text.
    public var min: Double?
    public var max: Double?
    public var minLength: Int?
    public var maxLength: Int?
    /// Options for `choice` fields.
    public var options: [Option]
    /// Wrong answers allowed before `onExhausted`; nil uses the bot-wide default.
    public var maxAttempts: Int?
    /// Where to go after too many wrong answers; nil offers an officer.
    public var onExhausted: String?
    /// Mask the value in officer views except the last four characters.
    public var sensitive: Bool

    public init(
        id: String, type: FieldKind, prompt: String, label: String, error: String? = nil,
        errors: [String: String] = [:], required: Bool = true, min: Double? = nil, max: Double? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, options: [Option] = [], maxAttempts: Int? = nil,
        onExhausted: String? = nil, sensitive: Bool = false
    ) {
        self.id = id
        self.type = type
        self.prompt = prompt
        self.label = label
        self.error = error
        self.errors = errors
        self.required = required
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.options = options.withDefaultIDs()
        self.maxAttempts = maxAttempts
        self.onExhausted = onExhausted
        self.sensitive = sensitive
    }

    enum CodingKeys: String, CodingKey {
        case id, type, prompt, label, error, errors, required, min, max, minLength, maxLength, options,
            maxAttempts, onExhausted, sensitive
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            type: try c.decode(FieldKind.self, forKey: .type),
            prompt: try c.decode(String.self, forKey: .prompt),
            label: try c.decodeIfPresent(String.self, forKey: .label) ?? c.decode(String.self, forKey: .id),
            error: try c.decodeIfPresent(String.self, forKey: .error),
            errors: try c.decodeIfPresent([String: String].self, forKey: .errors) ?? [:],
            required: try c.decodeIfPresent(Bool.self, forKey: .required) ?? true,
            min: try c.decodeIfPresent(Double.self, forKey: .min),
            max: try c.decodeIfPresent(Double.self, forKey: .max),
            minLength: try c.decodeIfPresent(Int.self, forKey: .minLength),
            maxLength: try c.decodeIfPresent(Int.self, forKey: .maxLength),
            options: try c.decodeIfPresent([Option].self, forKey: .options) ?? [],
            maxAttempts: try c.decodeIfPresent(Int.self, forKey: .maxAttempts),
            onExhausted: try c.decodeIfPresent(String.self, forKey: .onExhausted),
            sensitive: try c.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
        )
    }
}
