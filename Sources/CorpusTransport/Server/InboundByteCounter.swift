public import NIOCore

/// Counts the bytes read from a connection and reports them to a ``ServerCallObserver`` once per
/// read burst. Sits in front of the frame decoder.
public final class InboundByteCounter: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer

    private let observer: any ServerCallObserver
    private var count = 0

    public init(observer: any ServerCallObserver) {
        self.observer = observer
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        count += Self.unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        if count > 0 {
            observer.bytesTransferred(read: count, written: 0)
            count = 0
        }
        context.fireChannelReadComplete()
    }
}
