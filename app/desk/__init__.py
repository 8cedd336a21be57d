"""The support desk: staff sign-in, the gap report from real traffic, teaching the knowledge, the audit log."""
