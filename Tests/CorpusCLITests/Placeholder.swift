// Placeholder until the CorpusCLITests tests land.
