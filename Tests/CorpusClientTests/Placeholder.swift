// Placeholder until the CorpusClientTests tests land.
