// Placeholder until the CorpusServerTests tests land.
