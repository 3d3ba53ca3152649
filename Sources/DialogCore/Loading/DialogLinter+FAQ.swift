extension LintContext {
    mutating func checkFAQ() {
        guard let faq = input.faq else { return }
        let file = sources.faqFile
        var firstTopic: [String: Int] = [:]
        for (index, topic) in input.faqTopics {
            let base: [JSONPathComponent] = [.key("topics"), .index(index)]
            if let first = firstTopic[topic.id] {
                error(
                    file, base + [.key("id")],
                    "duplicate FAQ topic id '\(topic.id)' (first at \(positionText(file, [.key("topics"), .index(first), .key("id")])))"
                )
            } else {
                firstTopic[topic.id] = index
            }
            if topic.title.trimmingWhitespace.isEmpty {
                error(file, base + [.key("title")], "'title' of topic '\(topic.id)' is empty")
            } else {
                checkLabelLength(topic.title, file: file, path: base + [.key("title")])
            }
            if topic.answer.trimmingWhitespace.isEmpty && topic.goto == nil {
                error(file, base + [.key("answer")], "'answer' of topic '\(topic.id)' is empty")
            }
            checkTemplates(topic.answer, allowed: [], file: file, path: base + [.key("answer")])
            if topic.keywords.isEmpty {
                error(
                    file, base + [.key("keywords")], "topic '\(topic.id)' has no keywords, so no question can match it")
            }
            for (k, keyword) in topic.keywords.enumerated() where ArabicText.matchKey(keyword).isEmpty {
                warning(
                    file, base + [.key("keywords"), .index(k)],
                    "keyword \(k + 1) of topic '\(topic.id)' is empty after normalisation")
            }
        }
        for word in faq.synonyms.keys.sorted() {
            let canonical = ArabicText.matchKey(word)
            let path: [JSONPathComponent] = [.key("synonyms"), .key(word)]
            if canonical.isEmpty { warning(file, path, "synonym key '\(word)' is empty after normalisation") }
            for (k, other) in faq.synonyms[word]!.enumerated() {
                let normalized = ArabicText.matchKey(other)
                if normalized.isEmpty {
                    warning(file, path + [.index(k)], "synonym \(k + 1) of '\(word)' is empty after normalisation")
                } else if normalized == canonical {
                    warning(
                        file, path + [.index(k)],
                        "synonym '\(other)' of '\(word)' is the same word after normalisation (it maps to itself)")
                }
            }
        }
    }
}
