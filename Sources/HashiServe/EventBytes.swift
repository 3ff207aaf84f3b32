import FlyingSocks

/// The bytes of a Server-Sent Events stream as FlyingFox sends a body: each event goes out
/// as one chunk the moment it is yielded.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { guard let event = await events.next() else { return nil }; pending = event[...] }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event[...]
            }
            let chunk = pending.prefix(count)
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
