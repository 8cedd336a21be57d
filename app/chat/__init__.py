"""The web chat: paste an error, get the fix, with the conversation kept server-side."""
