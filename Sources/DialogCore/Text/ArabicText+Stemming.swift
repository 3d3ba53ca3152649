/// Light stemming for understanding free text: conservative, identical on both sides of every comparison.
extension ArabicText {
    /// A `matchKey` word with repeated letters squeezed ("طلببببي" → "طلبي"), leading clitics and articles
    /// (و ف ب ل ك، ال، لل) and trailing endings (a pronoun: ي ه ك، يه، ها هم كم نا; then a plural or verb
    /// ending: ون ين ات ان وا) removed, always keeping at least three letters. Digits and Latin letters are only lowercased.
    ///
    /// It cannot tell a clitic from a root letter ("بنات" loses its ب): what matters is that "البنات",
    /// "وبنات" and "بنات" come out alike; FAQ matching applies it to examples and questions alike.
    public static func lightStem(_ word: String) -> String {
        var s = squeezedScalars(word)
        guard s.count > 3, s.allSatisfy(isArabicLetter) else { return String(String.UnicodeScalarView(s)) }
        // "للاسر" squeezes to "لاسر": remember that its ل was the article "لل".
        let written = Array(word.unicodeScalars.prefix(3))
        let start = written.first == waw || written.first == feh ? 1 : 0
        let doubledLam = written.count >= start + 2 && written[start] == lam && written[start + 1] == lam
        stripPrefixes(&s, doubledLam: doubledLam)
        stripSuffixes(&s)
        return String(String.UnicodeScalarView(s))
    }

    /// The scalars of `word` with runs of one repeated letter collapsed to one (digits keep their runs).
    static func squeezedScalars(_ word: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(word.unicodeScalars.count)
        for scalar in word.unicodeScalars {
            if let last = out.last, last == scalar, isArabicLetter(scalar) { continue }
            out.append(scalar)
        }
        return out
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x064A).contains(scalar.value) || (0x0671...0x06D3).contains(scalar.value)
    }

    private static let alef: Unicode.Scalar = "ا"
    private static let lam: Unicode.Scalar = "ل"
    private static let waw: Unicode.Scalar = "و"
    private static let feh: Unicode.Scalar = "ف"
    private static let beh: Unicode.Scalar = "ب"
    private static let kaf: Unicode.Scalar = "ك"
    private static let yeh: Unicode.Scalar = "ي"
    private static let heh: Unicode.Scalar = "ه"
    private static let teh: Unicode.Scalar = "ت"

    private static func stripPrefixes(_ s: inout [Unicode.Scalar], doubledLam: Bool) {
        // A conjunction, then a preposition, then the article: "وبالطلب" → "طلب". Squeezing has already
        // turned "لل" into "ل" (and "الل" into "ال").
        if s.count > 4, s[0] == waw || s[0] == feh { s.removeFirst() }
        if doubledLam, s.count > 3, s[0] == lam {
            s.removeFirst()
            return
        }
        if s.count > 4, s[0] == beh || s[0] == kaf || s[0] == lam, s[1] == alef, s[2] == lam {
            s.removeFirst(3)
        } else if s.count > 3, s[0] == alef, s[1] == lam {
            s.removeFirst(2)
        } else if s.count > 4, s[0] == beh || s[0] == kaf || s[0] == lam {
            // Not from four-letter words ("بنات", "لجنه", "كلام"); "بطلب" is found as "طلب" by the matcher.
            s.removeFirst()
        }
    }

    private static let pronounEndings: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("ه", "م"), ("ك", "م"), ("ه", "ا"), ("ن", "ا"), ("ي", "ه"),
    ]
    private static let pluralEndings: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("ا", "ت"), ("و", "ن"), ("ي", "ن"), ("ا", "ن"), ("و", "ا"),
    ]

    /// A possessive or object pronoun ("طلبكم", "طلبي"), then a plural or verb ending ("طلبات", "يردون").
    private static func stripSuffixes(_ s: inout [Unicode.Scalar]) {
        var pronoun = false
        if s.count >= 5, endsWith(s, pronounEndings) {
            s.removeLast(2)
            pronoun = true
        } else if s.count >= 4, s[s.count - 1] == yeh || s[s.count - 1] == heh || s[s.count - 1] == kaf {
            s.removeLast()
            pronoun = true
        }
        // Before a pronoun, ة is written ت: "مساعدتي" → "مساعد", "جمعيتكم" → "جمع", like "مساعده", "جمعيه".
        if pronoun, s.count >= 4, s[s.count - 1] == teh, s[s.count - 2] != alef {
            s.removeLast()
            if s.count >= 4, s[s.count - 1] == yeh { s.removeLast() }
            return
        }
        if s.count >= 5, endsWith(s, pluralEndings) { s.removeLast(2) }
    }

    private static func endsWith(_ s: [Unicode.Scalar], _ endings: [(Unicode.Scalar, Unicode.Scalar)]) -> Bool {
        let n = s.count
        return endings.contains { $0.0 == s[n - 2] && $0.1 == s[n - 1] }
    }
}
