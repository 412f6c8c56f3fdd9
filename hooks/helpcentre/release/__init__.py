"""The built site as a whole: languages built side by side, scratch folders, the swap into site/, the
release's checks and artefacts, precompressed copies and each host's configuration.
"""
