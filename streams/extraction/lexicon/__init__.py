"""Word lists of both languages (platforms, regions, metric cues, discourse cues) and their matcher.

The lists are data only; :mod:`.matcher` folds and compiles them all into one pattern.
"""
