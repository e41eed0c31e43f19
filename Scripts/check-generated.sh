#!/usr/bin/env bash
# Fails when the committed generated code differs from what Scripts/generate-protos.sh produces.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/generate-protos.sh
git diff --exit-code -- Sources/CorpusProtocol/Generated
