import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport

// `make bench`: store and end-to-end Telegram and WhatsApp figures (the engine has `safa-engine-bench`).
// Each part runs in its own process (`safa-bench store`, …) so peak memory is measured per part.
let arguments = Array(CommandLine.arguments.dropFirst())
let part = arguments.first ?? "telegram"
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
    print("safa-bench: the engine benchmark is its own binary now: .build/release/safa-engine-bench")
    exit(64)
case "store":
    let conversations = Int(arguments.dropFirst().first ?? "") ?? 20_000
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("safa-bench-\(UUID().uuidString).sqlite")
        .path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    do {
        let result = try StoreBenchmark.run(path: path, conversations: conversations, stepsPerBatch: 256)
        print(
            String(
                format: "store: %d conversations × 4 steps, %.0f write transactions/s, %.0f steps committed/s",
                conversations, result.transactionsPerSecond, result.stepsPerSecond))
    } catch {
        print("store: failed: \(error)")
        exit(1)
    }
case "crash":
    let users = Int(arguments.dropFirst().first ?? "") ?? 1_000
    let kills = Int(arguments.dropFirst(2).first ?? "") ?? 50
    let override = ProcessInfo.processInfo.environment["SAFA_BENCH_BOT"]
    guard let executable = override ?? BotProcess.builtExecutable(named: "safa-bot", configuration: "release") else {
        print("crash: safa-bot is not built next to safa-bench: run `swift build -c release --product safa-bot`")
        exit(1)
    }
    let dialogs = URL(fileURLWithPath: dialogsDirectory).standardizedFileURL.path
    do {
        let r = try await CrashBenchmark(
            executable: executable, dialogs: dialogs, bundle: loadDialogs(), users: users, kills: kills
        ).run()
        let ages = r.duplicateAges.sorted()
        let median = ages.isEmpty ? 0 : ages[ages.count / 2]
        let perKill = r.duplicatesPerKill.sorted()
        print(
            String(
                format: "crash: %d users, %d kills (of %d asked) in %.0f s; %d replies expected: %d lost, %d unexpected, "
                    + "stuck %d updates + %d replies; %d requests filed, %d duplicate references",
                users, r.killsDone, kills, r.seconds, r.expectedReplies, r.lost, r.unexpected, r.stuckInbound,
                r.stuckOutbox, r.requests, r.duplicateReferences))
        print(
            String(
                format: "    %d duplicated replies: per kill min %d, median %d, max %d; first send before the kill: "
                    + "median %.1f ms, oldest %.1f ms; %d older than 50 ms",
                ages.count, perKill.first ?? 0, perKill.isEmpty ? 0 : perKill[perKill.count / 2], perKill.last ?? 0,
                median, ages.last ?? 0, ages.filter { $0 > 50 }.count))
        let failed = r.lost > 0 || r.stuckInbound > 0 || r.stuckOutbox > 0 || r.duplicateReferences > 0
        exit(failed ? 1 : 0)
    } catch {
        print("crash: failed: \(error)")
        exit(1)
    }
case "telegram":
    let beneficiaries = Int(arguments.dropFirst().first ?? "") ?? 1_000
    // SAFA_BENCH_BOT runs another binary (or a wrapper script, e.g. under valgrind) in its place.
    let override = ProcessInfo.processInfo.environment["SAFA_BENCH_BOT"]
    guard let executable = override ?? BotProcess.builtExecutable(named: "safa-bot", configuration: "release") else {
        print("telegram: safa-bot is not built next to safa-bench: run `swift build -c release --product safa-bot`")
        exit(1)
    }
    let bundle = loadDialogs()
    let dialogs = URL(fileURLWithPath: dialogsDirectory).standardizedFileURL.path
    let runs: [(String, Duration?, TelegramBenchmark.Driver)] = [
        ("loopback", nil, .reactive), ("loopback", nil, .upfront), ("50 ms latency", .milliseconds(50), .reactive),
        ("human pace", nil, .human),
    ]
    // An optional second argument keeps only the runs whose label or driver matches (e.g. "upfront").
    let only = arguments.dropFirst(2).first
    for (label, latency, driver) in runs where only == nil || label == only || driver.rawValue == only {
        let benchmark = TelegramBenchmark(
            executable: executable, dialogs: dialogs, bundle: bundle, beneficiaries: beneficiaries, latency: latency,
            driver: driver)
        do {
            let r = try await benchmark.run()
            print(
                String(
                    format: "telegram %@ (%@ driver): %d beneficiaries, %d updates, %d replies in %.2f s: "
                        + "%.0f updates/s, %.0f sends/s, %.3f ms bot CPU/update, bot peak RSS %.1f MiB (%.1f MiB idle); "
                        + "fake Bot API + driver used %.2f s CPU, the bot %.2f s",
                    label, driver.rawValue, beneficiaries, r.updates, r.sends, r.seconds, r.updatesPerSecond,
                    r.sendsPerSecond, r.cpuMillisecondsPerUpdate, r.peakResidentMiB, r.idleResidentMiB,
                    r.fakeCPUSeconds,
                    r.cpuSeconds))
            print(
                String(
                    format: "    %.1f context switches/update (%lld voluntary + %lld involuntary), "
                        + "%.1f KiB written/update (%lld bytes)",
                    r.switchesPerUpdate, r.contextSwitches.voluntary, r.contextSwitches.involuntary,
                    r.kibibytesWrittenPerUpdate, r.writtenBytes))
            if let latency = r.latency, let idle = r.idleCPUPercent {
                print(
                    String(
                        format: "    reply latency p50 %.1f ms, p99 %.1f ms; idle CPU %.3f%% of a core",
                        latency.p50, latency.p99, idle))
            }
        } catch {
            print("telegram \(label): failed: \(error)")
            exit(1)
        }
    }
case "whatsapp":
    let users = Int(arguments.dropFirst().first ?? "") ?? 1_000
    let override = ProcessInfo.processInfo.environment["SAFA_BENCH_BOT"]
    guard let executable = override ?? BotProcess.builtExecutable(named: "safa-bot", configuration: "release") else {
        print("whatsapp: safa-bot is not built next to safa-bench: run `swift build -c release --product safa-bot`")
        exit(1)
    }
    let bundle = loadDialogs()
    let dialogs = URL(fileURLWithPath: dialogsDirectory).standardizedFileURL.path
    // An optional second argument keeps one run: "receipts" or "no-receipts".
    let only = arguments.dropFirst(2).first
    for readReceipts in [true, false] where only == nil || only == (readReceipts ? "receipts" : "no-receipts") {
        let benchmark = WhatsAppBenchmark(
            executable: executable, dialogs: dialogs, bundle: bundle, users: users, readReceipts: readReceipts)
        do {
            let r = try await benchmark.run()
            print(
                String(
                    format: "whatsapp (%@): %d users, %d signed webhook messages, %d replies in %.2f s: "
                        + "%.0f messages/s, %.3f ms bot CPU/message, reply latency p50 %.1f ms p99 %.1f ms, "
                        + "bot peak RSS %.1f MiB (%.1f MiB idle); fake Graph API + driver used %.2f s CPU, the bot %.2f s",
                    readReceipts ? "read receipts" : "no read receipts", users, r.messages, r.replies, r.seconds,
                    r.messagesPerSecond, r.cpuMillisecondsPerMessage, r.p50, r.p99, r.peakResidentMiB,
                    r.idleResidentMiB, r.fakeCPUSeconds, r.cpuSeconds))
        } catch {
            print("whatsapp: failed: \(error)")
            exit(1)
        }
    }
case "web":
    let users = Int(arguments.dropFirst().first ?? "") ?? 1_000
    let override = ProcessInfo.processInfo.environment["SAFA_BENCH_BOT"]
    guard let executable = override ?? BotProcess.builtExecutable(named: "safa-bot", configuration: "release") else {
        print("web: safa-bot is not built next to safa-bench: run `swift build -c release --product safa-bot`")
        exit(1)
    }
    let benchmark = WebChatBenchmark(
        executable: executable, dialogs: URL(fileURLWithPath: dialogsDirectory).standardizedFileURL.path,
        bundle: loadDialogs(), users: users)
    do {
        let r = try await benchmark.run()
        print(
            String(
                format: "web chat (SSE): %d concurrent pages, %d messages, %d replies in %.2f s: %.0f messages/s, "
                    + "%.3f ms bot CPU/message, reply latency p50 %.1f ms p99 %.1f ms, bot peak RSS %.1f MiB "
                    + "(%.1f MiB idle); %d idle open streams cost %.2f MiB per 100; driver used %.2f s CPU, the bot %.2f s",
                users, r.messages, r.replies, r.seconds, r.messagesPerSecond, r.cpuMillisecondsPerMessage, r.p50, r.p99,
                r.peakResidentMiB, r.idleResidentMiB, r.idleStreams, r.mebibytesPer100IdleStreams, r.driverCPUSeconds,
                r.cpuSeconds))
    } catch {
        print("web: failed: \(error)")
        exit(1)
    }
default:
    print(
        "usage: safa-bench [store [conversations] | telegram [beneficiaries [loopback|upfront|reactive|human]] "
            + "| whatsapp [users [receipts|no-receipts]] | web [pages]]"
    )
    exit(64)
}
