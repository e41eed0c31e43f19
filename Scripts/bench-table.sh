#!/usr/bin/env bash
# The README's `corpus bench` table: get, search and mixed at 1, 16 and 64 concurrent calls
# against `corpus serve` on seeds/ (or CORPUS=DIR), one connection, release build.
#
#   Scripts/bench-table.sh                   # 5 s per point after a 1 s warm-up
#   DURATION=10s CONCURRENCY="1 16 64" RPCS="get search mixed" Scripts/bench-table.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-1s}"
CONCURRENCY="${CONCURRENCY:-1 16 64}"
RPCS="${RPCS:-get search mixed}"
PORT="${PORT:-7791}"
CORPUS="${CORPUS:-$root/seeds}"

swift build -c release --package-path "$root" --product corpus >&2
corpus="$root/.build/release/corpus"
log="$(mktemp)"
"$corpus" serve --corpus "$CORPUS" --port "$PORT" > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
    "$corpus" health --server "127.0.0.1:$PORT" > /dev/null 2>&1 && break
    sleep 0.2
done

echo "| call | concurrency | calls/s | messages/s | p50 ms | p99 ms | p99.9 ms | first message p50 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for rpc in $RPCS; do
    for c in $CONCURRENCY; do
        "$corpus" bench --server "127.0.0.1:$PORT" --rpc "$rpc" --concurrency "$c" \
            --duration "$DURATION" --warmup "$WARMUP" --json |
            python3 -c '
import json, sys
r = json.load(sys.stdin)
t, l, f = r["throughput"], r["latencyMillis"], r["timeToFirstMessageMillis"]
first = "%.3f" % f["p50"] if f["count"] else "-"
print("| %s | %s | %s | %s | %.3f | %.3f | %.3f | %s | %d |" % (
    sys.argv[1], sys.argv[2], format(round(t["callsPerSecond"]), ","), format(round(t["messagesPerSecond"]), ","),
    l["p50"], l["p99"], l["p999"], first, r["calls"]["errors"]))
' "$rpc" "$c"
    done
done
