import HashiSupport

/// Front matter as bytes: how `.hashi/cache` keeps it, and what a page's key hashes of it. One
/// list of the fields for both, so a new key cannot be cached without being part of page keys.
extension FrontMatter {
    package func write(to writer: inout some ByteSink) {
        writer.write(title)
        writer.write(description)
        writer.write(date.map { [$0.year, $0.month, $0.day] } ?? []) { $0.write($1) }
        writer.write(draft)
        writer.write(weight)
        writer.write(slug)
        writer.write(translationKey)
        writer.write(layout)
        writer.write(tags) { $0.write($1) }
        writer.write(translatedFrom)
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> FrontMatter {
        var value = FrontMatter()
        value.title = try reader.string()
        value.description = try reader.optionalString()
        let date = try reader.array { reader throws(ByteReader.Malformed) in try reader.int() }
        if date.count == 3 { value.date = SimpleDate(year: date[0], month: date[1], day: date[2]) }
        value.draft = try reader.bool()
        value.weight = try reader.int()
        value.slug = try reader.optionalString()
        value.translationKey = try reader.optionalString()
        value.layout = try reader.optionalString()
        value.tags = try reader.array { reader throws(ByteReader.Malformed) in try reader.string() }
        value.translatedFrom = try reader.optionalString()
        return value
    }

    /// Adds every field to a key.
    package func combine(into hasher: inout StableHasher) {
        write(to: &hasher)
    }
}
