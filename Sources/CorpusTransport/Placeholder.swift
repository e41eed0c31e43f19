// Placeholder until the CorpusTransport sources land.
