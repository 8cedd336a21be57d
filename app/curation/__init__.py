"""Curation tools (article importer, catalog, coverage): command line only, never imported by the web app."""
