// Metrics and health (placeholder until they land).
