// Placeholder until the CorpusServer sources land.
