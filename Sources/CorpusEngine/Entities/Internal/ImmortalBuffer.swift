/// Copies an array into memory that is never freed, for tables built once and read by every thread.
///
/// Reading shared Swift arrays from several threads makes each access retain and release the same
/// storage object, and those atomic reference-count updates bounce between cores; a plain pointer
/// has no reference count.
enum ImmortalBuffer {
    static func make<T>(_ array: [T]) -> UnsafePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
        pointer.initialize(from: array, count: array.count)
        return UnsafePointer(pointer)
    }
}
