"""What readers see: the views templates read, recommended lists, numbers and hours per language, links and
alternates, teasers, the assistant's answer parts, and everything our hooks render or add to site/.
"""
