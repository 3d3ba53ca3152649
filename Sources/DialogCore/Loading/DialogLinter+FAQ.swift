extension LintContext {
    mutating func checkFAQ() {
        guard let faq = input.faq else { return }
        let file = sources.faqFile
        var firstTopic: [String: Int] = [:]
        // Every example and keyword by its normalised form → where it was first seen.
        var seenExamples: [String: (topic: String, path: [JSONPathComponent])] = [:]
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
            if topic.id == FAQMatcher.outOfScopeID {
                error(
                    file, base + [.key("id")],
                    "topic id '\(FAQMatcher.outOfScopeID)' is reserved for the 'outOfScope' list; choose another id")
            }
            if topic.title.trimmingWhitespace.isEmpty {
                error(file, base + [.key("title")], "'title' of topic '\(topic.id)' is empty")
            } else {
                checkLabelLength(topic.title, file: file, path: base + [.key("title")])
            }
            if topic.answer.trimmingWhitespace.isEmpty && topic.goto == nil {
                error(file, base + [.key("answer")], "'answer' of topic '\(topic.id)' is empty")
            }
            checkTemplates(
                topic.answer, allowed: Set(AssociationFacts.names.keys), file: file, path: base + [.key("answer")])
            checkTopicExamples(topic, base: base, file: file, seen: &seenExamples)
            if topic.greetBack != nil && !topic.social {
                warning(
                    file, base + [.key("greetBack")],
                    "'greetBack' of topic '\(topic.id)' is only used by social topics (\"social\": true); it is ignored"
                )
            }
            if topic.social && topic.goto != nil {
                warning(
                    file, base + [.key("goto")],
                    "social topic '\(topic.id)' has a 'goto': a greeting or thanks should be answered, not followed")
            }
        }
        checkOutOfScope(faq, file: file, seen: seenExamples)
        checkReplies(faq, file: file)
        checkLexicon(faq, file: file)
    }

    private mutating func checkTopicExamples(
        _ topic: FAQTopic, base: [JSONPathComponent], file: String,
        seen: inout [String: (topic: String, path: [JSONPathComponent])]
    ) {
        if topic.keywords.isEmpty && topic.examples.isEmpty {
            error(
                file, base + [.key("keywords")],
                "topic '\(topic.id)' has no keywords and no examples, so no question can match it")
            return
        }
        let lists: [(key: String, noun: String, items: [String])] = [
            ("keywords", "keyword", topic.keywords), ("examples", "example", topic.examples),
        ]
        for (key, noun, items) in lists {
            for (k, text) in items.enumerated() {
                let path = base + [.key(key), .index(k)]
                let normalized = ArabicText.matchKey(text)
                if normalized.isEmpty {
                    warning(file, path, "\(noun) \(k + 1) of topic '\(topic.id)' is empty after normalisation")
                    continue
                }
                if let first = seen[normalized] {
                    if first.topic == topic.id {
                        warning(
                            file, path,
                            "'\(text)' is listed twice in topic '\(topic.id)' (first at \(positionText(file, first.path)))"
                        )
                    } else {
                        warning(
                            file, path,
                            "'\(text)' of topic '\(topic.id)' is also listed in topic '\(first.topic)' (at "
                                + "\(positionText(file, first.path))): the same question cannot point to two topics")
                    }
                } else {
                    seen[normalized] = (topic.id, path)
                }
            }
        }
    }

    private mutating func checkOutOfScope(
        _ faq: FAQ, file: String, seen: [String: (topic: String, path: [JSONPathComponent])]
    ) {
        for (k, text) in faq.outOfScope.enumerated() {
            let path: [JSONPathComponent] = [.key("outOfScope"), .index(k)]
            let normalized = ArabicText.matchKey(text)
            if normalized.isEmpty {
                warning(file, path, "out-of-scope example \(k + 1) is empty after normalisation")
            } else if let first = seen[normalized] {
                warning(
                    file, path,
                    "out-of-scope example '\(text)' is also listed in topic '\(first.topic)' (at "
                        + "\(positionText(file, first.path)))")
            }
        }
    }

    private mutating func checkReplies(_ faq: FAQ, file: String) {
        let replies: [(String, String)] = [
            ("clarify", faq.replies.clarify), ("outOfScope", faq.replies.outOfScope),
            ("notUnderstood", faq.replies.notUnderstood),
        ]
        for (key, text) in replies where text.trimmingWhitespace.isEmpty {
            error(file, [.key("replies"), .key(key)], "reply '\(key)' is empty")
        }
    }

    private mutating func checkLexicon(_ faq: FAQ, file: String) {
        var owner: [String: String] = [:]
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
                } else if let first = owner[normalized], first != word {
                    warning(
                        file, path + [.index(k)],
                        "synonym '\(other)' is listed under both '\(first)' and '\(word)'; it maps to '\(first)'")
                } else {
                    owner[normalized] = word
                }
            }
        }
        for (k, word) in faq.ignore.enumerated() where ArabicText.matchKey(word).isEmpty {
            warning(file, [.key("ignore"), .index(k)], "ignored word \(k + 1) is empty after normalisation")
        }
    }
}
