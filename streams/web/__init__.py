"""HTTP on the worker's web port: Prometheus exposition, JSON queries, the live page."""
