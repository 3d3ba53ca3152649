import Dispatch

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Random and adversarial bodies for the parsers that read what the network sends, reproducible from a seed.
///
/// `make test` runs a few hundred bodies per parser with a fixed seed (a failure names its seed and case);
/// `make fuzz` runs many more with a fresh seed: `SAFA_FUZZ_ITERATIONS` and `SAFA_FUZZ_SEED` override both.
public struct JSONFuzzer {
    /// How many bodies a fuzz test tries (`SAFA_FUZZ_ITERATIONS`, default 400).
    public static var iterations: Int {
        ProcessInfo.processInfo.environment["SAFA_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 400
    }

    /// The seed (`SAFA_FUZZ_SEED`, default fixed).
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment["SAFA_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5AFA_2026
    }

    /// SplitMix64: tiny, fast and the same on every platform.
    public struct Generator: RandomNumberGenerator {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Fragments that break parsers: structure, escapes, lone surrogates, numbers out of range, invalid UTF-8.
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "\\u0000", "null", "true",
        "fals", "-", "-0", "0.", "1e999999", "-1e-999999", "00", "1.5e+", "18446744073709551616",
        "\"update_id\":", "\"message\":{", "\"entry\":[", "\"changes\":[{\"value\":", "\"text\":\"", "\u{FEFF}",
        "\u{2028}", "\r\n", "\t", "ٱلسلام",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x80]]

    /// Runs a fuzz loop on a Dispatch thread and awaits it: seconds of synchronous parsing on one of Swift's
    /// two cooperative threads (on this 2-core machine) would starve the async tests running beside it.
    public static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    public var random: Generator
    /// Valid bodies to mutate (the platform's own examples).
    public let seeds: [Data]

    public init(seed: UInt64 = JSONFuzzer.seed, seeds: [Data]) {
        random = Generator(seed: seed)
        self.seeds = seeds
    }

    /// The next body: a mutated example, random bytes, or one of the adversarial shapes.
    public mutating func next() -> Data {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return Data((0..<Int.random(in: 0..<300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 1: return deepNesting()
        case 2: return longString()
        case 3: return hugeNumber()
        default: return mutated()
        }
    }

    mutating func mutated() -> Data {
        var bytes = Array(seeds.randomElement(using: &random) ?? Data("{}".utf8))
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 2: bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: at)
            case 3: bytes = Array(bytes.prefix(at))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            default: bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: at)
            }
        }
        return Data(bytes)
    }

    /// Arrays or objects nested up to 5,000 deep (closed or not).
    mutating func deepNesting() -> Data {
        let depth = Int.random(in: 1...5_000, using: &random)
        let object = Bool.random(using: &random)
        let open = object ? #"{"a":"# : "["
        let close = object ? "}" : "]"
        let closed = Bool.random(using: &random)
        return Data((String(repeating: open, count: depth) + "1" + (closed ? String(repeating: close, count: depth) : "")).utf8)
    }

    /// A string member of up to 64 KiB, sometimes with escapes or invalid UTF-8 inside.
    mutating func longString() -> Data {
        var body = Array(#"{"update_id":1,"text":""#.utf8)
        let length = Int.random(in: 1...65_536, using: &random)
        let fill: [UInt8] =
            [Array("ب".utf8), Array("\\u0628".utf8), Array("\\\\".utf8), [0xFF], Array("a".utf8)].randomElement(using: &random)!
        while body.count < length { body += fill }
        if Bool.random(using: &random) { body += Array(#""}"#.utf8) }
        return Data(body)
    }

    /// Numbers with thousands of digits or exponents no type holds.
    mutating func hugeNumber() -> Data {
        let digits = String((0..<Int.random(in: 1...20_000, using: &random)).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        let shapes = ["1" + digits, "-" + digits, "0." + digits, "1e" + digits, "1" + digits + "e-" + digits]
        return Data(#"{"update_id":\#(shapes.randomElement(using: &random)!),"n":[\#(digits)]}"#.utf8)
    }
}
