import Dispatch

/// Wall time of each pipeline stage, for `hashi build --timings` and the benchmark.
struct StageClock {
    private(set) var stages: [StageTime] = []
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Ends the stage that ran since the last call.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append(StageTime(stage: name, seconds: Double(now - start) / 1e9, peakMemory: Self.peakMemory()))
        start = now
    }
}

/// How long one stage took.
public struct StageTime: Sendable, Hashable {
    public var stage: String
    public var seconds: Double
    /// The most memory the process had held by the end of the stage, in bytes (Linux), to see
    /// which stage makes the peak.
    public var peakMemory: Int?
}

extension StageClock {
    /// `VmHWM` of `/proc/self/status`: the peak resident size so far.
    static func peakMemory() -> Int? {
        guard let data = FileReader.bytes(atPath: "/proc/self/status") else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
