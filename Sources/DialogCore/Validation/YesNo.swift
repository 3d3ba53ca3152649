#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a yes/no answer in Gulf Arabic, standard Arabic or English.
///
/// Digits are deliberately never read as yes or no: "1" may be a menu number typed by habit.
public enum YesNo {
    /// `true` for yes, `false` for no, nil when the answer is neither or contradicts itself.
    public static func parse(_ s: String) -> Bool? {
        let trimmed = String(s.trimmed)
        if let emoji = emojiAnswers[trimmed] { return emoji }
        let key = collapseElongation(ArabicText.matchKey(s))
        if key.isEmpty { return nil }
        if yesPhrases.contains(key) { return true }
        if noPhrases.contains(key) { return false }
        let words = key.split(separator: " ").map(String.init)
        // "مو موافق", "ما ابي", "مش اكيد": a negator before a yes word is a no.
        if words.count >= 2, negators.contains(words[0]), yesWords.contains(words[1]) || wantWords.contains(words[1]) {
            return words.dropFirst(2).contains(where: yesWords.contains) ? nil : false
        }
        let yes = words.contains(where: yesWords.contains)
        let no = words.contains(where: noWords.contains)
        // The first word carries the answer ("نعم ابي اسجل", "لا شكرا"); a contradiction is unclear.
        if yesWords.contains(words[0]) && !no { return true }
        if noWords.contains(words[0]) && !yes { return false }
        return nil
    }

    /// Single words that mean yes, as `matchKey` spells them.
    static let yesWords: Set<String> = keys([
        "نعم", "ايه", "إيه", "اي", "أي", "أيوه", "ايوا", "ايوه", "ايوة", "أيوة", "اكيد", "أكيد", "تمام", "موافق",
        "موافقه", "صح", "صحيح", "اوكي", "اوك", "بلى", "طيب", "yes", "yeah", "yep", "ok", "okay", "y", "sure",
    ])

    /// Single words that mean no, as `matchKey` spells them.
    static let noWords: Set<String> = keys(["لا", "لأ", "لاء", "كلا", "no", "nope", "n"])

    /// "I want": a yes when it is the whole answer, not when it starts another request ("ابي اسأل").
    static let wantWords: Set<String> = keys(["ابي", "أبي", "ابغى", "أبغى", "اريد", "أريد", "ودي"])

    /// Whole answers, including ones of several words.
    static let yesPhrases: Set<String> = yesWords.union(wantWords).union(
        keys(["ان شاء الله", "إن شاء الله", "اي نعم", "ايه نعم"])
    )
    static let noPhrases: Set<String> = noWords.union(
        keys(["لا شكرا", "لا شكراً", "مو", "ما أبي", "ما ابغى", "ما ابغي", "no thanks", "not now"])
    )

    static let negators: Set<String> = keys(["مو", "ما", "مش", "مب", "موب", "غير", "لست", "not"])

    static let emojiAnswers: [String: Bool] = [
        "👍": true, "👌": true, "✅": true, "✔️": true, "👎": false, "❌": false, "✖️": false,
    ]

    private static func keys(_ words: [String]) -> Set<String> {
        Set(words.map(ArabicText.matchKey))
    }

    /// Shortens letters repeated three or more times ("لااا", "نعممم") to one.
    static func collapseElongation(_ key: String) -> String {
        var out: [Character] = []
        var run = 0
        for c in key {
            run = out.last == c ? run + 1 : 1
            out.append(c)
            if run == 3 {
                out.removeLast(2)
            } else if run > 3 {
                out.removeLast()
            }
        }
        return String(out)
    }
}
