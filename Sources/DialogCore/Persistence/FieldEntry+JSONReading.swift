/// Reading the shapes `[FieldEntry].jsonText()` writes, from a parsed `JSONNode`, without `JSONDecoder`
/// (the committee's export reads every request's fields; JSONDecoder was most of its time). Each returns
/// nil for any other shape; callers then use `JSONDecoder`.
extension FieldValue {
    public init?(json: JSONNode) {
        guard let (name, body) = json.singleCase else { return nil }
        switch name {
        case "text":
            guard let s = body["_0"]?.string else { return nil }
            self = .text(s)
        case "integer":
            guard let i = body["_0"]?.int else { return nil }
            self = .integer(i)
        case "decimal":
            guard let d = body["_0"]?.double else { return nil }
            self = .decimal(d)
        case "date":
            guard let gregorian = body["gregorian"]?.string else { return nil }
            let hijri = body["hijri"]
            guard hijri == nil || hijri?.string != nil else { return nil }
            self = .date(gregorian: gregorian, hijri: hijri?.string)
        case "yesNo":
            guard let b = body["_0"]?.bool else { return nil }
            self = .yesNo(b)
        case "choice":
            guard let id = body["id"]?.string, let label = body["label"]?.string else { return nil }
            self = .choice(id: id, label: label)
        case "attachments":
            guard let items = body["_0"]?.array else { return nil }
            let files = items.compactMap(Attachment.init(json:))
            guard files.count == items.count else { return nil }
            self = .attachments(files)
        case "location":
            guard let latitude = body["latitude"]?.double, let longitude = body["longitude"]?.double else { return nil }
            self = .location(latitude: latitude, longitude: longitude)
        case "skipped":
            self = .skipped
        default:
            return nil
        }
    }
}

extension Array where Element == FieldEntry {
    public init?(json: JSONNode) {
        guard let items = json.array else { return nil }
        var entries: [FieldEntry] = []
        entries.reserveCapacity(items.count)
        for item in items {
            guard let id = item["id"]?.string, let label = item["label"]?.string,
                let value = item["value"].flatMap(FieldValue.init(json:))
            else { return nil }
            entries.append(FieldEntry(id: id, label: label, value: value, sensitive: item["sensitive"]?.bool ?? false))
        }
        self = entries
    }
}
