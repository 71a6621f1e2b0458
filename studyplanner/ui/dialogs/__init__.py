"""Dialogs: collect and validate input, return values; the caller writes through the services."""
