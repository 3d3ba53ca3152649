import Testing
import WebChatChannel

@Suite struct FileTypeTests {
    @Test func photosAndPDFsAreRecognisedByTheirFirstBytes() {
        #expect(FileType.detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == .jpeg)
        #expect(FileType.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(FileType.detect(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(FileType.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
    }

    @Test func anythingElseIsRefusedWhateverItClaims() {
        #expect(FileType.detect(Array("#!/bin/sh\n".utf8)) == nil)
        #expect(FileType.detect([0x4D, 0x5A, 0x90, 0x00]) == nil, "a Windows executable")
        #expect(FileType.detect(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil, "RIFF but not WebP")
        #expect(FileType.detect([0xFF, 0xD8]) == nil, "too short")
        #expect(FileType.detect([UInt8]()) == nil)
    }
}
