"""Benchmarks of StudyPlanner: ``.venv/bin/python -m benchmarks.run`` (see benchmarks/run.py).

Not part of the test run: they print figures and assert nothing about time.
"""
