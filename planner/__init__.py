"""planner: keep near-term plans specific and far-term plans vague, checked in CI."""

__version__ = "0.1.0"

# Where planner lives: SARIF's informationUri, and what `planner init` points hooks and workflows at.
PROJECT_URL = "https://github.com/planner-dev/planner"
