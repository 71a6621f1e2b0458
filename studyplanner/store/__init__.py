"""SQLModel/SQLite persistence. No Qt."""
