import Dispatch
import Foundation

/// Wall and CPU time of each pipeline stage, for `hashi build --timings` and the benchmark.
package struct StageClock {
    package private(set) var stages: [StageTime] = []

    package init() {}

    private var start = DispatchTime.now().uptimeNanoseconds
    private var cpuStart = Self.cpuSeconds()

    /// Ends the stage that ran since the last call.
    package mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        stages.append(StageTime(stage: name, seconds: Double(now - start) / 1e9, cpuSeconds: cpu - cpuStart,
                                peakMemory: Self.peakMemory()))
        start = now
        cpuStart = cpu
    }

    package static func cpuSeconds() -> Double { Platform.cpuSeconds() }
}

/// How long one stage took.
public struct StageTime: Sendable, Hashable {
    public var stage: String
    public var seconds: Double
    /// CPU time of all threads during the stage (user and system): above `seconds` when cores ran at once.
    public var cpuSeconds: Double = 0
    /// The most memory the process had held by the end of the stage, in bytes (Linux), to see
    /// which stage makes the peak.
    public var peakMemory: Int?
}

extension StageClock {
    /// `VmHWM` of `/proc/self/status`: the peak resident size so far.
    package static func peakMemory() -> Int? {
        guard let data = FileReader.bytes(atPath: "/proc/self/status") else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
