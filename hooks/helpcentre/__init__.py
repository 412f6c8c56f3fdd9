"""The help centre's product logic, in packages by concern; ``cli`` is the command line over all of them.

Nothing in this package imports MkDocs: only ``hooks/helpcentre_hooks.py`` touches MkDocs, so the logic
outlives the build tool (Material is in maintenance and MkDocs 2 drops plugins).

``LAYERS`` is the order the packages stand in: a module imports only from its own package and the ones
before it (``tests/test_house.py`` holds every module to it, ``TYPE_CHECKING`` imports included).
"""

LAYERS: tuple[str, ...] = (
    "core",
    "content",
    "images",
    "pages",
    "release",
    "search",
    "checks",
    "preview",
    "build",
    "writers",
    "importer",
    "editor",
)
