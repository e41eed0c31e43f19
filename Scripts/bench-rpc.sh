#!/usr/bin/env bash
# Measures our protocol against the shared peers in one run, with the same load generator
# (LoadKit, ../shared/peers): the bare SwiftNIO framing (nio-peer, the practical ceiling) and,
# with PEERS="nio grpc corpus", grpc-swift-2 (grpc-peer).
#
#   Scripts/bench-rpc.sh                       # article + search, C:K in 1:1 16:1 16:4 64:1 64:4
#   DURATION=10 WARMUP=2 REPS=2 POINTS="16:1 64:4" EXCHANGES="article search" Scripts/bench-rpc.sh
#
# The shared peers folder is read-only, so it is copied to .build-peers/ and built there (release;
# nio-peer takes ~6 min the first time, grpc-peer ~9 min more). Results: one LoadKit JSON line per
# point in .build-peers/results.jsonl, and a Markdown table on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers_src="${PEERS_SRC:-$root/../shared/peers}"
work="$root/.build-peers"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-1}"
REPS="${REPS:-1}"
POINTS="${POINTS:-1:1 16:1 16:4 64:1 64:4}"
EXCHANGES="${EXCHANGES:-article search}"
PEERS="${PEERS:-nio corpus}"
export PEERS_ARTICLE="$root/seeds/000_f9a3dc24e25b1244.txt"

[ -d "$peers_src/LoadKit" ] || { echo "error: no LoadKit at $peers_src (set PEERS_SRC)" >&2; exit 1; }
mkdir -p "$work"
rsync -a --delete --exclude .build "$peers_src/" "$work/peers/" 2>/dev/null || { rm -rf "$work/peers"; cp -r "$peers_src" "$work/peers"; }
chmod -R u+w "$work/peers"

echo "building peers (release)..." >&2
for product in nio-peer grpc-peer; do
    [[ " $PEERS " == *" ${product%-peer} "* ]] || continue
    swift build -c release --package-path "$work/peers/swift-peers" --product "$product" >&2
done
if [[ " $PEERS " == *" corpus "* ]]; then
    swift build -c release --package-path "$root/Benchmarks/LoadKitPeer" >&2
fi
nio="$work/peers/swift-peers/.build/release/nio-peer"
grpc="$work/peers/swift-peers/.build/release/grpc-peer"
corpus="$root/Benchmarks/LoadKitPeer/.build/release/corpus-peer"

results="$work/results.jsonl"
: > "$results"
server_pid=""
start() {  # name binary args...
    local name=$1; shift
    "$@" > "$work/$name.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        grep -q LISTENING "$work/$name.log" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "error: $name did not start" >&2; cat "$work/$name.log" >&2; exit 1
}
stop() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
trap stop EXIT

run() {  # peer variant exchange binary port extra...
    local peer=$1 variant=$2 exchange=$3 binary=$4 port=$5; shift 5
    for point in $POINTS; do
        local c=${point%:*} k=${point#*:}
        timeout 120 "$binary" load --port "$port" --exchange "$exchange" -c "$c" -k "$k" \
            --duration "$DURATION" --warmup "$WARMUP" --peer "$peer" --variant "$variant" --rep "$rep" \
            --server-pid "$server_pid" --json-out "$results" "$@" | grep -v '^RESULT' >&2
    done
}

for rep in $(seq 1 "$REPS"); do
    for peer in $PEERS; do
        case $peer in
        nio)
            start nio "$nio" serve --port 50061
            for exchange in $EXCHANGES; do run nio-raw plain "$exchange" "$nio" 50061; done
            [[ " $EXCHANGES " == *" article "* ]] && run nio-raw zlib-1 article "$nio" 50061 --zlib-level 1
            stop ;;
        grpc)
            start grpc "$grpc" serve --port 50051
            for exchange in $EXCHANGES; do run grpc-swift-2 plain "$exchange" "$grpc" 50051; done
            [[ " $EXCHANGES " == *" article "* ]] && run grpc-swift-2 deflate article "$grpc" 50051 --compression deflate
            stop ;;
        corpus)
            start corpus "$corpus" serve --port 50081
            for exchange in $EXCHANGES; do run corpus plain "$exchange" "$corpus" 50081; done
            [[ " $EXCHANGES " == *" article "* ]] && run corpus zlib article "$corpus" 50081 --zlib-level 6
            stop ;;
        esac
    done
done

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ceiling = {}
for r in rows:
    if r["peer"] == "nio-raw" and r["variant"] == "plain":
        ceiling.setdefault((r["exchange"], r["concurrency"], r["connections"]), []).append(r["calls_per_s"])
print("| peer | variant | exchange | C | K | calls/s | msgs/s | p50 µs | p99 µs | CPU µs/call | vs nio-raw plain |")
print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
for r in sorted(rows, key=lambda r: (r["exchange"], r["concurrency"], r["connections"], r["peer"], r["variant"])):
    base = ceiling.get((r["exchange"], r["concurrency"], r["connections"]))
    ratio = "%.0f %%" % (100 * r["calls_per_s"] / (sum(base) / len(base))) if base else ""
    msgs = "%.0f" % r["msgs_per_s"] if r["exchange"] == "search" else ""
    cpu = "%.1f" % r["cpu_us_per_call"] if r.get("cpu_us_per_call") is not None else ""
    print("| %s | %s | %s | %d | %d | %.0f | %s | %.0f | %.0f | %s | %s |" % (
        r["peer"], r["variant"], r["exchange"], r["concurrency"], r["connections"], r["calls_per_s"], msgs,
        r["p50_us"], r["p99_us"], cpu, ratio))
PY
