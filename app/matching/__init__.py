"""Matching pasted text to knowledge entries: plain Python, no Flask, no database."""
