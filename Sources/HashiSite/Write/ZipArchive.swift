import HashiContent
import HashiSupport

/// A zip file built in memory, its entries stored without compression so any unzip tool opens it
/// (PKWARE APPNOTE 6.3: local headers, central directory, CRC-32; no zip64, so under 4 GiB).
struct ZipArchive {
    /// Reported as `ArchiveProblem.tooLarge`.
    enum Failure: Error {
        case tooLarge(String)
    }

    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// 1980-01-01 00:00, the earliest DOS date: the same bytes from every build of the same site.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Adds one file under `path` (`/`-separated, UTF-8).
    mutating func add(path: String, contents: [UInt8]) throws(Failure) {
        let name = Array(path.utf8)
        let offset = bytes.count
        guard contents.count < Int(UInt32.max), offset + contents.count + name.count + 30 < Int(UInt32.max) else { throw .tooLarge(path) }
        let crc = CRC32.checksum(contents)
        // Local file header.
        Self.append32(0x0403_4b50, to: &bytes)
        Self.appendCommon(name: name, crc: crc, size: contents.count, to: &bytes)
        bytes += name
        bytes += contents
        // Its central directory record.
        Self.append32(0x0201_4b50, to: &central)
        Self.append16(0x031e, to: &central)            // made by: Unix, version 3.0
        Self.appendCommon(name: name, crc: crc, size: contents.count, to: &central)
        Self.append16(0, to: &central)                 // comment length
        Self.append16(0, to: &central)                 // disk number
        Self.append16(0, to: &central)                 // internal attributes
        Self.append32(0o100644 << 16, to: &central)    // external attributes: a regular file, rw-r--r--
        Self.append32(UInt32(offset), to: &central)
        central += name
        count += 1
    }

    /// The whole archive: the entries, then the central directory and its end record.
    func finished() throws(Failure) -> [UInt8] {
        guard count < Int(UInt16.max), bytes.count + central.count < Int(UInt32.max) else { throw .tooLarge("the central directory") }
        var out = bytes + central
        Self.append32(0x0605_4b50, to: &out)
        Self.append16(0, to: &out)
        Self.append16(0, to: &out)
        Self.append16(UInt16(count), to: &out)
        Self.append16(UInt16(count), to: &out)
        Self.append32(UInt32(central.count), to: &out)
        Self.append32(UInt32(bytes.count), to: &out)
        Self.append16(0, to: &out)
        return out
    }

    /// Version needed, flags (bit 11: the name is UTF-8), method 0 (stored), time, date, CRC, sizes, name length, extra length.
    private static func appendCommon(name: [UInt8], crc: UInt32, size: Int, to out: inout [UInt8]) {
        append16(10, to: &out)
        append16(1 << 11, to: &out)
        append16(0, to: &out)
        append16(dosTime, to: &out)
        append16(dosDate, to: &out)
        append32(crc, to: &out)
        append32(UInt32(size), to: &out)
        append32(UInt32(size), to: &out)
        append16(UInt16(name.count), to: &out)
        append16(0, to: &out)
    }

    private static func append16(_ value: UInt16, to out: inout [UInt8]) {
        out += [UInt8(value & 0xff), UInt8(value >> 8)]
    }

    private static func append32(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
    }
}

/// CRC-32 of zip and PNG (polynomial 0xEDB88320, reflected).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
