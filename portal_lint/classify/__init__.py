"""Category classifier for portal posts (see model.py for the measured design)."""

from portal_lint.classify.model import (
    OTHER,
    TAXONOMY,
    CategoryClassifier,
    Prediction,
    load_rows,
    prepare_text,
)

__all__ = ["OTHER", "TAXONOMY", "CategoryClassifier", "Prediction", "load_rows", "prepare_text"]
