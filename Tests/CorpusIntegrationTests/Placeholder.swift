// Placeholder until the CorpusIntegrationTests tests land.
