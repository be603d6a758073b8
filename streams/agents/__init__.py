"""The stages, in the order of the flow: articles and metric updates → signals → windows.

Each module registers one stage on a `streams.pipeline.Pipeline`; `streams.app` wires them.
"""
