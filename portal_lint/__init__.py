"""portal-lint: a content-quality linter for provincial BHXH news portals."""

__version__ = "0.1.0"
