#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A minimal JSON writer for the few values stored on every step.
///
/// Foundation's `JSONEncoder` costs tens of microseconds for one conversation state; this writes the same
/// structure (what the synthesized `Encodable` conformances produce, so `JSONDecoder` reads it back) in a
/// fraction of that. Dates are written as seconds since 1970, as the store's decoder expects.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    public var data: Data { Data(bytes) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        // Runs of bytes that need no escape (almost all of an Arabic text) are copied whole.
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, 0x6E]
        case 0x0D: bytes += [0x5C, 0x72]
        case 0x09: bytes += [0x5C, 0x74]
        // Backspace and form feed have short forms too, which JSONEncoder uses.
        case 0x08: bytes += [0x5C, 0x62]
        case 0x0C: bytes += [0x5C, 0x66]
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    public mutating func double(_ value: Double) {
        // Swift's description is the shortest text that reads back as the same Double, and valid JSON;
        // like JSONEncoder, a whole number is written without the ".0" Swift adds.
        var text = value.isFinite ? value.description : "0"
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    public mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }

    /// Writes `{ … }`, calling `body` with a member writer.
    public mutating func object(_ body: (inout Members) -> Void) {
        bytes.append(0x7B)
        // The buffer moves into the member writer and back, so appending never copies it.
        var members = Members(writer: JSONWriter())
        swap(&members.writer.bytes, &bytes)
        body(&members)
        swap(&members.writer.bytes, &bytes)
        bytes.append(0x7D)
    }

    public mutating func array<T>(_ values: [T], _ element: (inout JSONWriter, T) -> Void) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            element(&self, value)
        }
        bytes.append(0x5D)
    }

    /// Writes the members of one object, with commas between them.
    public struct Members {
        var writer: JSONWriter
        var first = true

        public mutating func key(_ name: String) {
            if !first { writer.bytes.append(0x2C) }
            first = false
            writer.string(name)
            writer.bytes.append(0x3A)
        }

        public mutating func string(_ name: String, _ value: String) {
            key(name)
            writer.string(value)
        }

        public mutating func string(_ name: String, ifPresent value: String?) {
            if let value { string(name, value) }
        }

        public mutating func int(_ name: String, _ value: Int) {
            key(name)
            writer.int(value)
        }

        public mutating func value(_ name: String, _ body: (inout JSONWriter) -> Void) {
            key(name)
            body(&writer)
        }
    }
}
