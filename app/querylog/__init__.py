"""The query log: every match, redacted, for the support desk's gap analysis."""
