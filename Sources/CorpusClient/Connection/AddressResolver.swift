internal import CorpusProtocol
internal import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to every address it has (A and AAAA records), with the system resolver.
enum AddressResolver {
    /// All addresses of `host` for TCP on `port`, deduplicated, IPv4 first.
    ///
    /// - Throws: ``CorpusError`` `UNAVAILABLE` when the name does not resolve.
    static func resolve(host: String, port: Int) throws -> [SocketAddress] {
        if let literal = try? SocketAddress(ipAddress: host, port: port) {
            return [literal]
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &result)
        guard rc == 0, let first = result else {
            let reason = String(cString: gai_strerror(rc))
            throw CorpusError(code: .unavailable, message: "cannot resolve \(host): \(reason)")
        }
        defer { freeaddrinfo(result) }
        var addresses: [SocketAddress] = []
        var seen = Set<String>()
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let raw = info.pointee.ai_addr {
                let address: SocketAddress?
                switch info.pointee.ai_family {
                case AF_INET:
                    address = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        SocketAddress($0.pointee, host: host)
                    }
                case AF_INET6:
                    address = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        SocketAddress($0.pointee, host: host)
                    }
                default:
                    address = nil
                }
                if let address, seen.insert(address.description).inserted {
                    addresses.append(address)
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses.sorted { lhs, rhs in
            if case .v4 = lhs, case .v6 = rhs { return true }
            return false
        }
    }
}
