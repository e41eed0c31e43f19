#!/usr/bin/env python3
"""Writes the golden vectors of PROTOCOL.md: one .bin file per case, manifest.json and README.md.

This is an independent implementation of the frame layout, written from PROTOCOL.md with the
Python standard library only (struct, zlib and a few lines of protobuf encoding). The Swift
tests decode every vector with the Swift codec, compare the result with manifest.json and
re-encode it byte for byte, so the two implementations check each other.

Run from anywhere:  python3 Protocol/vectors/generate.py
The output is deterministic (zlib 1.2.x, fixed levels).
"""

import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "..", "seeds", "000_f9a3dc24e25b1244.txt")

# Frame types, flags, settings, codes (PROTOCOL.md §§ 2-3, 8).
SETTINGS, HEADERS, MESSAGE, TRAILERS, CANCEL, CREDIT, PING, GOAWAY = range(1, 9)
TYPE_NAMES = {1: "SETTINGS", 2: "HEADERS", 3: "MESSAGE", 4: "TRAILERS", 5: "CANCEL", 6: "CREDIT",
              7: "PING", 8: "GOAWAY"}
NO_COMPRESSION = 0x01
COMPRESSED, END_STREAM, END_CALL = 0x01, 0x02, 0x04
ACK = 0x01
MAX_FRAME_SIZE, MAX_CONCURRENT_CALLS, INITIAL_CREDIT, COMPRESSION, MAX_MESSAGE_SIZE = 1, 2, 3, 4, 5
KEEPALIVE_INTERVAL, KEEPALIVE_TIMEOUT, IDLE_TIMEOUT = 6, 7, 8


# ---------------------------------------------------------------------------------------------
# Encoding


def preface(major=1, minor=0):
    return b"CORPUS" + bytes([major, minor])


def frame(ftype, flags, call_id, payload):
    return struct.pack(">IBBI", len(payload), ftype, flags, call_id) + payload


def metadata_block(entries):
    out = struct.pack(">H", len(entries))
    for key, value in entries:
        k = key.encode()
        v = value if isinstance(value, bytes) else value.encode()
        out += struct.pack(">B", len(k)) + k + struct.pack(">H", len(v)) + v
    return out


def settings_payload(entries):
    return b"".join(struct.pack(">HI", i, v) for i, v in entries)


def headers_payload(method, timeout_ms, metadata):
    m = method.encode()
    return struct.pack(">H", len(m)) + m + struct.pack(">I", timeout_ms) + metadata_block(metadata)


def trailers_payload(status, message, metadata):
    m = message.encode()
    return struct.pack(">HH", status, len(m)) + m + metadata_block(metadata)


def goaway_payload(last_id, code, message):
    m = message.encode()
    return struct.pack(">IHH", last_id, code, len(m)) + m


# Minimal protobuf encoding (proto3, the field kinds these vectors need).


def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def pb_bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_varint(field, n):
    return varint(field << 3 | 0) + varint(n)


def pb_double(field, x):
    return varint(field << 3 | 1) + struct.pack("<d", x)


# ---------------------------------------------------------------------------------------------
# Cases

cases = []


def add(name, description, data, direction, expect, frames=None, error=None, limits=None, note=None):
    path = os.path.join(HERE, name + ".bin")
    with open(path, "wb") as f:
        f.write(data)
    entry = {"file": name + ".bin", "description": description, "direction": direction,
             "startsWithPreface": data.startswith(b"CORPUS") or name.startswith("bad-preface")
             or name.startswith("bad-version"), "expect": expect}
    if frames is not None:
        entry["frames"] = frames
    if error is not None:
        entry["error"] = error
    if limits is not None:
        entry["limits"] = limits
    if note is not None:
        entry["note"] = note
    cases.append(entry)


def hx(b):
    return b.hex()


seed_text = open(SEED, encoding="utf-8").read()
seed_lines = [l.strip("\u00a0 ") for l in seed_text.split("\n") if l.strip("\u00a0 ")]
article_id = "000_f9a3dc24e25b1244"

# 1. Preface.
add("preface", "Client connection preface: magic \"CORPUS\", version 1.0.", preface(), "client-to-server",
    "frames", frames=[{"type": "PREFACE", "major": 1, "minor": 0}])

# 2. Settings of the Swift client and server.
client_settings = [(MAX_FRAME_SIZE, 16_777_216), (INITIAL_CREDIT, 64), (COMPRESSION, 1),
                   (MAX_MESSAGE_SIZE, 16_777_216)]
server_settings = [(MAX_FRAME_SIZE, 1_048_576), (MAX_CONCURRENT_CALLS, 1000), (INITIAL_CREDIT, 32),
                   (COMPRESSION, 1), (MAX_MESSAGE_SIZE, 1_048_576), (KEEPALIVE_INTERVAL, 60_000),
                   (KEEPALIVE_TIMEOUT, 20_000), (IDLE_TIMEOUT, 300_000)]
add("settings-client", "Client preface and SETTINGS: max frame 16 MiB, initial credit 64, zlib, max message 16 MiB.",
    preface() + frame(SETTINGS, 0, 0, settings_payload(client_settings)), "client-to-server", "frames",
    frames=[{"type": "PREFACE", "major": 1, "minor": 0},
            {"type": "SETTINGS", "callId": 0, "flags": 0, "settings": [list(e) for e in client_settings]}])
add("settings-server", "Server preface and SETTINGS with all eight settings.",
    preface() + frame(SETTINGS, 0, 0, settings_payload(server_settings)), "server-to-client", "frames",
    frames=[{"type": "PREFACE", "major": 1, "minor": 0},
            {"type": "SETTINGS", "callId": 0, "flags": 0, "settings": [list(e) for e in server_settings]}])
add("settings-unknown-id", "SETTINGS with an unknown id 0x7F00 between known ones: the unknown entry is ignored.",
    frame(SETTINGS, 0, 0, settings_payload([(INITIAL_CREDIT, 8), (0x7F00, 12345), (COMPRESSION, 1)])),
    "server-to-client", "frames",
    frames=[{"type": "SETTINGS", "callId": 0, "flags": 0, "settings": [[3, 8], [0x7F00, 12345], [4, 1]]}])

# 3. A unary request: HEADERS + MESSAGE(END_STREAM).
get_req = pb_bytes(1, article_id)
headers = headers_payload("/corpus.v1.Corpus/GetArticle", 5000, [("user-agent", "corpus-swift/1.0")])
add("unary-request", "GetArticle call 1: HEADERS (method, 5 s timeout, user-agent) and the request MESSAGE with END_STREAM.",
    frame(HEADERS, 0, 1, headers) + frame(MESSAGE, END_STREAM, 1, get_req), "client-to-server", "frames",
    frames=[{"type": "HEADERS", "callId": 1, "flags": 0, "method": "/corpus.v1.Corpus/GetArticle",
             "timeoutMs": 5000, "metadata": [["user-agent", "corpus-swift/1.0"]]},
            {"type": "MESSAGE", "callId": 1, "flags": END_STREAM, "payload": hx(get_req),
             "protobuf": {"type": "corpus.v1.GetArticleRequest", "json": {"id": article_id}}}])

# 4. Headers with binary metadata, NO_COMPRESSION, no deadline.
bin_value = bytes([0, 1, 2, 0xFE, 0xFF])
add("headers-metadata", "HEADERS for Search on call 9 with NO_COMPRESSION, no deadline, a text and a -bin metadata entry.",
    frame(HEADERS, NO_COMPRESSION, 9, headers_payload("/corpus.v1.Corpus/Search", 0,
                                                      [("request-id", "req-42"), ("trace-bin", bin_value)])),
    "client-to-server", "frames",
    frames=[{"type": "HEADERS", "callId": 9, "flags": NO_COMPRESSION, "method": "/corpus.v1.Corpus/Search",
             "timeoutMs": 0, "metadata": [["request-id", "req-42"], ["trace-bin", "hex:" + hx(bin_value)]]}])

# 5. Uncompressed and compressed messages.
suggest = pb_bytes(1, b"".join([pb_bytes(1, "person:vo-anh-kiet"), pb_bytes(2, "Võ Anh Kiệt"),
                                pb_varint(3, 1), pb_varint(6, 1), pb_varint(7, 5)]))
add("message-uncompressed", "An uncompressed response MESSAGE on call 3: SuggestEntitiesResponse with one entity.",
    frame(MESSAGE, 0, 3, suggest), "server-to-client", "frames",
    frames=[{"type": "MESSAGE", "callId": 3, "flags": 0, "payload": hx(suggest),
             "protobuf": {"type": "corpus.v1.SuggestEntitiesResponse",
                          "json": {"entities": [{"id": "person:vo-anh-kiet", "name": "Võ Anh Kiệt", "kind": "PERSON",
                                                 "articleCount": 1, "mentionCount": 5}]}}}])


# A unary response ended by END_CALL: the message, then status OK, without a TRAILERS frame.
health = pb_varint(1, 1)
add("unary-response-end-call", "A successful unary response on call 7: one MESSAGE with END_CALL (status OK, no TRAILERS frame follows).",
    frame(MESSAGE, END_CALL, 7, health), "server-to-client", "frames",
    frames=[{"type": "MESSAGE", "callId": 7, "flags": END_CALL, "payload": hx(health),
             "protobuf": {"type": "corpus.v1.HealthCheckResponse", "json": {"status": "SERVING"}}}])

title, date_line, lead = seed_lines[0], seed_lines[1], seed_lines[2].lstrip("-\u00a0 ")
article = (pb_bytes(1, article_id) + pb_bytes(2, title) + pb_bytes(3, "2019-11-12T08:21:00+07:00") + pb_bytes(4, lead)
           + pb_bytes(7, "Hữu Huynh"))
compressed = zlib.compress(article, 9)
assert len(compressed) < len(article)
add("message-compressed", "A COMPRESSED response MESSAGE on call 1: a zlib stream (level 9) of an Article with id, title, date, lead and author.",
    frame(MESSAGE, COMPRESSED, 1, compressed), "server-to-client", "frames",
    frames=[{"type": "MESSAGE", "callId": 1, "flags": COMPRESSED, "payload": hx(compressed),
             "decompressed": hx(article),
             "protobuf": {"type": "corpus.v1.Article",
                          "json": {"id": article_id, "title": title, "publishedAt": "2019-11-12T08:21:00+07:00",
                                   "lead": lead, "author": "Hữu Huynh"}}}])

# 6. A streamed response: two hits, the summary, then TRAILERS OK.
def hit(rank, score, text, start, end):
    snippet = pb_bytes(1, text) + pb_bytes(2, pb_varint(1, start) + pb_varint(2, end))
    h = (pb_bytes(1, article_id) + pb_bytes(2, title) + pb_bytes(3, "2019-11-12T08:21:00+07:00") + pb_double(4, score)
         + pb_bytes(5, snippet) + pb_bytes(6, "c%d" % rank) + pb_varint(7, rank))
    return pb_bytes(1, h)


hit1 = hit(1, 12.5, "Đại hội Đảng bộ", 0, 7)
hit2 = hit(2, 3.25, "đại hội Chi, Đảng bộ", 0, 7)
summary = pb_bytes(2, pb_varint(1, 2) + pb_varint(2, 2) + pb_varint(3, 1234))
ok = trailers_payload(0, "", [])
add("stream-response", "Search response stream on call 5: two hit MESSAGEs, the summary MESSAGE, then TRAILERS OK.",
    frame(MESSAGE, 0, 5, hit1) + frame(MESSAGE, 0, 5, hit2) + frame(MESSAGE, 0, 5, summary) + frame(TRAILERS, 0, 5, ok),
    "server-to-client", "frames",
    frames=[{"type": "MESSAGE", "callId": 5, "flags": 0, "payload": hx(hit1)},
            {"type": "MESSAGE", "callId": 5, "flags": 0, "payload": hx(hit2)},
            {"type": "MESSAGE", "callId": 5, "flags": 0, "payload": hx(summary),
             "protobuf": {"type": "corpus.v1.SearchResponse",
                          "json": {"summary": {"totalMatches": "2", "returned": 2, "elapsedMicros": "1234"}}}},
            {"type": "TRAILERS", "callId": 5, "flags": 0, "status": 0, "message": "", "metadata": []}])

# 7. Trailers with an error and metadata.
add("trailers-not-found", "TRAILERS on call 2: NOT_FOUND with a message and one metadata entry.",
    frame(TRAILERS, 0, 2, trailers_payload(5, "no article with id \"nope\"", [("server-time-us", "17")])),
    "server-to-client", "frames",
    frames=[{"type": "TRAILERS", "callId": 2, "flags": 0, "status": 5, "message": "no article with id \"nope\"",
             "metadata": [["server-time-us", "17"]]}])

# 8. Cancel, credit, ping, goaway.
add("cancel", "CANCEL of call 5 by the client with status CANCELLED (1).",
    frame(CANCEL, 0, 5, struct.pack(">H", 1)), "client-to-server", "frames",
    frames=[{"type": "CANCEL", "callId": 5, "flags": 0, "status": 1}])
add("credit", "CREDIT: the client grants 32 more messages on call 5.",
    frame(CREDIT, 0, 5, struct.pack(">I", 32)), "client-to-server", "frames",
    frames=[{"type": "CREDIT", "callId": 5, "flags": 0, "increment": 32}])
ping_data = bytes(range(1, 9))
add("ping", "PING with 8 opaque bytes, then its ACK.",
    frame(PING, 0, 0, ping_data) + frame(PING, ACK, 0, ping_data), "server-to-client", "frames",
    frames=[{"type": "PING", "callId": 0, "flags": 0, "payload": hx(ping_data)},
            {"type": "PING", "callId": 0, "flags": ACK, "payload": hx(ping_data)}])
add("goaway", "GOAWAY for a graceful shutdown: last call id 7, NO_ERROR, \"server shutting down\".",
    frame(GOAWAY, 0, 0, goaway_payload(7, 0, "server shutting down")), "server-to-client", "frames",
    frames=[{"type": "GOAWAY", "callId": 0, "flags": 0, "lastCallId": 7, "errorCode": 0,
             "message": "server shutting down"}])

# 9. Forward compatibility: unknown frame type, trailing bytes after known fields.
add("unknown-frame-type", "A frame of unknown type 0x2A (skipped by receivers) followed by a PING.",
    frame(0x2A, 0x80, 3, b"future") + frame(PING, 0, 0, bytes(8)), "server-to-client", "frames",
    frames=[{"type": "UNKNOWN", "rawType": 0x2A, "callId": 3, "flags": 0x80, "payload": hx(b"future")},
            {"type": "PING", "callId": 0, "flags": 0, "payload": hx(bytes(8))}])
add("trailers-extension", "TRAILERS OK with 3 extra bytes after the metadata block (a future field, ignored).",
    frame(TRAILERS, 0, 4, trailers_payload(0, "", []) + b"\x01\x02\x03"), "server-to-client", "frames",
    frames=[{"type": "TRAILERS", "callId": 4, "flags": 0, "status": 0, "message": "", "metadata": [],
             "extension": "010203"}],
    note="Re-encoding drops ignored trailing bytes: compare decoded fields, not bytes.")

# ---------------------------------------------------------------------------------------------
# Malformed input: each must produce exactly the listed error, never a crash or a hang.

limits = {"maxFrameSize": 1_048_576, "maxMessageSize": 4_194_304}


def bad(name, description, data, code, layer="decoder", kind="connection", direction="client-to-server", note=None):
    add(name, description, data, direction, "error", error={"layer": layer, "kind": kind, "code": code},
        limits=limits, note=note)


bad("bad-preface", "An HTTP/1.1 request instead of the preface.", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "PROTOCOL_ERROR")
bad("bad-version", "A preface with major version 2.", preface(2, 0), "UNSUPPORTED_VERSION")
bad("oversized-length", "A frame header announcing 2^32-1 payload bytes (rejected from the header alone).",
    struct.pack(">IBBI", 0xFFFFFFFF, MESSAGE, 0, 1), "FRAME_SIZE_ERROR")
bad("frame-over-limit", "A MESSAGE header announcing 1 MiB + 1 bytes, over the receiver's MAX_FRAME_SIZE of 1 MiB.",
    struct.pack(">IBBI", 1_048_577, MESSAGE, 0, 1), "FRAME_SIZE_ERROR")
bad("settings-bad-length", "SETTINGS whose payload (7 bytes) is not a multiple of 6.",
    frame(SETTINGS, 0, 0, bytes(7)), "FRAME_SIZE_ERROR")
bad("settings-bad-value", "SETTINGS with MAX_FRAME_SIZE = 100, below the minimum of 16384.",
    frame(SETTINGS, 0, 0, settings_payload([(MAX_FRAME_SIZE, 100)])), "PROTOCOL_ERROR")
bad("settings-nonzero-call", "SETTINGS on call id 1.", frame(SETTINGS, 0, 1, b""), "PROTOCOL_ERROR")
bad("ping-bad-length", "PING with a 4-byte payload.", frame(PING, 0, 0, bytes(4)), "FRAME_SIZE_ERROR")
bad("ping-nonzero-call", "PING on call id 3.", frame(PING, 0, 3, bytes(8)), "PROTOCOL_ERROR")
bad("headers-call-zero", "HEADERS on call id 0.",
    frame(HEADERS, 0, 0, headers_payload("/corpus.v1.Corpus/Stats", 0, [])), "PROTOCOL_ERROR")
bad("headers-truncated", "HEADERS whose method length (200) runs past the 10-byte payload.",
    frame(HEADERS, 0, 1, struct.pack(">H", 200) + b"/corpus.v"), "PROTOCOL_ERROR")
bad("headers-empty-method", "HEADERS with a method of length 0.",
    frame(HEADERS, 0, 1, struct.pack(">H", 0) + struct.pack(">I", 0) + metadata_block([])), "PROTOCOL_ERROR")
bad("headers-bad-key", "HEADERS with metadata key \"User-Agent\" (upper case is not allowed).",
    frame(HEADERS, 0, 1, headers_payload("/corpus.v1.Corpus/Stats", 0, [("User-Agent", "x")])), "PROTOCOL_ERROR")
bad("cancel-bad-length", "CANCEL with a 3-byte payload.", frame(CANCEL, 0, 1, bytes(3)), "FRAME_SIZE_ERROR")
bad("credit-zero", "CREDIT with an increment of 0.", frame(CREDIT, 0, 1, struct.pack(">I", 0)), "PROTOCOL_ERROR")
bad("goaway-truncated", "GOAWAY whose message length (50) runs past the payload.",
    frame(GOAWAY, 0, 0, struct.pack(">IHH", 0, 0, 50) + b"short"), "PROTOCOL_ERROR", direction="server-to-client")
bad("message-call-zero", "MESSAGE on call id 0.", frame(MESSAGE, 0, 0, b"\x0a\x00"), "PROTOCOL_ERROR")
bad("truncated-frame", "A MESSAGE header announcing 100 bytes followed by only 20, then end of input.",
    struct.pack(">IBBI", 100, MESSAGE, 0, 1) + bytes(20), "PROTOCOL_ERROR",
    note="Not an error while more bytes may come; at end of input the decoder reports a truncated frame.")

# Message-layer errors (after framing): compression and size limits. These are call errors.
bomb = zlib.compress(bytes(16 * 1024 * 1024), 9)
bad("zlib-bomb", "A COMPRESSED MESSAGE of %d bytes that inflates to 16 MiB of zeros, over the 4 MiB MAX_MESSAGE_SIZE." % len(bomb),
    frame(MESSAGE, COMPRESSED, 1, bomb), "RESOURCE_EXHAUSTED", layer="message", kind="call")
bad("zlib-corrupt", "A COMPRESSED MESSAGE whose payload is not a zlib stream.",
    frame(MESSAGE, COMPRESSED, 1, b"\x78\x9c" + bytes(range(200, 240))), "INTERNAL", layer="message", kind="call")
bad("zlib-truncated", "A COMPRESSED MESSAGE whose zlib stream is cut short.",
    frame(MESSAGE, COMPRESSED, 1, zlib.compress(article, 6)[:-10]), "INTERNAL", layer="message", kind="call")
bad("zlib-trailing-bytes", "A COMPRESSED MESSAGE with 4 bytes after the end of the zlib stream.",
    frame(MESSAGE, COMPRESSED, 1, zlib.compress(b"hello", 6) + b"JUNK"), "INTERNAL", layer="message", kind="call")
bad("message-over-limit", "An uncompressed MESSAGE of 4 MiB + 1 bytes (fits a 16 MiB frame), over the 4 MiB MAX_MESSAGE_SIZE.",
    struct.pack(">IBBI", 4_194_305, MESSAGE, 0, 1) + bytes(4_194_305)[:0], "RESOURCE_EXHAUSTED", layer="message",
    kind="call", note="Only the header is stored; tests append the zero payload and use maxFrameSize 16 MiB.")

# Call-layer errors that a server answers with TRAILERS (the frames themselves are well formed).
bad("invalid-protobuf", "GetArticle on call 1 whose request MESSAGE is not valid protobuf.",
    frame(HEADERS, 0, 1, headers_payload("/corpus.v1.Corpus/GetArticle", 0, [])) + frame(MESSAGE, END_STREAM, 1, b"\xff\xff\xff"),
    "INVALID_ARGUMENT", layer="server", kind="call")
bad("unknown-method", "A call to a method the server does not have.",
    frame(HEADERS, 0, 1, headers_payload("/corpus.v1.Corpus/DropTables", 0, [])) + frame(MESSAGE, END_STREAM, 1, b""),
    "UNIMPLEMENTED", layer="server", kind="call")
bad("client-sends-trailers", "A client sending TRAILERS (only servers may).",
    frame(TRAILERS, 0, 1, trailers_payload(0, "", [])), "PROTOCOL_ERROR", layer="server")
bad("call-id-not-increasing", "Two HEADERS with call id 5 then 3.",
    frame(HEADERS, 0, 5, headers_payload("/corpus.v1.Corpus/Stats", 0, [])) + frame(MESSAGE, END_STREAM, 5, b"")
    + frame(HEADERS, 0, 3, headers_payload("/corpus.v1.Corpus/Stats", 0, [])), "PROTOCOL_ERROR", layer="server")

# ---------------------------------------------------------------------------------------------

with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump({"protocol": "1.0", "generator": "Protocol/vectors/generate.py", "vectors": cases}, f,
              ensure_ascii=False, indent=1)
    f.write("\n")

with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
    f.write("# Golden vectors\n\n")
    f.write("Byte-exact examples of the frames in [PROTOCOL.md](../PROTOCOL.md), written by\n")
    f.write("[`generate.py`](generate.py) (an independent Python implementation of the framing) and checked by\n")
    f.write("`Tests/CorpusProtocolTests/GoldenVectorTests.swift`, which decodes each file with the Swift codec,\n")
    f.write("compares it with [`manifest.json`](manifest.json) and re-encodes it byte for byte.\n\n")
    f.write("Malformed cases list the error each must produce. `layer` says who detects it: `decoder` (the frame\n")
    f.write("decoder, a connection error), `message` (decompression and size limits, a call error) or `server`\n")
    f.write("(the server's call handling). Limits for malformed cases: max frame 1 MiB, max message 4 MiB.\n\n")
    f.write("| file | bytes | direction | expect | description |\n|---|--:|---|---|---|\n")
    for c in cases:
        size = os.path.getsize(os.path.join(HERE, c["file"]))
        if c["expect"] == "error":
            e = c["error"]
            expect = "%s %s (%s)" % (e["kind"], e["code"], e["layer"])
        else:
            expect = ", ".join(fr["type"] for fr in c["frames"])
        f.write("| `%s` | %d | %s | %s | %s |\n" % (c["file"], size, c["direction"], expect, c["description"]))

print("wrote %d vectors to %s" % (len(cases), HERE))
