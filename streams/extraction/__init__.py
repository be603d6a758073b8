"""Figure extraction: Arabic or English social-commerce articles in, signals out.

Pure Python, standard library only. See :func:`extract_figures`.
"""

from .extractor import ExtractedFigure, detect_language, extract_figures, figures_to_scorer_lines
from .normalize import content_fingerprint

__all__ = [
    "ExtractedFigure",
    "content_fingerprint",
    "detect_language",
    "extract_figures",
    "figures_to_scorer_lines",
]
