"""planner: keep near-term plans specific and far-term plans vague, checked in CI."""

__version__ = "0.1.0"
