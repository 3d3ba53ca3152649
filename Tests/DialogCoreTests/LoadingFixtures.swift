import Foundation
import Testing

@testable import DialogCore

/// A small valid Arabic dialog set; tests edit one file at a time to provoke exactly one rule.
enum LoadingFixtures {
    static let validationTexts = ValidationFailure.allCodes.map { code in
        code == "too_short" ? "\"\(code)\": \"اكتب {{min}} أحرف على الأقل\"" : "\"\(code)\": \"الإجابة غير صحيحة\""
    }.joined(separator: ",\n    ")

    static let bot = """
        {
          "version": 1,
          "start": "main.welcome",
          "mainMenu": "main.menu",
          "officer": "main.officer",
          "idleTimeoutMinutes": 30,
          "maxAttempts": 3,
          "commands": {"mainMenu": ["القائمة"], "back": ["رجوع"], "cancel": ["إلغاء"], "officer": ["موظف"]},
          "texts": {
            "noMatch": "لم أفهم، اختر من القائمة",
            "offerOfficer": "هل تريد التحدث مع موظف؟",
            "offerOfficerYes": "نعم",
            "offerOfficerNo": "لا",
            "resumePrompt": "هل تكمل طلبك السابق؟",
            "resumeYes": "أكمل",
            "resumeNo": "ابدأ من جديد",
            "cancelled": "تم الإلغاء",
            "nothingToGoBack": "لا توجد خطوة سابقة",
            "unexpectedAttachment": "أرسل نصاً من فضلك",
            "expectedAttachment": "أرسل صورة أو ملفاً",
            "skip": "تخطي",
            "staleButton": "هذا الزر قديم"
          },
          "validation": {
            \(validationTexts)
          }
        }
        """

    static let faq = """
        {
          "version": 1,
          "synonyms": {"مساعدة": ["معونة", "فزعة"]},
          "topics": [
            {"id": "hours", "title": "أوقات العمل", "keywords": ["دوام", "أوقات العمل"], "answer": "من الأحد إلى الخميس"},
            {"id": "research", "title": "الباحث الاجتماعي", "keywords": ["باحث"], "answer": "", "goto": "main.officer"}
          ]
        }
        """

    static let main = """
        {
          "version": 1,
          "flow": "main",
          "title": "القائمة الرئيسية",
          "nodes": [
            {"id": "welcome", "type": "message", "text": "أهلاً بك في جمعية صفا", "next": "menu"},
            {"id": "menu", "type": "menu", "text": "كيف نخدمك؟", "options": [
              {"id": "help", "label": "طلب مساعدة", "goto": "help.form"},
              {"id": "ask", "label": "استفسار", "goto": "ask"},
              {"id": "status", "label": "متابعة طلب", "goto": "status"},
              {"id": "officer", "label": "موظف", "goto": "officer"}
            ]},
            {"id": "ask", "type": "inquiry", "text": "تفضل بكتابة سؤالك", "next": "menu"},
            {"id": "status", "type": "status", "text": "طلباتك:", "itemText": "{{reference}} — {{status}} ({{submitted}})", "emptyText": "لا توجد طلبات", "next": "menu"},
            {"id": "officer", "type": "handoff", "queue": "relations", "text": "سيتواصل معك موظف", "reason": "طلب موظف"}
          ]
        }
        """

    static let help = """
        {
          "version": 1,
          "flow": "help",
          "nodes": [
            {"id": "form", "type": "form", "intro": "نحتاج بعض البيانات", "fields": [
              {"id": "name", "type": "text", "prompt": "ما اسمك؟", "label": "الاسم", "minLength": 2, "maxLength": 60},
              {"id": "nid", "type": "national_id", "prompt": "رقم الهوية؟", "sensitive": true},
              {"id": "kind", "type": "choice", "prompt": "نوع المساعدة؟", "options": [{"label": "غذائية"}, {"label": "مالية"}]},
              {"id": "members", "type": "integer", "prompt": "عدد أفراد الأسرة؟", "min": 1, "max": 30, "errors": {"below_minimum": "أقل عدد {{min}}"}}
            ], "next": "review"},
            {"id": "review", "type": "review", "form": "form", "text": "راجع بياناتك يا {{name}}", "confirmLabel": "تأكيد", "editLabel": "تعديل", "editPrompt": "أي حقل؟", "next": "attest"},
            {"id": "attest", "type": "attestation", "form": "form", "statement": "أقر بصحة البيانات", "acceptLabel": "أقر", "declineLabel": "لا أقر", "next": "submit", "onDecline": "main.menu"},
            {"id": "submit", "type": "submit", "form": "form", "requestType": "help_request", "text": "رقم طلبك {{reference}} يا {{form.name}}", "next": "survey"},
            {"id": "survey", "type": "survey", "text": "قيّم الخدمة", "options": [{"id": "5", "label": "ممتاز"}, {"id": "1", "label": "ضعيف"}], "thanks": "شكراً", "next": "done"},
            {"id": "done", "type": "end", "text": "مع السلامة"}
          ]
        }
        """

    static var files: [String: String] { ["bot.json": bot, "faq.json": faq, "main.json": main, "help.json": help] }

    /// Loads the fixture with `changes` applied (file name → new content; nil removes the file).
    static func load(_ changes: [String: String?] = [:]) -> DialogLoadResult {
        var texts = files
        for (name, text) in changes { texts[name] = text }
        return DialogLoader.load(files: texts.mapValues { Data($0.utf8) })
    }

    /// `text` of file `name` with `old` replaced by `new` (the test fails when `old` is not found exactly once).
    static func edit(_ name: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> String
    {
        let text = files[name]!
        let count = text.components(separatedBy: old).count - 1
        #expect(count == 1, "'\(old)' occurs \(count) times in \(name)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// 1-based line and column (in Unicode scalars) of the only occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> SourcePosition
    {
        let parts = text.components(separatedBy: needle)
        #expect(parts.count == 2, "'\(needle)' occurs \(parts.count - 1) times", sourceLocation: sourceLocation)
        let before = parts[0]
        let lines = before.components(separatedBy: "\n")
        return SourcePosition(line: lines.count, column: lines.last!.unicodeScalars.count + 1)
    }
}

/// Expectation helpers shared by the loading, linter and graph tests.
extension DialogLoadResult {
    /// The only finding whose message contains `fragment`; records an issue when there is not exactly one.
    func single(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) -> Finding? {
        let matches = findings.filter { $0.message.contains(fragment) }
        #expect(
            matches.count == 1, "\(matches.count) findings contain '\(fragment)': \(findings.map(\.description))",
            sourceLocation: sourceLocation)
        return matches.first
    }

    /// Expects exactly one finding containing `fragment`, in `file` at the position of `needle` in `text`.
    func expect(
        _ fragment: String, _ severity: Finding.Severity = .error, file: String, at needle: String, in text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let finding = single(fragment, sourceLocation: sourceLocation) else { return }
        let position = LoadingFixtures.position(of: needle, in: text, sourceLocation: sourceLocation)
        #expect(finding.file == file, sourceLocation: sourceLocation)
        #expect(finding.severity == severity, sourceLocation: sourceLocation)
        #expect(
            SourcePosition(line: finding.line, column: finding.column) == position, "\(finding)",
            sourceLocation: sourceLocation)
        if severity == .error { #expect(bundle == nil, sourceLocation: sourceLocation) }
    }
}
