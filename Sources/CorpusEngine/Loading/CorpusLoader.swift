import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Loads a directory of `.txt` articles into a ``Corpus``, using every core.
///
/// Files are listed recursively and sorted by path, then split into chunks that a task group
/// parses in parallel (parse, NFC, entity extraction); the results are merged in path order, so
/// the corpus is the same whatever the scheduling. One bad file never stops the load: it is listed in
/// ``LoadSummary/skipped`` with its reason.
public struct CorpusLoader: Sendable {
    /// Loader options.
    public struct Options: Sendable {
        /// Parallel workers; `nil` in the initializer means the number of active processors.
        public var concurrency: Int
        /// Files per unit of work.
        public var chunkSize: Int
        /// Builds the search index once the corpus is assembled (the hook for issue 4).
        public var makeSearchIndex: (@Sendable (Corpus) async -> any CorpusSearchIndex)?

        /// Creates options.
        public init(
            concurrency: Int? = nil,
            chunkSize: Int = 64,
            makeSearchIndex: (@Sendable (Corpus) async -> any CorpusSearchIndex)? = nil
        ) {
            self.concurrency = max(concurrency ?? ProcessInfo.processInfo.activeProcessorCount, 1)
            self.chunkSize = max(chunkSize, 1)
            self.makeSearchIndex = makeSearchIndex
        }

        /// All cores, 64 files per chunk, no search index.
        public static var defaults: Options { Options() }
    }

    /// A loaded corpus and what the load did.
    public struct Result: Sendable {
        /// The corpus.
        public var corpus: Corpus
        /// The summary.
        public var summary: LoadSummary
    }

    /// A directory could not be listed.
    public struct DirectoryError: Error, Sendable, CustomStringConvertible {
        /// The directory.
        public var path: String
        /// Why.
        public var reason: String

        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// The options in use.
    public var options: Options

    /// Creates a loader.
    public init(options: Options = .defaults) {
        self.options = options
    }

    /// Loads every `.txt` file under `directory` (recursively).
    ///
    /// - Parameters:
    ///   - directory: The directory to read.
    ///   - progress: Called after each chunk, in order, from the loading task.
    /// - Throws: ``DirectoryError`` if the directory does not exist or cannot be listed. Problems with
    ///   single files are not thrown; they are in the summary.
    public func load(
        directory: String,
        progress: (@Sendable (LoadProgress) -> Void)? = nil
    ) async throws -> Result {
        try await load(files: Self.listArticleFiles(in: directory), progress: progress)
    }

    /// Loads the given files (paths), in the given order.
    public func load(files: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil) async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let chunks = stride(from: 0, to: files.count, by: options.chunkSize).map {
            Array(files[$0..<min($0 + options.chunkSize, files.count)])
        }
        var done = LoadProgress(filesDone: 0, filesTotal: files.count, bytesRead: 0, articles: 0)
        var summary = LoadSummary()
        summary.filesFound = files.count
        var builder = CorpusBuilder()
        await withTaskGroup(of: (Int, ChunkResult).self) { group in
            var next = 0
            func submit() {
                guard next < chunks.count else { return }
                let index = next
                let chunk = chunks[index]
                group.addTask { (index, Self.process(chunk)) }
                next += 1
            }
            for _ in 0..<options.concurrency { submit() }
            // Chunks are merged as soon as all earlier ones are in, in path order, so the merge overlaps
            // parsing and each chunk's temporary entity tables are freed early.
            var pending: [Int: ChunkResult] = [:]
            var nextToMerge = 0
            var seenIDs: [String: String] = [:]
            while let (index, result) = await group.next() {
                submit()
                done.filesDone += chunks[index].count
                done.bytesRead += result.bytes
                done.articles += result.articles.count
                progress?(done)
                pending[index] = result
                while let ready = pending.removeValue(forKey: nextToMerge) {
                    nextToMerge += 1
                    summary.fileBytes += ready.bytes
                    summary.skipped += ready.skipped
                    var items: [(article: Article, records: Range<Int32>)] = []
                    for (item, path) in zip(ready.articles, ready.paths) {
                        if let first = seenIDs[item.article.id] {
                            summary.skipped.append(
                                .init(path: path, reason: "duplicate article id \(item.article.id) (kept \(first))")
                            )
                            continue
                        }
                        seenIDs[item.article.id] = path
                        items.append(item)
                    }
                    builder.add(items, entities: ready.entities)
                }
            }
        }
        var corpus = builder.finish()
        if let makeSearchIndex = options.makeSearchIndex {
            corpus = corpus.attaching(searchIndex: await makeSearchIndex(corpus))
        }
        summary.articles = corpus.articles.count
        summary.entitiesByKind = corpus.entityCountsByKind
        summary.textBytes = corpus.textByteCount
        summary.seconds = Self.seconds(clock.now - start)
        Self.returnFreeMemory()
        return Result(corpus: corpus, summary: summary)
    }

    /// The `.txt` files under a directory, recursively, sorted by path.
    public static func listArticleFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DirectoryError(path: directory, reason: "not a directory")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw DirectoryError(path: directory, reason: "cannot be listed")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.lowercased().hasSuffix(".txt") { files.append(base + relative) }
        }
        return files.sorted()
    }

    /// The article id for a path: the file name without its extension.
    public static func articleID(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    struct ChunkResult: Sendable {
        var articles: [(article: Article, records: Range<Int32>)] = []
        var entities = ChunkEntities()
        var paths: [String] = []
        var skipped: [LoadSummary.SkippedFile] = []
        var bytes = 0
    }

    static func process(_ paths: [String]) -> ChunkResult {
        var result = ChunkResult()
        let parser = ArticleParser()
        let extractor = EntityExtractor()
        var collector = EntityCollector()
        for path in paths {
            do {
                let bytes = try FileReader.contents(ofFile: path).get()
                result.bytes += bytes.count
                let article = try parser.parse(bytes: bytes, id: articleID(forPath: path), path: path).article
                result.articles.append(
                    (article, result.entities.append(extractor.extract(from: article, reusing: &collector)))
                )
                result.paths.append(path)
            } catch {
                result.skipped.append(.init(path: path, reason: error.reasonDescription))
            }
        }
        result.entities.finish()
        return result
    }

    /// Gives the pages that parsing freed back to the system. Loading leaves many freed transient
    /// buffers (file bytes, token arrays) between long-lived article strings; glibc keeps them mapped
    /// unless asked.
    static func returnFreeMemory() {
        #if canImport(Glibc)
        // malloc_trim is not in the Glibc module map; look it up (RTLD_DEFAULT is a null handle).
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
