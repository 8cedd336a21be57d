"""The knowledge store: entry tables, loading files into them, and the in-memory read model."""
