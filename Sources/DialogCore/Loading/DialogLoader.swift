#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Reads `dialogs/`: parses every `*.json` with positions, decodes settings, flows and FAQ node by node,
/// runs the linter, and returns every finding at once.
public enum DialogLoader {
    /// The file format version this loader reads.
    public static let supportedVersion = 1

    /// Loads the `*.json` files directly in `directory` (subfolders such as `tests/` and `schema/` are ignored).
    public static func load(directory: URL) -> DialogLoadResult {
        let prefix = directory.relativePath
        let dirFile = prefix.isEmpty ? "." : prefix
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let finding = Finding(
                severity: .error, file: dirFile, line: 1, column: 1, path: "",
                message: "cannot read the dialog directory")
            return DialogLoadResult(bundle: nil, findings: [finding], sources: DialogSources())
        }
        var files: [String: Data] = [:]
        var findings: [Finding] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory
            else { continue }
            let path = (prefix.hasSuffix("/") ? prefix : prefix + "/") + name
            if let data = FileManager.default.contents(atPath: url.path) {
                files[path] = data
            } else {
                findings.append(
                    Finding(severity: .error, file: path, line: 1, column: 1, path: "", message: "cannot read the file")
                )
            }
        }
        var result = load(files: files, botFileHint: (prefix.hasSuffix("/") ? prefix : prefix + "/") + "bot.json")
        if !findings.isEmpty {
            result.findings = (findings + result.findings)
            result.bundle = nil
        }
        return result
    }

    /// Loads dialog files given as file path → content; the file name (last path component) decides its role.
    public static func load(files: [String: Data]) -> DialogLoadResult {
        load(files: files, botFileHint: "bot.json")
    }

    static func load(files: [String: Data], botFileHint: String) -> DialogLoadResult {
        let ordered = files.keys.sorted { (fileName($0), $0) < (fileName($1), $1) }
        var hash = FNV1a()
        var findings: [Finding] = []
        var sources = DialogSources(botFile: botFileHint, faqFile: sibling(of: botFileHint, named: "faq.json"))
        var input = LintInput(sources: sources)
        var settings: BotSettings?
        var faq: FAQ?
        var flows: [String: Flow] = [:]

        for path in ordered {
            let data = files[path]!
            let name = fileName(path)
            hash.combine(name.utf8)
            hash.combine([0])
            hash.combine(data)
            hash.combine([0])

            let document: JSONDocument
            switch JSONLocator.parse(data) {
            case .failure(let error):
                findings.append(
                    Finding(
                        severity: .error, file: path, line: error.position.line, column: error.position.column,
                        path: "",
                        message: error.message))
                if name != "bot.json" && name != "faq.json" { input.brokenFlows.insert(String(name.dropLast(5))) }
                if name == "bot.json" {
                    sources.botFile = path
                    input.botBroken = true
                }
                if name == "faq.json" {
                    sources.faqFile = path
                    input.faqBroken = true
                }
                continue
            case .success(let parsed): document = parsed
            }
            sources.documents[path] = document.root
            for duplicate in document.duplicateKeys {
                findings.append(
                    Finding(
                        severity: .error, file: path, line: duplicate.position.line, column: duplicate.position.column,
                        path: jsonPathString(duplicate.objectPath + [.key(duplicate.key)]),
                        message:
                            "duplicate key '\(duplicate.key)' (first written at \(duplicate.firstPosition)); only one of them would be used"
                    ))
            }
            guard checkVersion(document.root, file: path, into: &findings) else {
                if name == "bot.json" {
                    sources.botFile = path
                    input.botBroken = true
                } else if name == "faq.json" {
                    sources.faqFile = path
                    input.faqBroken = true
                } else {
                    input.brokenFlows.insert(String(name.dropLast(5)))
                }
                continue
            }
            switch name {
            case "bot.json":
                sources.botFile = path
                settings = loadSettings(document.root, file: path, into: &findings)
                if settings == nil { input.botBroken = true }
            case "faq.json":
                sources.faqFile = path
                let loaded = loadFAQ(document.root, file: path, into: &findings)
                faq = loaded.faq
                input.faqTopics = loaded.topics
                input.faqBroken = !loaded.complete
            default:
                let flowName = String(name.dropLast(5))
                sources.flowFiles[flowName] = path
                let loaded = loadFlow(document.root, name: flowName, file: path, into: &findings)
                input.knownNodes.formUnion(loaded.nodeIDs.map { NodeRef(flow: flowName, node: $0) })
                if let flow = loaded.flow {
                    flows[flowName] = flow
                    input.flows.append(LintFlow(name: flowName, file: path, nodes: loaded.nodes))
                    if !loaded.complete { input.brokenFlows.insert(flowName) }
                } else {
                    input.brokenFlows.insert(flowName)
                }
            }
        }
        if !files.keys.contains(where: { fileName($0) == "bot.json" }) {
            findings.append(
                Finding(
                    severity: .error, file: sources.botFile, line: 1, column: 1, path: "",
                    message:
                        "bot.json is missing: it names the start node, the main menu, the officer node and the shared texts"
                ))
            input.botBroken = true
        }
        input.sources = sources
        input.settings = settings
        input.faq = faq ?? (input.faqBroken ? nil : FAQ(topics: []))
        findings += DialogLinter.lint(input)

        findings = sortedUnique(findings)
        var bundle: DialogBundle?
        if let settings, !findings.contains(where: { $0.severity == .error }) {
            bundle = DialogBundle(settings: settings, flows: flows, faq: faq ?? FAQ(topics: []), version: hash.hex)
        }
        return DialogLoadResult(bundle: bundle, findings: findings, sources: sources)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    static func sibling(of path: String, named name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }

    /// Sorted by file, line, column; exact repeats (one problem seen by two checks) dropped.
    static func sortedUnique(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        let unique = findings.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset) < (
                b.element.file, b.element.line, b.element.column, b.offset
            )
        }.map(\.element)
    }

    /// `version` comes first: a file in a format this loader does not know is not read further.
    static func checkVersion(_ root: JSONValue, file: String, into findings: inout [Finding]) -> Bool {
        guard case .object = root.kind else {
            findings.append(
                DialogKeys.finding(
                    .error, file, root, "expected a JSON object at the top of the file, found \(root.kindName)"))
            return false
        }
        guard let version = root["version"] else {
            findings.append(
                DialogKeys.finding(
                    .error, file, root,
                    "missing 'version'; add \"version\": \(supportedVersion) (the format this SafaBot reads)"))
            return false
        }
        guard case .number(let text) = version.kind, let number = Int(text) else {
            findings.append(
                DialogKeys.finding(.error, file, version, "'version' must be a whole number, found \(version.kindName)")
            )
            return false
        }
        guard number == supportedVersion else {
            findings.append(
                DialogKeys.finding(
                    .error, file, version,
                    "unsupported version \(number); this SafaBot reads version \(supportedVersion)"))
            return false
        }
        return true
    }
}
