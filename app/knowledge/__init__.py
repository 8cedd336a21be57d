"""Knowledge base: entry files, their schema, the database tables and the loader."""
