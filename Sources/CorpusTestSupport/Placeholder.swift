// Placeholder until the CorpusTestSupport sources land.
