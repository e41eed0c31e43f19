/// Throughput over time as an SVG chart: one bar per second (calls/s, failed calls in red) and
/// the p99 latency of each second as a line on the right-hand axis.
struct ThroughputChart {
    var timeline: [TimelineEntry]
    var width = 860.0
    var height = 320.0

    private let left = 72.0
    private let right = 72.0
    private let top = 24.0
    private let bottom = 56.0

    /// The `<svg>` element.
    var svg: String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="Throughput over time" \
            width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">
            <title>Throughput over time</title>

            """
        guard let last = timeline.last else {
            svg += "<text x=\"\(Int(width / 2))\" y=\"\(Int(height / 2))\" text-anchor=\"middle\">no timeline</text>\n"
            return svg + "</svg>"
        }
        let totalSeconds = max(last.startSeconds + last.durationSeconds, 1e-3)
        let rateTicks = Markup.ticks(upTo: max(timeline.map(\.callsPerSecond).max() ?? 1, 1))
        let rateTop = rateTicks.last ?? 1
        let latencyTicks = Markup.ticks(upTo: max(timeline.map(\.p99Millis).max() ?? 1, 0.001))
        let latencyTop = latencyTicks.last ?? 1
        let timeTicks = Markup.ticks(upTo: totalSeconds, count: 10)
        func x(_ seconds: Double) -> Double { left + plotWidth * seconds / totalSeconds }
        func yRate(_ rate: Double) -> Double { top + plotHeight * (1 - rate / rateTop) }
        func yLatency(_ millis: Double) -> Double { top + plotHeight * (1 - millis / latencyTop) }
        let bottomY = Int(height - bottom)

        for tick in rateTicks {
            let position = Markup.coordinate(yRate(tick))
            svg +=
                "<line class=\"grid\" x1=\"\(Int(left))\" y1=\"\(position)\" x2=\"\(Int(width - right))\" y2=\"\(position)\"/>\n"
            svg +=
                "<text class=\"tick\" x=\"\(Int(left - 8))\" y=\"\(position)\" text-anchor=\"end\" dy=\"4\">\(Number.decimal(tick))</text>\n"
        }
        for tick in latencyTicks {
            let position = Markup.coordinate(yLatency(tick))
            svg +=
                "<text class=\"tick p99\" x=\"\(Int(width - right + 8))\" y=\"\(position)\" dy=\"4\">\(Number.millisValue(tick))</text>\n"
        }
        for tick in timeTicks where tick <= totalSeconds + 1e-9 {
            let position = Markup.coordinate(x(tick))
            svg +=
                "<text class=\"tick\" x=\"\(position)\" y=\"\(bottomY + 18)\" text-anchor=\"middle\">\(Number.decimal(tick))</text>\n"
        }

        // Bars: all calls, then the failed share on top of the bottom in red.
        for entry in timeline where entry.durationSeconds > 0 {
            let x0 = x(entry.startSeconds) + 0.5
            let barWidth = max(1, x(entry.startSeconds + entry.durationSeconds) - x(entry.startSeconds) - 1)
            let rateY = yRate(entry.callsPerSecond)
            svg += "<rect class=\"bar\" x=\"\(Markup.coordinate(x0))\" y=\"\(Markup.coordinate(rateY))\" "
            svg += "width=\"\(Markup.coordinate(barWidth))\" height=\"\(Markup.coordinate(Double(bottomY) - rateY))\">"
            svg += "<title>second \(entry.second): \(Number.decimal(entry.callsPerSecond)) calls/s, "
            svg += "\(entry.errors) errors, p99 \(Number.millisValue(entry.p99Millis)) ms</title></rect>\n"
            if entry.errors > 0 {
                let errorY = yRate(Double(entry.errors) / entry.durationSeconds)
                svg += "<rect class=\"errors\" x=\"\(Markup.coordinate(x0))\" y=\"\(Markup.coordinate(errorY))\" "
                svg +=
                    "width=\"\(Markup.coordinate(barWidth))\" height=\"\(Markup.coordinate(Double(bottomY) - errorY))\"/>\n"
            }
        }
        let line = timeline.filter { $0.calls > 0 }.map { entry in
            "\(Markup.coordinate(x(entry.startSeconds + entry.durationSeconds / 2))),\(Markup.coordinate(yLatency(entry.p99Millis)))"
        }
        if !line.isEmpty {
            svg += "<polyline class=\"p99line\" points=\"\(line.joined(separator: " "))\"/>\n"
        }

        svg +=
            "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(bottomY)\" x2=\"\(Int(width - right))\" y2=\"\(bottomY)\"/>\n"
        svg += "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(bottomY)\"/>\n"
        svg +=
            "<line class=\"axis\" x1=\"\(Int(width - right))\" y1=\"\(Int(top))\" x2=\"\(Int(width - right))\" y2=\"\(bottomY)\"/>\n"
        svg +=
            "<text class=\"label\" x=\"\(Int(left + plotWidth / 2))\" y=\"\(Int(height - 12))\" text-anchor=\"middle\">seconds</text>\n"
        svg +=
            "<text class=\"label\" transform=\"translate(16 \(Int(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">calls/s</text>\n"
        svg +=
            "<text class=\"label p99\" transform=\"translate(\(Int(width - 14)) \(Int(top + plotHeight / 2))) rotate(90)\" text-anchor=\"middle\">p99 of the second (ms)</text>\n"
        return svg + "</svg>"
    }
}
