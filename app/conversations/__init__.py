"""Conversations of the web chat as stored rows."""
