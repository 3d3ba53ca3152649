#if canImport(Glibc)
    import Glibc
#endif

/// Writes to a file descriptor (standard output or error) unbuffered, without Foundation's FileHandle.
public enum FileDescriptorOutput {
    /// Writes `text` whole: write(2) may take less than asked, so it is called until all is written or
    /// the descriptor refuses. A short line goes out in one call, so lines from different threads never
    /// interleave.
    public static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                raw.baseAddress.map { Glibc.write(descriptor, $0 + offset, raw.count - offset) } ?? 0
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
