public import Foundation

/// A multipart/form-data body split into its parts, as the fake Bot API needs to check an upload.
///
/// Test support only: the bot never parses multipart (libcurl's mime API builds its uploads); the fake reads
/// what curl sent, the way the real Bot API would, and refuses anything it cannot split cleanly.
public struct FakeMultipartPart: Sendable, Equatable {
    public var name: String
    public var fileName: String?
    public var contentType: String?
    public var data: Data
}

enum FakeMultipartForm {
    /// The boundary named in a `multipart/form-data; boundary=…` content type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The parts of `body`; nil when it is not a well-formed form with that boundary.
    static func parts(of body: Data, boundary: String) -> [FakeMultipartPart]? {
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        var starts: [Int] = []
        var index = 0
        while let found = find(delimiter, in: bytes, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        var parts: [FakeMultipartPart] = []
        for (start, end) in zip(starts, starts.dropFirst()) {
            // "--boundary\r\n" headers "\r\n\r\n" data "\r\n" (before the next delimiter).
            let from = start + delimiter.count + 2
            guard from <= end - 2, let split = find(Array("\r\n\r\n".utf8), in: bytes, from: from), split < end
            else { return nil }
            let head = String(decoding: bytes[from..<split], as: UTF8.self)
            var part = FakeMultipartPart(name: "", data: Data(bytes[(split + 4)..<(end - 2)]))
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                } else if lower.hasPrefix("content-disposition:") {
                    part.name = quoted("name", in: line) ?? ""
                    part.fileName = quoted("filename", in: line)
                }
            }
            guard !part.name.isEmpty else { return nil }
            parts.append(part)
        }
        // The last delimiter closes the form: "--boundary--".
        guard let last = starts.last, bytes.count >= last + delimiter.count + 2,
            bytes[last + delimiter.count] == UInt8(ascii: "-"), bytes[last + delimiter.count + 1] == UInt8(ascii: "-")
        else { return nil }
        return parts
    }

    private static func quoted(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: "; \(key)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
