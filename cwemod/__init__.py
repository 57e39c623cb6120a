"""cwemod: turn security-review findings into reviewable code changes."""

__version__ = "0.1.0"
