/// Levenshtein distance over Unicode scalars, for tolerating one or two typos in short labels.
enum EditDistance {
    /// The number of single-scalar insertions, deletions or substitutions turning `a` into `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Letter count of a key, not counting the spaces between its words.
    static func letterCount(_ key: String) -> Int {
        key.unicodeScalars.filter { $0 != " " }.count
    }
}
