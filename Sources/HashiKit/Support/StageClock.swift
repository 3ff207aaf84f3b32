import Dispatch

/// Wall time of each pipeline stage, for `hashi build --timings` and the benchmark.
struct StageClock {
    private(set) var stages: [StageTime] = []
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Ends the stage that ran since the last call.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append(StageTime(stage: name, seconds: Double(now - start) / 1e9))
        start = now
    }
}

/// How long one stage took.
public struct StageTime: Sendable, Hashable {
    public var stage: String
    public var seconds: Double
}
