import Foundation

/// Where the default corpus (`seeds/`) is: `./seeds` when run from the repository, otherwise the
/// `seeds/` folder of the checkout this binary was built from.
enum DefaultCorpus {
    static var directory: String {
        let local = "seeds"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory.boolValue {
            return local
        }
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        return FileManager.default.fileExists(atPath: checkout) ? checkout : local
    }
}
