"""Search beyond Pagefind's own: writers' synonyms, spelling data, the records and answer files built once
MkDocs has ended, and the Pagefind index of each language.
"""
