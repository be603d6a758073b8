"""souq-signals stream processing: the Faust app, its agents, extraction and windows."""

__version__ = "0.1.0"
