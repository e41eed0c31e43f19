public import NIOCore

/// One unit of the wire protocol, as produced by ``FrameDecoder`` and consumed by
/// ``FrameEncoder`` (`PROTOCOL.md` § 3).
///
/// The connection preface is not a frame on the wire, but it is the first thing each side
/// receives, so the decoder reports it as ``preface(_:)``.
public enum Frame: Sendable, Hashable {
    /// The 8-byte connection preface.
    case preface(ProtocolVersion)
    /// SETTINGS (call id 0), entries in wire order.
    case settings([Setting])
    /// HEADERS: opens call `callID`.
    case headers(callID: UInt32, RequestHeaders)
    /// MESSAGE: one message; the payload is still compressed when `flags` contains `.compressed`.
    case message(callID: UInt32, flags: MessageFlags, payload: ByteBuffer)
    /// TRAILERS: ends call `callID`.
    case trailers(callID: UInt32, Trailers)
    /// CANCEL: abandons call `callID`.
    case cancel(callID: UInt32, Status.Code)
    /// CREDIT: grants `increment` more messages on call `callID`.
    case credit(callID: UInt32, increment: UInt32)
    /// PING (call id 0), 8 opaque bytes.
    case ping(ack: Bool, payload: UInt64)
    /// GOAWAY (call id 0).
    case goAway(GoAway)
    /// A frame of a type this version does not know; receivers skip it.
    case unknown(type: UInt8, flags: UInt8, callID: UInt32, payload: ByteBuffer)

    /// The frame's type byte (`nil` for the preface).
    public var type: FrameType? {
        switch self {
        case .preface: nil
        case .settings: .settings
        case .headers: .headers
        case .message: .message
        case .trailers: .trailers
        case .cancel: .cancel
        case .credit: .credit
        case .ping: .ping
        case .goAway: .goAway
        case .unknown(let type, _, _, _): FrameType(rawValue: type)
        }
    }

    /// The call id the frame belongs to; 0 for connection-level frames and the preface.
    public var callID: UInt32 {
        switch self {
        case .preface, .settings, .ping, .goAway: 0
        case .headers(let id, _), .message(let id, _, _), .trailers(let id, _), .cancel(let id, _),
            .credit(let id, _):
            id
        case .unknown(_, _, let id, _): id
        }
    }
}
