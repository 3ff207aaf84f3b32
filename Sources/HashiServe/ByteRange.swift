/// One `Range: bytes=…` request header read against a body of `length` bytes (RFC 9110 §14).
enum ByteRange: Equatable {
    /// No usable range: the whole body, 200.
    case whole
    /// These bytes, 206.
    case part(Range<Int>)
    /// A range that lies past the end, 416.
    case unsatisfiable

    init(header: String?, length: Int) {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { self = .whole; return }
        let spec = header.dropFirst("bytes=".count).filter { $0 != " " }
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { self = .whole; return }
        let first = bounds[0].isEmpty ? nil : Int(bounds[0])
        let last = bounds[1].isEmpty ? nil : Int(bounds[1])
        switch (first, last) {
        case let (start?, end):
            guard start >= 0, (end ?? start) >= start else { self = .whole; return }
            guard start < length else { self = .unsatisfiable; return }
            self = .part(start..<min(length, (end ?? length - 1) + 1))
        case let (nil, suffix?):
            guard suffix > 0 else { self = .unsatisfiable; return }
            self = length == 0 ? .unsatisfiable : .part(max(0, length - suffix)..<length)
        case (nil, nil):
            self = .whole
        }
    }
}
