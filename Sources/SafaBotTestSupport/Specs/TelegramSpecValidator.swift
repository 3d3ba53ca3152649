public import Foundation

/// Checks Bot API requests against `api.json`: method known, required fields present, no unknown field,
/// values of the declared types, nested objects (keyboards, buttons…) checked recursively.
public struct TelegramSpecValidator: Sendable {
    struct Field: Decodable, Sendable {
        var name: String
        var types: [String]
        var required: Bool
    }

    struct Method: Decodable, Sendable {
        var name: String
        var fields: [Field]?
    }

    struct TypeSpec: Decodable, Sendable {
        var name: String
        var fields: [Field]?
        var subtypes: [String]?
    }

    struct Spec: Decodable, Sendable {
        var version: String
        var methods: [String: Method]
        var types: [String: TypeSpec]
    }

    private let spec: Spec
    private let methodsByLowercasedName: [String: String]
    /// The same rules, resolved once: confirms a valid call cheaply; only invalid ones take the diagnosing walk.
    private let compiled: CompiledTelegramSpec

    /// The Bot API version the spec describes, e.g. "Bot API 10.1".
    public var version: String { spec.version }

    /// Reads a spec in the telegram-bot-api-spec `api.json` format.
    public init(apiJSON: Data) throws {
        spec = try JSONDecoder().decode(Spec.self, from: apiJSON)
        methodsByLowercasedName = Dictionary(
            spec.methods.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        compiled = CompiledTelegramSpec(spec)
    }

    /// Loads `telegram/api.json` from the platform specs.
    public static func load(from apiJSON: URL = PlatformSpecs.telegramAPI) throws -> TelegramSpecValidator {
        try TelegramSpecValidator(apiJSON: Data(contentsOf: apiJSON))
    }

    /// The platform specs' `api.json`, parsed once per process (it is 900 KB; every fake shares it).
    public static func shared() throws -> TelegramSpecValidator { try sharedResult.get() }

    private static let sharedResult = Result<TelegramSpecValidator, any Error> { try load() }

    /// The spec's spelling of a method name (Telegram matches names case-insensitively).
    public func canonicalMethodName(_ name: String) -> String? { methodsByLowercasedName[name.lowercased()] }

    /// The violations of a JSON request body (an object, or empty for no parameters).
    public func validate(method: String, body: Data) -> [SpecViolation] {
        if body.isEmpty { return validate(method: method, parameters: [:]) }
        guard let value = try? JSONValue(parsing: body) else {
            return [SpecViolation(path: method, kind: .wrongType(expected: ["Object"], found: "invalid JSON"))]
        }
        guard case .object(let parameters) = value else {
            return [SpecViolation(path: method, kind: .wrongType(expected: ["Object"], found: value.kindName))]
        }
        return validate(method: method, parameters: parameters)
    }

    /// The violations of a method call's parameters.
    public func validate(method: String, parameters: [String: JSONValue]) -> [SpecViolation] {
        // The usual case, a valid call spelled as in the spec, needs no names lowercased and no paths built.
        if compiled.accepts(method: method, parameters: parameters) == true { return [] }
        guard let name = canonicalMethodName(method), let spec = spec.methods[name] else {
            return [SpecViolation(path: method, kind: .unknownMethod)]
        }
        return validate(fields: spec.fields ?? [], members: parameters, path: name)
    }

    /// The violations of `value` read as spec type `type` (e.g. "InlineKeyboardMarkup", "Array of String").
    public func validate(type: String, value: JSONValue, path: String) -> [SpecViolation] {
        if type.hasPrefix("Array of ") {
            guard case .array(let elements) = value else { return [wrong([type], value, path)] }
            let element = String(type.dropFirst("Array of ".count))
            return elements.enumerated().flatMap { validate(type: element, value: $1, path: "\(path)[\($0)]") }
        }
        switch type {
        case "Integer": if case .int = value { return [] }
        case "Float": if case .int = value { return [] } else if case .double = value { return [] }
        case "String": if case .string = value { return [] }
        case "Boolean", "True": if case .bool = value { return [] }
        case "InputFile": break  // Only multipart uploads carry files; a JSON body cannot.
        default:
            guard let typeSpec = spec.types[type] else { return [] }  // Not in the spec: nothing to check against.
            if let subtypes = typeSpec.subtypes, !subtypes.isEmpty {
                return validate(anyOf: subtypes, value: value, path: path)
            }
            guard case .object(let members) = value else { return [wrong([type], value, path)] }
            return validate(fields: typeSpec.fields ?? [], members: members, path: path)
        }
        return [wrong([type], value, path)]
    }

    private func validate(fields: [Field], members: [String: JSONValue], path: String) -> [SpecViolation] {
        var violations: [SpecViolation] = []
        let known = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for field in fields where field.required && members[field.name] == nil {
            violations.append(SpecViolation(path: "\(path).\(field.name)", kind: .missingRequired))
        }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let field = known[name] else {
                violations.append(SpecViolation(path: "\(path).\(name)", kind: .unknownField))
                continue
            }
            violations += validate(anyOf: field.types, value: value, path: "\(path).\(name)")
        }
        return violations
    }

    /// Passes when any candidate type fits; otherwise reports the nested problems of the object type the
    /// value most nearly fits (more useful than "wrong type"), or a plain type mismatch.
    private func validate(anyOf types: [String], value: JSONValue, path: String) -> [SpecViolation] {
        var best: [SpecViolation]?
        for type in types {
            let violations = validate(type: type, value: value, path: path)
            if violations.isEmpty { return [] }
            let isNested = !violations.contains { $0.path == path }
            if isNested, best.map({ violations.count < $0.count }) ?? true { best = violations }
        }
        return best ?? [wrong(types, value, path)]
    }

    private func wrong(_ types: [String], _ value: JSONValue, _ path: String) -> SpecViolation {
        SpecViolation(path: path, kind: .wrongType(expected: types, found: value.kindName))
    }
}
