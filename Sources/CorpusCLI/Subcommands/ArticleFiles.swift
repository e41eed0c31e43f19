import ArgumentParser
import CorpusEngine
import Foundation

/// Reads and parses every `.txt` file under a directory, two files at a time.
///
/// A stand-in for the corpus loader in the benchmark harness: it skips unreadable files silently
/// and extracts no entities.
enum ArticleFiles {
    static func load(directory: String) async throws -> [Article] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("cannot read directory \(directory)")
        }
        var paths: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "txt" { paths.append(url) }
        paths.sort { $0.path < $1.path }
        let halves = [Array(paths.prefix(paths.count / 2)), Array(paths.dropFirst(paths.count / 2))]
        return await withTaskGroup(of: [Article].self) { group in
            for half in halves {
                group.addTask {
                    let parser = ArticleParser()
                    return half.compactMap { url in
                        guard let data = try? Data(contentsOf: url) else { return nil }
                        let id = url.deletingPathExtension().lastPathComponent
                        return try? parser.parse(bytes: data, id: id, path: url.path).article
                    }
                }
            }
            var all: [Article] = []
            for await part in group { all.append(contentsOf: part) }
            return all
        }
    }
}

