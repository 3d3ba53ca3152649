import Foundation

/// Fills `{{name}}` placeholders in dialog texts.
///
/// Values that read left-to-right (numbers, IDs, reference codes) are isolated so they keep their order
/// inside Arabic text; an unknown name is left as written (the linter reports it before it goes live).
public enum Template {
    public static func render(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                output += needsIsolation(value) ? ArabicText.isolate(value) : value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    /// The names used in `text`, in order of appearance.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func needsIsolation(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0.properties.numericType != nil || ($0.isASCII && $0.properties.isAlphabetic) }
    }
}
