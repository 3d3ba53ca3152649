/// Fills `{{name}}` placeholders in dialog texts.
///
/// Values that read left-to-right (numbers, IDs, reference codes) are isolated so they keep their order
/// inside Arabic text; an unknown name is left as written (the linter reports it before it goes live).
/// Scans UTF-8 bytes rather than using Foundation's string search: this runs on every message the bot sends.
public enum Template {
    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")

    /// Whether `text` has a placeholder at all (cheap; most texts have none).
    public static func hasPlaceholders(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == open && previous == open { return true }
            previous = byte
        }
        return false
    }

    public static func render(_ text: String, _ values: [String: String]) -> String {
        guard hasPlaceholders(text) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 32)
        forEachPart(of: text) { part in
            switch part {
            case .literal(let literal): output += literal
            case .placeholder(let name, let written):
                if let value = values[name] {
                    output += needsIsolation(value) ? ArabicText.isolate(value) : value
                } else {
                    output += written
                }
            }
        }
        return output
    }

    /// The names used in `text`, in order of appearance.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        forEachPart(of: text) { part in
            if case .placeholder(let name, _) = part { names.append(name) }
        }
        return names
    }

    enum Part {
        case literal(Substring)
        case placeholder(name: String, written: Substring)
    }

    /// Splits `text` into literals and `{{name}}` placeholders; an unclosed `{{` stays literal.
    static func forEachPart(of text: String, _ body: (Part) -> Void) {
        let bytes = text.utf8
        var literalStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            guard bytes[index] == open, next < bytes.endIndex, bytes[next] == open else {
                index = next
                continue
            }
            // Find the closing "}}".
            var scan = bytes.index(after: next)
            var closing: String.Index?
            while scan < bytes.endIndex {
                let after = bytes.index(after: scan)
                if bytes[scan] == close, after < bytes.endIndex, bytes[after] == close {
                    closing = scan
                    break
                }
                scan = after
            }
            guard let closing else { break }
            if literalStart < index { body(.literal(text[literalStart..<index])) }
            let nameStart = bytes.index(after: next)
            let end = bytes.index(closing, offsetBy: 2)
            let name = text[nameStart..<closing].trimmingSpaces()
            body(.placeholder(name: name, written: text[index..<end]))
            literalStart = end
            index = end
        }
        if literalStart < bytes.endIndex { body(.literal(text[literalStart...])) }
    }

    /// Whether a value holds digits or Latin letters, which need isolating inside Arabic text. A value
    /// with Arabic letters reads right to left itself («حي النخيل 12», a sentence with times already
    /// isolated): a left-to-right isolate around it would reverse its words.
    static func needsIsolation(_ value: String) -> Bool {
        var leftToRight = false
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: leftToRight = true
            case 0x660...0x669, 0x6F0...0x6F9: leftToRight = true
            case 0x621...0x64A, 0x671...0x6D3: return false
            default: continue
            }
        }
        return leftToRight
    }
}

extension Substring {
    /// Trims ASCII spaces and tabs without Foundation.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
