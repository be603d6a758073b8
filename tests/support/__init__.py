"""Test helpers shared by the test suites (e.g. a throw-away Prometheus server)."""
