// Placeholder until the CorpusProtocolTests tests land.
