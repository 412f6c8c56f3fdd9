"""The content as writers keep it: each article's front matter and answer, the catalogue of every article
in every language, categories, contacts, snippets, review periods and translation status.
"""
