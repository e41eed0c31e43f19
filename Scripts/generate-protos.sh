#!/usr/bin/env bash
# Regenerates Sources/CorpusProtocol/Generated/*.pb.swift from Protocol/corpus.proto.
#
# Needs protoc (Debian: apt-get install -y protobuf-compiler) and protoc-gen-swift built from the
# swift-protobuf version the package depends on. The plugin is looked up in this order:
#   $PROTOC_GEN_SWIFT, protoc-gen-swift on PATH, or built here from the resolved checkout
#   (.build/checkouts/swift-protobuf) into .build-protoc-gen-swift/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

command -v protoc >/dev/null || { echo "error: protoc not found (apt-get install -y protobuf-compiler)" >&2; exit 1; }

plugin="${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift || true)}"
if [ -z "$plugin" ]; then
    checkout="$root/.build/checkouts/swift-protobuf"
    [ -d "$checkout" ] || swift package resolve
    swift build -c release --package-path "$checkout" --scratch-path "$root/.build-protoc-gen-swift" \
        --product protoc-gen-swift >&2
    plugin="$root/.build-protoc-gen-swift/release/protoc-gen-swift"
fi

out="Sources/CorpusProtocol/Generated"
protoc --plugin=protoc-gen-swift="$plugin" \
    --swift_out="$out" \
    --swift_opt=Visibility=Public \
    --swift_opt=FileNaming=DropPath \
    --swift_opt=UseAccessLevelOnImports=true \
    -I Protocol \
    Protocol/corpus.proto
echo "generated $out/corpus.pb.swift"
