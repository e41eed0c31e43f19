#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, so that a failure carries the system's reason.
enum FileReader {
    /// Reads a whole file into `buffer`, growing it as needed, and returns the bytes read (valid until
    /// the buffer is used again). The loader keeps one buffer per worker, so that reading a file
    /// allocates nothing.
    static func load(
        _ path: String,
        into buffer: inout ReadBuffer
    ) -> Result<UnsafeBufferPointer<UInt8>, ArticleParseError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(systemError(path)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(systemError(path)) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            return .failure(ArticleParseError(path: path, reason: .unreadable("is a directory")))
        }
        buffer.reserve(max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == buffer.capacity { buffer.reserve(buffer.capacity * 2, keeping: total) }
            let count = read(descriptor, buffer.base + total, buffer.capacity - total)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(systemError(path))
            }
            if count == 0 { break }
            total += count
        }
        return .success(UnsafeBufferPointer(start: buffer.base, count: total))
    }

    private static func systemError(_ path: String) -> ArticleParseError {
        ArticleParseError(path: path, reason: .unreadable(String(cString: strerror(errno))))
    }
}
