"""Timestamps stored in the project file."""

from datetime import UTC, datetime


def now() -> str:
    """The current time in UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
