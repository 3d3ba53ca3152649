import BotRuntime
import DialogCore
import SQLiteStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bot chat`: talk to the dialogs in this terminal; state lives in SQLite and survives restarts.
struct ChatCommand: SafaBotCommand {
    static let name = "chat"
    static let summary = "talk to the dialogs in this terminal (--db PATH, --reset, --session NAME)"

    let source: DialogSource
    let data: DataLocation
    let reset: Bool
    let session: String

    init(arguments: inout Arguments) throws {
        source = try DialogSource(arguments: &arguments)
        data = try DataLocation(arguments: &arguments)
        reset = arguments.flag("reset")
        session = try arguments.option("session") ?? "local"
        _ = try arguments.positionals()
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        try data.prepare()
        let store: SQLiteRuntimeStore
        do {
            store = try SQLiteRuntimeStore(path: data.databasePath)
        } catch {
            throw CLIError.runtime("cannot open the database \(data.databasePath): \(error)")
        }
        let interactive = Console.inputIsTerminal
        let terminal = TerminalSession(
            store: store,
            dialogs: DialogHolder(
                bundle, openRequest: store.openRequestLookup, requestByReference: store.requestByReferenceLookup),
            session: session,
            write: { Console.out($0) })
        if interactive {
            Console.out("SafaBot terminal — type your message; a number or a label presses a button; Ctrl-D quits.")
        }
        try terminal.open(reset: reset)
        while true {
            if interactive { Console.write("\n> ", to: STDOUT_FILENO) }
            guard let line = readLine(strippingNewline: true) else { break }
            if !interactive { Console.out("\n> \(line)") }
            try terminal.receive(line: line)
        }
    }
}
