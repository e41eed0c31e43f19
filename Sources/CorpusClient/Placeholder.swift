// Placeholder until the CorpusClient sources land.
