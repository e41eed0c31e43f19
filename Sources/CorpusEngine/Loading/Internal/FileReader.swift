#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, so that a failure carries the system's reason.
enum FileReader {
    static func contents(ofFile path: String) -> Result<[UInt8], ArticleParseError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(systemError(path)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(systemError(path)) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            return .failure(ArticleParseError(path: path, reason: .unreadable("is a directory")))
        }
        var buffer = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + total, raw.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(systemError(path))
            }
            if count == 0 { break }
            total += count
        }
        buffer.removeLast(buffer.count - total)
        return .success(buffer)
    }

    private static func systemError(_ path: String) -> ArticleParseError {
        ArticleParseError(path: path, reason: .unreadable(String(cString: strerror(errno))))
    }
}
