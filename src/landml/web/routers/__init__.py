"""HTML pages, one module per domain."""
