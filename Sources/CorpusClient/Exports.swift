// Importing CorpusClient is enough to use the client: the message types (`Corpus_V1_Article`,
// `CorpusError`, `CorpusMethods`, …) and the call options come with it.
@_exported public import CorpusProtocol

@_exported public import struct CorpusTransport.CallOptions
@_exported public import struct CorpusTransport.ClientConnectionConfiguration
@_exported public import struct CorpusTransport.TransferCounts
