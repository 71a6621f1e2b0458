"""Headless tools for the reliability battery: they run the app's real store and services."""
