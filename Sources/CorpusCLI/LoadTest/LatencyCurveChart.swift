import Foundation

/// The latency distribution as an SVG percentile curve, the way HdrHistogram plots it: the
/// horizontal axis is logarithmic in "nines" (0 %, 90 %, 99 %, 99.9 %, ...), so the tail gets as
/// much room as the median.
struct LatencyCurveChart {
    /// One labelled point on the curve (the report's exact p50, p90, ...).
    struct Marker {
        var label: String
        var percentile: Double
        var millis: Double
    }

    var points: [LoadTestReport.PercentilePoint]
    var markers: [Marker] = []
    var width = 860.0
    var height = 380.0

    private let left = 72.0
    private let right = 48.0
    private let top = 36.0
    private let bottom = 56.0

    /// The `<svg>` element.
    var svg: String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="Latency by percentile" \
            width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">
            <title>Latency by percentile</title>

            """
        guard points.count > 1 else {
            svg +=
                "<text x=\"\(Int(width / 2))\" y=\"\(Int(height / 2))\" text-anchor=\"middle\">no calls completed</text>\n"
            return svg + "</svg>"
        }
        let finite = points.filter { $0.percentile < 100 }
        let maxNines = max(1, (finite.map { nines($0.percentile) }.max() ?? 1))
        let lastNine = max(1, Int(maxNines.rounded(.up)))
        let maxLatency = points.map(\.latencyMillis).max() ?? 1
        let yTicks = Markup.ticks(upTo: maxLatency)
        let yTop = yTicks.last ?? 1
        func x(_ nine: Double) -> Double { left + plotWidth * nine / Double(lastNine) }
        func y(_ millis: Double) -> Double { top + plotHeight * (1 - millis / yTop) }

        // Grid and axes.
        for tick in yTicks {
            let position = Markup.coordinate(y(tick))
            svg +=
                "<line class=\"grid\" x1=\"\(Int(left))\" y1=\"\(position)\" x2=\"\(Int(width - right))\" y2=\"\(position)\"/>\n"
            svg +=
                "<text class=\"tick\" x=\"\(Int(left - 8))\" y=\"\(position)\" text-anchor=\"end\" dy=\"4\">\(Number.millisValue(tick))</text>\n"
        }
        for nine in 0...lastNine {
            let position = Markup.coordinate(x(Double(nine)))
            svg +=
                "<line class=\"grid\" x1=\"\(position)\" y1=\"\(Int(top))\" x2=\"\(position)\" y2=\"\(Int(height - bottom))\"/>\n"
            svg +=
                "<text class=\"tick\" x=\"\(position)\" y=\"\(Int(height - bottom + 18))\" text-anchor=\"middle\">\(Self.label(nines: nine))</text>\n"
        }
        svg +=
            "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width - right))\" y2=\"\(Int(height - bottom))\"/>\n"
        svg +=
            "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(Int(height - bottom))\"/>\n"
        svg +=
            "<text class=\"label\" x=\"\(Int(left + plotWidth / 2))\" y=\"\(Int(height - 12))\" text-anchor=\"middle\">percentile (log scale)</text>\n"
        svg +=
            "<text class=\"label\" transform=\"translate(16 \(Int(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">latency (ms)</text>\n"

        // The curve. The maximum closes it at the last resolved percentile (the one the number
        // of calls allows), as HdrHistogram's plots do.
        let coordinates = points.map { point -> String in
            let nine = point.percentile >= 100 ? maxNines : min(maxNines, nines(point.percentile))
            return "\(Markup.coordinate(x(nine))),\(Markup.coordinate(y(point.latencyMillis)))"
        }
        svg += "<polyline class=\"curve\" points=\"\(coordinates.joined(separator: " "))\"/>\n"

        // Markers at the reported percentiles: a dot on the curve and a dashed guide up to a
        // label above the plot, where labels of neighbouring percentiles cannot collide.
        for marker in markers {
            let nine = nines(marker.percentile)
            guard nine <= maxNines + 1e-9 else { continue }
            let cx = Markup.coordinate(x(nine))
            let cy = Markup.coordinate(y(marker.millis))
            svg += "<line class=\"guide\" x1=\"\(cx)\" y1=\"\(Int(top))\" x2=\"\(cx)\" y2=\"\(cy)\"/>\n"
            svg += "<circle class=\"marker\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\"/>\n"
            svg += "<text class=\"note\" x=\"\(cx)\" y=\"\(Int(top - 8))\" text-anchor=\"middle\">"
            svg += "\(Markup.escape("\(marker.label) \(Number.millisValue(marker.millis)) ms"))</text>\n"
        }
        return svg + "</svg>"
    }

    /// `log10(1 / (1 - p))` for a percentile `p` in 0...100.
    private func nines(_ percentile: Double) -> Double {
        percentile >= 100 ? .infinity : log10(100 / (100 - percentile))
    }

    /// `0%`, `90%`, `99%`, `99.9%`, ...
    static func label(nines: Int) -> String {
        switch nines {
        case 0: "0%"
        case 1: "90%"
        case 2: "99%"
        default: "99." + String(repeating: "9", count: nines - 2) + "%"
        }
    }
}
