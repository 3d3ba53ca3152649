#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Normalisation of what beneficiaries type: digits, invisible marks, diacritics and letter variants.
///
/// Two levels: `normalizeInput` keeps letters as typed (safe to store a name), `matchKey` folds
/// spelling variants so that comparisons ignore how a word happened to be written.
public enum ArabicText {
    /// Converts Arabic-Indic and Persian digits to ASCII, drops invisible and decorative marks,
    /// collapses whitespace and trims; letters stay as typed.
    public static func normalizeInput(_ s: String) -> String {
        // Compose first so a hamza typed as a combining mark (ا + U+0654) becomes أ rather than
        // being stripped with the other marks below.
        let composed = composingArabic(s)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            guard let mapped = inputScalar(scalar) else { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(mapped)
        }
        return String(out)
    }

    /// Wraps left-to-right content (numbers, IDs, reference codes) in a first-strong isolate pair
    /// (U+2066 … U+2069) so it keeps its order when shown inside Arabic text.
    public static func isolate(_ s: String) -> String {
        s.isEmpty ? s : "\u{2066}\(s)\u{2069}"
    }

    /// Maps one scalar for `normalizeInput`; nil drops it.
    static func inputScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x0660...0x0669: return Unicode.Scalar(v - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return Unicode.Scalar(v - 0x06F0 + 0x30)
        case 0x066B: return "."
        case 0x066C: return nil
        case 0x0640: return nil
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
            // Harakat, superscript alef and Quranic annotation marks. U+06E5/06E6 (small waw/yeh)
            // and U+06DD/06DE/06E9 (signs, not marks on a letter) are kept: they are rare and visible.
            return nil
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
            return nil
        case 0x200B...0x200D, 0xFEFF:
            return nil
        default:
            return scalar
        }
    }
}
