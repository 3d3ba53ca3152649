#if canImport(FoundationEssentials)
    import FoundationEssentials
    // The Umm al-Qura calendar and named time zones live here (with ICU), not in FoundationEssentials.
    import FoundationInternationalization
#else
    import Foundation
#endif

extension OfficerConfiguration {
    static func decodeHours(_ value: Any?, _ reader: inout ConfigReader) -> WorkingHours {
        var hours = WorkingHours()
        guard let object = reader.object(value, at: "workingHours", required: false) else { return hours }
        if let zone = reader.string(object["timeZone"], at: "workingHours.timeZone", required: false) {
            if let timeZone = zone == "Asia/Riyadh" ? WorkingHours.riyadh : TimeZone(identifier: zone) {
                hours.timeZone = timeZone
            } else {
                reader.errors.append(.invalidValue(key: "workingHours.timeZone", reason: "unknown time zone"))
            }
        }
        if let days = reader.array(object["days"], at: "workingHours.days", required: false) {
            var set: Set<Weekday> = []
            for (index, day) in days.enumerated() {
                let path = "workingHours.days[\(index)]"
                guard let name = reader.string(day, at: path) else { continue }
                if let weekday = Weekday(name: name) {
                    set.insert(weekday)
                } else {
                    reader.errors.append(.invalidValue(key: path, reason: "not a day name (sunday … saturday)"))
                }
            }
            hours.openDays = set
        }
        for (key, keyPath) in [("open", \WorkingHours.opens), ("close", \WorkingHours.closes)] {
            guard let text = reader.string(object[key], at: "workingHours.\(key)", required: false) else { continue }
            if let time = TimeOfDay(parsing: text) {
                hours[keyPath: keyPath] = time
            } else {
                reader.errors.append(.invalidValue(key: "workingHours.\(key)", reason: "expected HH:mm"))
            }
        }
        if hours.opens >= hours.closes {
            reader.errors.append(.invalidValue(key: "workingHours.close", reason: "must be later than open"))
        }
        let holidays = reader.array(object["holidays"], at: "workingHours.holidays", required: false) ?? []
        for (index, item) in holidays.enumerated() {
            if let holiday = decodeHoliday(item, at: "workingHours.holidays[\(index)]", &reader) {
                hours.holidays.append(holiday)
            }
        }
        return hours
    }

    static func decodeHoliday(_ item: Any, at path: String, _ reader: inout ConfigReader) -> Holiday? {
        if let text = item as? String {
            guard let day = HolidayDate(parsing: text) else {
                reader.errors.append(.invalidValue(key: path, reason: Self.holidayFormats))
                return nil
            }
            return Holiday(day: day)
        }
        guard let object = reader.object(item, at: path) else { return nil }
        let name = reader.string(object["name"], at: path + ".name", required: false)
        var ends: [HolidayDate] = []
        for key in ["from", "to"] {
            guard let text = reader.string(object[key], at: "\(path).\(key)") else { continue }
            guard let day = HolidayDate(parsing: text) else {
                reader.errors.append(.invalidValue(key: "\(path).\(key)", reason: Self.holidayFormats))
                continue
            }
            ends.append(day)
        }
        guard ends.count == 2 else { return nil }
        guard let holiday = Holiday(from: ends[0], to: ends[1], name: name) else {
            reader.errors.append(
                .invalidValue(key: path + ".to", reason: "must use the same calendar as from and not come before it"))
            return nil
        }
        return holiday
    }

    static let holidayFormats = "expected yyyy-MM-dd, MM-dd, hijri:yyyy-MM-dd or hijri:MM-dd"

    static func decodeTexts(_ value: Any?, _ reader: inout ConfigReader) -> OfficerTexts {
        var texts = OfficerTexts()
        guard let object = reader.object(value, at: "texts", required: false) else { return texts }
        let known = Dictionary(uniqueKeysWithValues: OfficerTexts.keyPaths)
        for key in object.keys.sorted() {
            guard let keyPath = known[key] else {
                reader.errors.append(.invalidValue(key: "texts.\(key)", reason: "unknown text"))
                continue
            }
            if let text = reader.string(object[key], at: "texts.\(key)") { texts[keyPath: keyPath] = text }
        }
        return texts
    }
}
