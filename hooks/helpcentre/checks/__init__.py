"""What make check holds content to beyond what the catalogue refuses: typography, terms, placeholders,
review dates, links and twins; the content read and checked once per process; GitHub annotations.
"""
