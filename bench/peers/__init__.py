"""Peer implementations of the benchmark job on other stream processors."""
