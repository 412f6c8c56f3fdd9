"""One language's build as the MkDocs events see it (the only package the hooks call for a page), and the
whole site's build as `make site` runs it: a process per language, one folder of screenshots, then search.
"""
