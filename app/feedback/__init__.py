"""User feedback on answers, from the API and the web chat alike."""
