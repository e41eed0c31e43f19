extension FrameDecoder {
    /// A framing violation: the peer broke a rule of `PROTOCOL.md`, so the connection ends with
    /// GOAWAY carrying ``code``.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// The connection error code to send in GOAWAY.
        public var code: ConnectionError.Code
        /// What was wrong.
        public var message: String
        /// The type of the offending frame, if a header had been read.
        public var frameType: FrameType?
        /// The first bytes of the offending input (at most 32), for logs.
        public var bytes: [UInt8]

        init(_ code: ConnectionError.Code, _ message: String, frameType: FrameType?, bytes: [UInt8]) {
            self.code = code
            self.message = message
            self.frameType = frameType
            self.bytes = Array(bytes.prefix(32))
        }

        /// The error to announce in GOAWAY.
        public var connectionError: ConnectionError {
            ConnectionError(code: code, message: message)
        }

        public var description: String {
            let hex = bytes.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined(separator: " ")
            return "\(code): \(message) [\(hex)]"
        }
    }
}
