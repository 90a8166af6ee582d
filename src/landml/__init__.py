"""landml: run a Machine Learning job hunt as one local-first system."""

__version__ = "0.1.0"
