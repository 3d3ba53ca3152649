/// The Bot API spec with every type name resolved once, answering "is this call valid?" without building
/// paths, dictionaries or messages: the fake asks this for every request, and only a refused one goes
/// through `TelegramSpecValidator`'s diagnosing walk.
///
/// It accepts exactly what that walk reports no violation for (same rules, same order of type candidates).
struct CompiledTelegramSpec: Sendable {
    /// What a value must be.
    indirect enum Check: Sendable {
        case integer
        /// Integer or Float.
        case float
        case string
        /// "Boolean" and "True" (the spec's `True` accepts any boolean, as the diagnosing walk does).
        case boolean
        /// InputFile: a JSON body cannot carry one.
        case never
        /// A type the spec does not describe: nothing to check against.
        case anything
        case array(Check)
        /// A spec type, by index into `shapes`.
        case named(Int)
    }

    /// A spec type's structure.
    enum Shape: Sendable {
        /// One of several subtypes.
        case union([Check])
        case object(Fields)
    }

    /// The fields of a method or object type.
    struct Fields: Sendable {
        var byName: [String: [Check]]
        var required: [String]
    }

    private(set) var shapes: [Shape] = []
    private(set) var methods: [String: Fields] = [:]

    init(_ spec: TelegramSpecValidator.Spec) {
        var indexByName: [String: Int] = [:]
        for (name, method) in spec.methods {
            methods[name] = compile(method.fields ?? [], spec, &indexByName)
        }
    }

    /// Whether `parameters` are a valid call of `method` (spec spelling); nil for a method the spec lacks.
    func accepts(method: String, parameters: [String: JSONValue]) -> Bool? {
        guard let fields = methods[method] else { return nil }
        return accepts(fields, parameters)
    }

    private func accepts(_ fields: Fields, _ members: [String: JSONValue]) -> Bool {
        for name in fields.required where members[name] == nil { return false }
        for (name, value) in members {
            guard let checks = fields.byName[name], accepts(anyOf: checks, value) else { return false }
        }
        return true
    }

    private func accepts(anyOf checks: [Check], _ value: JSONValue) -> Bool {
        for check in checks where accepts(check, value) { return true }
        return false
    }

    private func accepts(_ check: Check, _ value: JSONValue) -> Bool {
        switch (check, value) {
        case (.integer, .int), (.float, .int), (.float, .double), (.string, .string), (.boolean, .bool), (.anything, _):
            return true
        case (.array(let element), .array(let elements)):
            for item in elements where !accepts(element, item) { return false }
            return true
        case (.named(let index), _):
            switch shapes[index] {
            case .union(let members): return accepts(anyOf: members, value)
            case .object(let fields):
                guard case .object(let members) = value else { return false }
                return accepts(fields, members)
            }
        default:
            return false
        }
    }

    // MARK: - Compiling

    private mutating func compile(
        _ fields: [TelegramSpecValidator.Field], _ spec: TelegramSpecValidator.Spec, _ indexByName: inout [String: Int]
    ) -> Fields {
        var byName: [String: [Check]] = [:]
        // The diagnosing walk keeps the first of repeated field names.
        for field in fields where byName[field.name] == nil {
            byName[field.name] = field.types.map { check(for: $0, spec, &indexByName) }
        }
        return Fields(byName: byName, required: fields.filter(\.required).map(\.name))
    }

    /// The check for a spec type expression, compiling named types on first use (recursion-safe: the index
    /// is reserved before the type's fields are compiled).
    private mutating func check(
        for type: String, _ spec: TelegramSpecValidator.Spec, _ indexByName: inout [String: Int]
    ) -> Check {
        if type.hasPrefix("Array of ") {
            return .array(check(for: String(type.dropFirst("Array of ".count)), spec, &indexByName))
        }
        switch type {
        case "Integer": return .integer
        case "Float": return .float
        case "String": return .string
        case "Boolean", "True": return .boolean
        case "InputFile": return .never
        default: break
        }
        guard let typeSpec = spec.types[type] else { return .anything }
        if let index = indexByName[type] { return .named(index) }
        let index = shapes.count
        indexByName[type] = index
        shapes.append(.union([]))
        if let subtypes = typeSpec.subtypes, !subtypes.isEmpty {
            shapes[index] = .union(subtypes.map { check(for: $0, spec, &indexByName) })
        } else {
            shapes[index] = .object(compile(typeSpec.fields ?? [], spec, &indexByName))
        }
        return .named(index)
    }
}
