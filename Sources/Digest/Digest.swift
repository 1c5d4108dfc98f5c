// The weekly digest (placeholder until it lands).
