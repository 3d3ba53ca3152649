import Foundation
import Testing

@testable import DialogCore

/// The JSON Schemas admins' editors use must say what the loader reads.
@Suite struct LoadingSchemaTests {
    static let schemaDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("dialogs/schema")

    func schema(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: Self.schemaDirectory.appendingPathComponent("\(name).schema.json"))
        let document = try JSONLocator.parse(data).get()
        #expect(document.duplicateKeys.isEmpty)
        return document.root
    }

    @Test func theFlowSchemaListsEveryNodeTypeWithTheLoadersRequiredKeys() throws {
        let flow = try schema("flow")
        let variants = flow["$defs"]?["node"]?["oneOf"]?.elements ?? []
        #expect(variants.compactMap { $0["title"]?.stringValue } == Node.typeNames)
        for variant in variants {
            let type = try #require(variant["title"]?.stringValue)
            let shape = try #require(DialogKeys.nodes[type])
            let required = Set(variant["required"]?.elements.compactMap(\.stringValue) ?? [])
            #expect(required == Set(["id", "type"] + shape.required), "\(type)")
            let properties = Set(variant["properties"]?.members.map(\.key) ?? [])
            #expect(properties == shape.allowed.union(["id", "type"]), "\(type)")
        }
        let fieldTypes = flow["$defs"]?["field"]?["properties"]?["type"]?["enum"]?.elements.compactMap(\.stringValue)
        #expect(fieldTypes == FieldKind.allCases.map(\.rawValue))
        let fieldKeys = Set(flow["$defs"]?["field"]?["properties"]?.members.map(\.key) ?? [])
        #expect(fieldKeys == DialogKeys.field.allowed)
    }

    @Test func theBotAndFAQSchemasMatchTheLoader() throws {
        let bot = try schema("bot")
        #expect(Set(bot["required"]?.elements.compactMap(\.stringValue) ?? []) == Set(DialogKeys.bot.required))
        #expect(
            Set(bot["properties"]?["texts"]?["required"]?.elements.compactMap(\.stringValue) ?? [])
                == Set(DialogKeys.texts.required))
        #expect(
            bot["properties"]?["validation"]?["propertyNames"]?["enum"]?.elements.compactMap(\.stringValue)
                == ValidationFailure.allCodes)
        let faq = try schema("faq")
        #expect(Set(faq["required"]?.elements.compactMap(\.stringValue) ?? []) == Set(DialogKeys.faq.required))
    }
}
