#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ArabicText {
    /// Folds spelling variants for comparison: `normalizeInput`, then alef/yeh/teh-marbuta/hamza
    /// forms unified, Latin lowercased, punctuation and symbols turned into spaces, spaces collapsed.
    public static func matchKey(_ s: String) -> String {
        // Compatibility folding turns Arabic presentation forms (ﻻ, ﷲ) and full-width digits into plain text.
        let base = normalizeInput(foldingCompatibility(s)).lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in base.unicodeScalars {
            guard let mapped = keyScalar(scalar) else { continue }
            if mapped == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(mapped)
        }
        return String(out)
    }

    /// The words of `matchKey(s)`.
    public static func words(_ s: String) -> [String] {
        matchKey(s).split(separator: " ").map(String.init)
    }

    /// Strips a leading definite article ("ال", "وال", "بال", "فال", "كال", "لل") or, for words longer
    /// than three letters, a leading conjunction "و" (also after an article), so "الخدمات" and
    /// "خدمات" compare equal.
    ///
    /// Expects a `matchKey` word. At least two letters always remain; the rule is deliberately
    /// crude and applied identically to both sides of every comparison.
    public static func stem(_ word: String) -> String {
        var letters = Array(word)
        if let prefix = articlePrefixes.first(where: { letters.count - $0.count >= 2 && letters.starts(with: $0) }) {
            letters.removeFirst(prefix.count)
        }
        // Applied after the article too, so "الوثائق" and "وثائق" both become "ثايق": the rule
        // cannot tell a conjunction from a root letter, but it must treat both spellings alike.
        if letters.count > 3, letters.first == "و" { letters.removeFirst() }
        return String(letters)
    }

    /// `words(s)` each passed through `stem`.
    public static func stems(_ s: String) -> [String] {
        words(s).map(stem)
    }

    /// Longest first, so "وال" wins over "و".
    private static let articlePrefixes: [[Character]] = ["وال", "بال", "فال", "كال", "ال", "لل"].map(Array.init)

    /// Maps one scalar for `matchKey`; nil drops it, " " separates words.
    static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0623, 0x0625, 0x0622, 0x0671: return "ا"
        case 0x0649: return "ي"
        case 0x0629: return "ه"
        case 0x0624: return "و"
        case 0x0626: return "ي"
        // Variation selectors and the keycap mark, so "1️⃣" reads as "1".
        case 0xFE00...0xFE0F, 0x20E3: return nil
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator, .control:
            return " "
        case .nonspacingMark, .enclosingMark, .format:
            return nil
        default:
            return scalar
        }
    }
}
