"""Entity resolution within and across documents, and analysts' overrides."""
