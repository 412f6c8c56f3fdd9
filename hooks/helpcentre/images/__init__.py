"""Screenshots: the images an answer shows, where their files are, what is in them, and what readers get."""
