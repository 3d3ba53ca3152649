/// The two pieces of Unicode normalisation ArabicText needs, over generated tables
/// (`ArabicText+UnicodeTables.swift`): FoundationEssentials, which the bot links to stay small, has none.
extension ArabicText {
    /// Composes an Arabic letter followed by a combining hamza or madda (ا + U+0654 → أ), as NFC does
    /// inside the Arabic block.
    static func composingArabic(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0x0653...0x0655).contains($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let last = out.last,
                let entry = arabicCompositions.first(where: { $0.0 == last.value && $0.1 == scalar.value }),
                let composed = Unicode.Scalar(entry.2)
            {
                out.removeLast()
                out.append(composed)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Replaces presentation forms, ligatures and full-width forms by their compatibility
    /// equivalents (NFKC for those blocks): "ﻻ" → "لا", "ﷲ" → "الله", "１２" → "12".
    static func foldingCompatibility(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { mayFold($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if mayFold(scalar.value), let folded = compatibilityFold(of: scalar.value) {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func mayFold(_ value: UInt32) -> Bool {
        (0x0675...0x0678).contains(value) || (0xFB00...0xFFEF).contains(value)
    }

    private static func compatibilityFold(of value: UInt32) -> String? {
        var low = 0
        var high = compatibilityFoldKeys.count
        while low < high {
            let middle = (low + high) / 2
            if compatibilityFoldKeys[middle] < value { low = middle + 1 } else { high = middle }
        }
        guard low < compatibilityFoldKeys.count, compatibilityFoldKeys[low] == value else { return nil }
        return compatibilityFoldValues[low]
    }
}
