"""One language's build as the MkDocs events see it: the checked content, the answers converted so far and
what every page is made from. The only package the hooks call for a page.
"""
