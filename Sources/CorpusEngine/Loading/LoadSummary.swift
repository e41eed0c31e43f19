/// What a load did: counts, sizes, time and the files it skipped.
public struct LoadSummary: Sendable, Hashable {
    /// A file that was not loaded, and why.
    public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
        /// The file's path.
        public var path: String
        /// Why it was skipped (`empty file`, `not valid UTF-8`, `duplicate article id …`, …).
        public var reason: String

        /// Creates a skipped-file record.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// A step of the load and its wall-clock time.
    public struct Phase: Sendable, Hashable, CustomStringConvertible {
        /// `list`, `parse` (parsing, extraction and merging, in parallel), `finish` (sorting and lookup
        /// tables), `index` (the search index, when built) or `trim` (returning freed memory).
        public var name: String
        /// Wall-clock seconds.
        public var seconds: Double

        /// Creates a phase record.
        public init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }

        /// `name 1.23s`.
        public var description: String { "\(name) \((seconds * 100).rounded() / 100)s" }
    }

    /// The steps of the load in order, with their wall-clock times.
    public var phases: [Phase] = []
    /// `.txt` files found.
    public var filesFound = 0
    /// Articles loaded.
    public var articles = 0
    /// Merged entities by kind.
    public var entitiesByKind: [EntityKind: Int] = [:]
    /// Bytes read from the loaded files.
    public var fileBytes = 0
    /// UTF-8 bytes of the articles' text fields.
    public var textBytes = 0
    /// Files that were skipped, in path order.
    public var skipped: [SkippedFile] = []
    /// Wall-clock time of the whole load, in seconds.
    public var seconds = 0.0

    /// Creates an empty summary.
    public init() {}

    /// All merged entities.
    public var entities: Int { entitiesByKind.values.reduce(0, +) }

    /// Megabytes (10^6 bytes) of file content per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(fileBytes) / 1_000_000 / seconds : 0 }

    /// Articles per second.
    public var articlesPerSecond: Double { seconds > 0 ? Double(articles) / seconds : 0 }
}

/// Progress of a running load, reported after each chunk of files.
public struct LoadProgress: Sendable, Hashable {
    /// Files processed so far (loaded or skipped).
    public var filesDone: Int
    /// Files to process.
    public var filesTotal: Int
    /// Bytes read so far.
    public var bytesRead: Int
    /// Articles parsed so far.
    public var articles: Int

    /// Creates a progress value.
    public init(filesDone: Int, filesTotal: Int, bytesRead: Int, articles: Int) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesRead = bytesRead
        self.articles = articles
    }
}
