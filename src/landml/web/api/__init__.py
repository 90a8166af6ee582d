"""The JSON API under /api/v1, one module per domain; each HTML page has its twin here."""
