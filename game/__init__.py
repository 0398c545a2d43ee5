"""Succession: a strategy game of the struggle for Lenin's succession, 1923–1929."""

__version__ = "0.1.0"
