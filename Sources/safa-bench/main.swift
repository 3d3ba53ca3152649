import DialogCore
import Foundation

// `make bench`: engine steps per second and peak memory over simulated conversations.
// Each part runs in its own process (`safa-bench engine`, …) so peak memory is measured per part.
let arguments = Array(CommandLine.arguments.dropFirst())
let part = arguments.first ?? "engine"
let dialogsDirectory = ProcessInfo.processInfo.environment["SAFA_DIALOGS_DIR"] ?? "dialogs"

func loadDialogs() -> DialogBundle {
    let result = DialogLoader.load(directory: URL(fileURLWithPath: dialogsDirectory))
    guard let bundle = result.bundle else {
        for finding in result.findings { print(finding) }
        print("safa-bench: the dialogs in \(dialogsDirectory) have errors")
        exit(1)
    }
    return bundle
}

switch part {
case "engine":
    let before = PeakMemory.mebibytes() ?? -1
    let bundle = loadDialogs()
    let loaded = PeakMemory.mebibytes() ?? -1
    let conversations = Int(arguments.dropFirst().first ?? "") ?? 10_000
    let benchmark = EngineBenchmark(engine: DialogEngine(bundle: bundle), conversations: conversations)
    _ = EngineBenchmark(engine: benchmark.engine, conversations: 100).run()  // warm-up
    let result = benchmark.run()
    print("engine: \(conversations) conversations, \(result.steps) steps, \(result.submissions) requests submitted")
    print(String(format: "engine: %.0f steps/s on one core (%.2f µs/step)", result.stepsPerSecond, 1e6 / result.stepsPerSecond))
    print(String(format: "engine: peak RSS %.1f MiB (%.1f MiB at start, %.1f MiB after loading the dialogs)",
        PeakMemory.mebibytes() ?? -1, before, loaded))
default:
    print("usage: safa-bench [engine [conversations]]")
    exit(64)
}
