"""The help centre's product logic: catalogue, ranking, checks and formatting.

Nothing in this package imports MkDocs: only ``hooks/helpcentre_hooks.py`` touches MkDocs, so the logic
outlives the build tool (Material is in maintenance and MkDocs 2 drops plugins).
"""

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
