// Placeholder until the CorpusTransportTests tests land.
