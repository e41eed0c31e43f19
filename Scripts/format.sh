#!/usr/bin/env bash
# Formats the Swift sources with the repository's .swift-format (swift-nio's: 4 spaces, 120 columns).
#   Scripts/format.sh          format in place
#   Scripts/format.sh --lint   check only (what CI runs); exits non-zero on findings
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(Sources Tests)
[ -d Benchmarks/Benchmarks ] && dirs+=(Benchmarks/Benchmarks)
if [ "${1:-}" = "--lint" ]; then
    swift format lint --strict --parallel --recursive "${dirs[@]}"
else
    swift format format --in-place --parallel --recursive "${dirs[@]}"
fi
