extension DateParser {
    /// "day month-name year [marker]": the month name decides the calendar; a contradicting marker fails.
    static func readNamedMonth(_ text: String) -> (YMD, Era?)? {
        // "1446هـ" and "1رمضان": a digit run and the letters after it are separate words.
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        var spaced = ""
        for c in ArabicText.normalizeInput(text) {
            if let last = spaced.last, isDigit(last) != isDigit(c) { spaced.append(" ") }
            spaced.append(c)
        }
        let words = ArabicText.stems(spaced)
        guard words.count >= 3, words[0].count <= 2, let day = Int(words[0]),
            FieldValidator.isASCIIDigits(words[0]),
            let yearIndex = words.indices.dropFirst(2).first(where: { FieldValidator.isASCIIDigits(words[$0]) }),
            words[yearIndex].count == 4, let year = Int(words[yearIndex])
        else { return nil }
        let name = words[1..<yearIndex].joined(separator: " ")
        let marker = words[(yearIndex + 1)...].joined(separator: " ")
        if let month = hijriMonths[name], marker.isEmpty || hijriMarkers.contains(marker) {
            return (YMD(year: year, month: month, day: day), .hijri)
        }
        if let month = gregorianMonths[name], marker.isEmpty || gregorianMarkers.contains(marker) {
            return (YMD(year: year, month: month, day: day), .gregorian)
        }
        return nil
    }

    /// Umm al-Qura month names with the spellings people use, keyed by their stems.
    static let hijriMonths: [String: Int] = monthTable([
        1: ["محرم"], 2: ["صفر"], 3: ["ربيع الأول", "ربيع أول"], 4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
        5: ["جمادى الأولى", "جمادى الأول", "جمادى أول"],
        6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الثاني", "جمادى الآخر"],
        7: ["رجب"], 8: ["شعبان"], 9: ["رمضان"], 10: ["شوال"], 11: ["ذو القعدة", "ذي القعدة"],
        12: ["ذو الحجة", "ذي الحجة"],
    ])

    /// Gregorian month names as used in Saudi Arabia and Egypt, and the Levantine (Syriac) names.
    static let gregorianMonths: [String: Int] = monthTable([
        1: ["يناير", "كانون الثاني"], 2: ["فبراير", "شباط"], 3: ["مارس", "آذار"], 4: ["أبريل", "ابريل", "نيسان"],
        5: ["مايو", "أيار"], 6: ["يونيو", "حزيران"], 7: ["يوليو", "تموز"], 8: ["أغسطس", "آب"],
        9: ["سبتمبر", "أيلول"], 10: ["أكتوبر", "تشرين الأول"], 11: ["نوفمبر", "تشرين الثاني"],
        12: ["ديسمبر", "كانون الأول"],
    ])

    private static func monthTable(_ names: [Int: [String]]) -> [String: Int] {
        var table: [String: Int] = [:]
        for (month, spellings) in names {
            for spelling in spellings { table[ArabicText.stems(spelling).joined(separator: " ")] = month }
        }
        return table
    }
}
