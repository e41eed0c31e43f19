// Placeholder until the CorpusProtocol sources land.
