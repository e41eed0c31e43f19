// Placeholder until the CorpusEngineTests tests land.
