"""StudyPlanner: plan, log and forecast certification exam preparation."""

__version__ = "0.1.0"
