"""Retention: what the service stores about people is deleted once it is old enough."""
