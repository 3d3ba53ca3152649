public import DialogCore
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A file's bytes, fetched from the platform that holds it.
public struct MediaFile: Sendable, Equatable {
    public var bytes: Data
    /// "image/jpeg", "application/pdf"…, when known.
    public var mimeType: String?
    /// A name to upload it under, when known.
    public var fileName: String?

    public init(bytes: Data, mimeType: String? = nil, fileName: String? = nil) {
        self.bytes = bytes
        self.mimeType = mimeType
        self.fileName = fileName
    }
}

/// A channel's way of fetching the files its users sent, so another channel can upload them (a WhatsApp
/// photo into the officers' Telegram group, an officer's Telegram document to a WhatsApp beneficiary).
public protocol MediaSource: Sendable {
    /// The channel whose file ids this source understands (`Attachment.channel`).
    var channel: String { get }

    /// Downloads the attachment's bytes.
    func download(_ attachment: Attachment) async throws -> MediaFile
}

/// Every channel's `MediaSource`, by channel name: what a sender or workplace uses for a foreign file.
///
/// Shared by reference: the run-time root hands one to every channel, then registers each channel's source,
/// so a sender built before another channel still finds its source.
public final class MediaSources: Sendable {
    private let sources: Mutex<[String: any MediaSource]>

    public init(_ sources: [any MediaSource] = []) {
        self.sources = Mutex(Dictionary(sources.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Adds (or replaces) the source for its channel.
    public func register(_ source: any MediaSource) {
        sources.withLock { $0[source.channel] = source }
    }

    /// The source for `channel`, if one is registered.
    public func source(for channel: String) -> (any MediaSource)? { sources.withLock { $0[channel] } }

    /// Downloads `attachment` from its own channel; throws ``MediaError/noSource(channel:)`` when that
    /// channel has no source here.
    public func download(_ attachment: Attachment) async throws -> MediaFile {
        guard let source = source(for: attachment.channel) else {
            throw MediaError.noSource(channel: attachment.channel)
        }
        return try await source.download(attachment)
    }
}

/// Why a file could not be passed between channels.
public enum MediaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `MediaSource` for the attachment's channel is configured.
    case noSource(channel: String)
    /// The platform would not give the file (expired, too large, gone); `reason` says which.
    case unavailable(channel: String, reason: String)

    public var description: String {
        switch self {
        case .noSource(let channel): "no media source for channel \(channel)"
        case .unavailable(let channel, let reason): "file from \(channel) unavailable: \(reason)"
        }
    }
}
