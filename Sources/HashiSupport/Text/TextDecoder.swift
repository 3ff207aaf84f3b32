import Foundation

/// Turns raw file bytes into the text the pipeline works on: valid UTF-8, no BOM, no NUL, `\n` line endings.
package enum TextDecoder {
    package enum Failure: Error, Equatable {
        case invalidUTF8(line: Int, column: Int)
        case nulByte(line: Int, column: Int)
    }

    package static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let content = bytes[start...]
        if let nul = Self.firstIndex(of: 0, in: content) {
            let (line, column) = position(of: nul, in: bytes, from: start)
            return .failure(.nulByte(line: line, column: column))
        }
        guard let text = content.withUnsafeBufferPointer({ UTF8Text.isValid($0) ? UTF8Text.string($0) : nil }) else {
            let bad = firstInvalidByte(content)
            let (line, column) = position(of: bad, in: bytes, from: start)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        return .success(normalizeLineEndings(text))
    }

    /// CRLF and lone CR become LF, so Windows and classic Mac files build the same site.
    package static func normalizeLineEndings(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.firstIndex(of: 13, from: 0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 13 {
                out.append(10)
                previousCR = true
                continue
            }
            if byte == 10 && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return UTF8Text.string(out)
    }

    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            let end = index + length
            guard end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil else { return index }
            index = end
        }
        return bytes.endIndex
    }

    /// 1-based line and column (in characters) of byte `offset`.
    private static func position(of offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
        var line = 1
        var lineStart = start
        var index = start
        while index < offset {
            if bytes[index] == 10 || (bytes[index] == 13 && (index + 1 >= bytes.count || bytes[index + 1] != 10)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.count + 1)
    }

    private static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in buffer.firstIndex(of: byte, from: 0).map { bytes.startIndex + $0 } }
    }
}
