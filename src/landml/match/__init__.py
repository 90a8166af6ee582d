"""Matching a resume to postings: why one posting fits (explain), which postings fit best
(ranking), what the postings you target ask for that you lack (gaps), and the ONE portfolio
project that closes the most of it (portfolio)."""
