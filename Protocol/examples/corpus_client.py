#!/usr/bin/env python3
"""A complete corpus protocol client in one file, written from PROTOCOL.md alone.

Standard library only: the framing (PROTOCOL.md §§ 2-7), zlib (§ 5), credit (§ 6) and just
enough protobuf to build the requests and read a few fields of the responses. It is both an
example for people writing clients in other languages and a test: the Swift test suite runs it
against a real server (Tests/CorpusIntegrationTests/PythonClientTests.swift).

    python3 Protocol/examples/corpus_client.py [--host 127.0.0.1] [--port 7700] get 000_f9a3dc24e25b1244
    python3 Protocol/examples/corpus_client.py search "dai hoi dang bo" --limit 3
"""

import argparse
import socket
import struct
import sys
import zlib

# Frame types and flags (§ 3.2).
SETTINGS, HEADERS, MESSAGE, TRAILERS, CANCEL, CREDIT, PING, GOAWAY = range(1, 9)
COMPRESSED, END_STREAM, END_CALL = 0x01, 0x02, 0x04
ACK = 0x01
STATUS = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
          "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
          "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"]
INITIAL_CREDIT = 16
MAX_MESSAGE = 16 * 1024 * 1024


class CallError(Exception):
    def __init__(self, code, message):
        super().__init__("%s: %s" % (STATUS[code] if code < len(STATUS) else "UNKNOWN", message))
        self.code = code


# --- protobuf, the minimum ------------------------------------------------------------------

def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        out += bytes([b | (0x80 if n else 0)])
        if not n:
            return out


def pb_string(field, text):
    data = text.encode()
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_uint(field, n):
    return varint(field << 3) + varint(n)


def pb_fields(data):
    """Yields (field number, wire type, value) for each field of a message."""
    i = 0
    while i < len(data):
        key, i = read_varint(data, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(data, i)
        elif wire == 1:
            value, i = struct.unpack("<d", data[i:i + 8])[0], i + 8
        elif wire == 2:
            length, i = read_varint(data, i)
            value, i = data[i:i + length], i + length
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        else:
            raise ValueError("unsupported wire type %d" % wire)
        yield field, wire, value


def read_varint(data, i):
    shift = result = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def field(data, number, default=b""):
    for f, _, value in pb_fields(data):
        if f == number:
            return value
    return default


# --- the connection ---------------------------------------------------------------------------

class Connection:
    def __init__(self, host, port, timeout=10):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        self.next_call = 1
        # § 2.1 preface, § 2.2 settings: credit 16 per call, we accept zlib, 16 MiB messages.
        settings = struct.pack(">HIHIHI", 0x03, INITIAL_CREDIT, 0x04, 1, 0x05, MAX_MESSAGE)
        self.sock.sendall(b"CORPUS\x01\x00" + self.frame(SETTINGS, 0, 0, settings))
        if self.read_exact(8)[:6] != b"CORPUS":
            raise ConnectionError("not a corpus server")
        ftype, _, _, payload = self.read_frame()
        if ftype == GOAWAY:
            raise ConnectionError("refused: " + payload[8:].decode(errors="replace"))
        if ftype != SETTINGS:
            raise ConnectionError("expected SETTINGS, got frame type %d" % ftype)

    @staticmethod
    def frame(ftype, flags, call_id, payload):
        return struct.pack(">IBBI", len(payload), ftype, flags, call_id) + payload

    def read_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def read_frame(self):
        length, ftype, flags, call_id = struct.unpack(">IBBI", self.read_exact(10))
        return ftype, flags, call_id, self.read_exact(length)

    def call(self, method, request, timeout_ms=5000):
        """Yields the response messages of one call (unary or streaming); raises CallError."""
        call_id = self.next_call
        self.next_call += 1
        m = method.encode()
        headers = struct.pack(">H", len(m)) + m + struct.pack(">IH", timeout_ms, 0)
        self.sock.sendall(self.frame(HEADERS, 0, call_id, headers) + self.frame(MESSAGE, END_STREAM, call_id, request))
        consumed = 0
        while True:
            ftype, flags, cid, payload = self.read_frame()
            if ftype == PING and not flags & ACK:
                self.sock.sendall(self.frame(PING, ACK, 0, payload))
                continue
            if ftype == GOAWAY:
                last, code = struct.unpack(">IH", payload[:6])
                if call_id > last:
                    raise CallError(14, "server going away")
                continue
            if cid != call_id:
                continue  # another call's late frames, or an unknown frame type: skip (§ 11)
            if ftype == MESSAGE:
                message = zlib.decompressobj().decompress(payload, MAX_MESSAGE + 1) if flags & COMPRESSED else payload
                if len(message) > MAX_MESSAGE:
                    raise CallError(8, "message too large")
                yield message
                consumed += 1
                if flags & END_CALL:
                    return
                if consumed >= INITIAL_CREDIT // 2:  # § 6: grant as we consume
                    self.sock.sendall(self.frame(CREDIT, 0, call_id, struct.pack(">I", consumed)))
                    consumed = 0
            elif ftype == TRAILERS:
                code, mlen = struct.unpack(">HH", payload[:4])
                if code != 0:
                    raise CallError(code, payload[4:4 + mlen].decode(errors="replace"))
                return
            elif ftype == CANCEL:
                raise CallError(struct.unpack(">H", payload)[0], "cancelled by the server")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7700)
    sub = parser.add_subparsers(dest="command", required=True)
    get = sub.add_parser("get")
    get.add_argument("id")
    search = sub.add_parser("search")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()

    connection = Connection(args.host, args.port)
    try:
        if args.command == "get":
            (article,) = list(connection.call("/corpus.v1.Corpus/GetArticle", pb_string(1, args.id)))
            print("title:", field(article, 2).decode())
            print("published:", field(article, 3).decode())
            print("author:", field(article, 7).decode())
            entities = [field(e, 2).decode() for f, _, e in pb_fields(article) if f == 8]
            print("entities:", len(entities))
        else:
            request = pb_string(1, args.query) + (pb_uint(2, args.limit) if args.limit else b"")
            for response in connection.call("/corpus.v1.Corpus/Search", request):
                for f, _, value in pb_fields(response):
                    if f == 1:  # hit
                        print("hit: %s %.3f %s" % (field(value, 1).decode(), field(value, 4, 0.0), field(value, 2).decode()))
                    elif f == 2:  # summary
                        print("total:", field(value, 1, 0))
    except CallError as error:
        print("error:", error, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
