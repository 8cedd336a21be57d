"""The knowledge model: what an entry is, its files on disk, and how it reads in a language. Plain Python."""
