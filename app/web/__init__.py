"""Web faces for people: the chat, the entry browser, health probes, and what their pages share."""
