#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DialogLoader {
    /// Decodes `value` with `JSONDecoder`; a failure becomes one finding at the offending value.
    ///
    /// `subject` names the object for messages ("node 'طلب' (type form)"); missing keys are normally reported
    /// by `DialogKeys.check` already, so `reportMissingKeys` is off for objects that were checked.
    static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, file: String, subject: String, reportMissingKeys: Bool = true,
        into findings: inout [Finding]
    ) -> T? {
        do {
            return try JSONDecoder().decode(T.self, from: value.jsonData)
        } catch let error as DecodingError {
            if let finding = finding(
                for: error, in: value, file: file, subject: subject, reportMissingKeys: reportMissingKeys)
            {
                findings.append(finding)
            }
            return nil
        } catch {
            findings.append(DialogKeys.finding(.error, file, value, "\(subject) could not be read"))
            return nil
        }
    }

    /// Maps a decoding error's coding path back to the value it names in the located tree.
    static func finding(
        for error: DecodingError, in root: JSONValue, file: String, subject: String, reportMissingKeys: Bool
    ) -> Finding? {
        func locate(_ codingPath: [any CodingKey]) -> JSONValue {
            var current = root
            for key in codingPath {
                let next: JSONValue?
                if case .array = current.kind, let index = key.intValue {
                    next = current[index]
                } else {
                    next = current[key.stringValue]
                }
                guard let next else { break }
                current = next
            }
            return current
        }
        func name(_ codingPath: [any CodingKey]) -> String {
            guard let last = codingPath.last else { return subject }
            if last.intValue != nil, codingPath.count >= 2 {
                return "'\(codingPath[codingPath.count - 2].stringValue)[\(last.intValue!)]'"
            }
            return "'\(last.stringValue)'"
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let value = locate(context.codingPath)
            let relative = context.codingPath.isEmpty ? subject : "\(name(context.codingPath)) in \(subject)"
            return DialogKeys.finding(
                .error, file, value, "expected \(describe(type)) for \(relative), found \(value.kindName)")
        case .keyNotFound(let key, let context):
            guard reportMissingKeys else { return nil }
            let object = locate(context.codingPath)
            let owner = context.codingPath.isEmpty ? subject : "\(name(context.codingPath)) in \(subject)"
            return DialogKeys.finding(.error, file, object, "\(owner) is missing required key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            let value = locate(context.codingPath)
            var message = context.debugDescription
            if context.codingPath.last?.stringValue == "type", let text = value.stringValue,
                FieldKind(rawValue: text) == nil,
                message.hasPrefix("Cannot initialize")
            {
                message =
                    "unknown field type '\(text)'; expected one of \(FieldKind.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            return DialogKeys.finding(.error, file, value, "\(message) (in \(subject))")
        @unknown default:
            return DialogKeys.finding(.error, file, root, "\(subject) could not be read")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        case is [String: String].Type, is [String: [String]].Type: "an object"
        default:
            String(describing: type).hasPrefix("Array")
                ? "a list"
                : (String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of type \(type)")
        }
    }
}
