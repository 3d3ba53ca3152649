/// Finds which option a beneficiary meant by a number, a label, a synonym or a near spelling.
///
/// Stages run in order and the first stage with exactly one candidate wins; a stage with several
/// candidates stops the search (ambiguous → nil) rather than guessing in a later, looser stage.
public enum ChoiceMatcher {
    /// The option meant by `input`, or nil when nothing or more than one option fits.
    public static func match(_ input: String, options: [Option]) -> Option? {
        let words = ArabicText.stems(input)
        guard !words.isEmpty, !options.isEmpty else { return nil }
        let key = words.joined(separator: " ")
        let optionKeys = options.map(\.matchKeys)

        // 1. Exact label or synonym.
        switch unique(options, where: { optionKeys[$0].contains(key) }) {
        case .one(let option): return option
        case .many: return nil
        case .none: break
        }
        // 2. The option's number, 1-based, in any digits ("٢", "2.", "2️⃣").
        if FieldValidator.isASCIIDigits(key) {
            guard let n = Int(key), (1...options.count).contains(n) else { return nil }
            return options[n - 1]
        }
        // 3. The input contains a label as whole words; the longest such label wins if it is alone.
        let contained = options.indices.map { i in
            optionKeys[i].filter { containsWords(words, $0.split(separator: " ").map(String.init)) }
                .map { $0.split(separator: " ").count }.max() ?? 0
        }
        if let best = contained.max(), best > 0 {
            let winners = options.indices.filter { contained[$0] == best }
            return winners.count == 1 ? options[winners[0]] : nil
        }
        // 4. A label contains the input (at least three letters), e.g. "تطوع" for "التطوع في الجمعية".
        if EditDistance.letterCount(key) >= 3 {
            switch unique(options, where: { optionKeys[$0].contains(where: { $0.contains(key) }) }) {
            case .one(let option): return option
            case .many: return nil
            case .none: break
            }
        }
        // 5. A typo: distance ≤ 1 for labels up to five letters, ≤ 2 above; the closest option if alone.
        guard EditDistance.letterCount(key) >= 3 else { return nil }
        let distances = options.indices.map { i in
            optionKeys[i].compactMap { label -> Int? in
                let letters = EditDistance.letterCount(label)
                guard letters >= 3 else { return nil }
                let d = EditDistance.between(key, label)
                return d <= (letters <= 5 ? 1 : 2) ? d : nil
            }.min()
        }
        guard let closest = distances.compactMap({ $0 }).min() else { return nil }
        let winners = options.indices.filter { distances[$0] == closest }
        return winners.count == 1 ? options[winners[0]] : nil
    }

    /// The stemmed match keys of an option's label and synonyms (computed once, in `Option`'s initialisers).
    static func keys(label: String, synonyms: [String]) -> [String] {
        ([label] + synonyms).map { ArabicText.stems($0).joined(separator: " ") }.filter { !$0.isEmpty }
    }

    private enum Uniqueness { case none, one(Option), many }

    private static func unique(_ options: [Option], where test: (Int) -> Bool) -> Uniqueness {
        let hits = options.indices.filter(test)
        switch hits.count {
        case 0: return .none
        case 1: return .one(options[hits[0]])
        default: return .many
        }
    }

    /// True when `needle` occurs in `haystack` as a contiguous run of words.
    static func containsWords(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            Array(haystack[start..<(start + needle.count)]) == needle
        }
    }
}
