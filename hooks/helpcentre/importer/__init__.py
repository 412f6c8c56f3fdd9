"""Bringing an existing help centre in: ``make import-zendesk`` reads Zendesk Guide's Help Center API and
writes articles, categories, screenshots and old addresses here, all at once or not at all."""
