#!/usr/bin/env bash
# End-to-end load benchmark for issue 3: generate N synthetic articles, then load them with the
# release build and report MB/s, articles/s, entity counts and resident memory (peak and after load,
# from /proc/self/status, plus /usr/bin/time -v's maximum resident set size when available).
#
#   Scripts/bench-load.sh [COUNT] [DIR]      # defaults: 100000 /tmp/engine-load-<COUNT>
#
# Targets (issue 3): at least 20 MB/s on 2 cores, resident memory under 2x the raw text size.
set -euo pipefail
count="${1:-100000}"
dir="${2:-/tmp/engine-load-$count}"
cd "$(dirname "$0")/.."

swift build -c release --product corpus >/dev/null
bin="$(swift build -c release --show-bin-path)/corpus"

if [ ! -d "$dir" ] || [ "$(find "$dir" -name '*.txt' | wc -l)" -ne "$count" ]; then
    rm -rf "$dir"
    "$bin" generate --count "$count" --out "$dir" --seed 42
fi
echo "raw text: $(find "$dir" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes in $count files"
# The first run warms the page cache; the second is the one reported.
"$bin" load-stats --corpus "$dir" >/dev/null
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$bin" load-stats --corpus "$dir" 2> >(grep -E "Maximum resident|Elapsed|Percent of CPU" >&2)
else
    "$bin" load-stats --corpus "$dir"
fi
