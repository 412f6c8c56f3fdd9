"""Writers' tools beside the build: make new, what changed in an original since its translation, what a
pull request changes for readers, and the read-only git history they need.
"""
