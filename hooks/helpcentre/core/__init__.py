"""The ground every package stands on: the languages, content problems as values, YAML read with its lines,
the settings, each language's interface strings, and words and slugs as search and headings see them.
"""
