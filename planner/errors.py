"""Errors that stop a run. A finding is a Diagnostic, never an exception."""

from __future__ import annotations


class PlannerError(Exception):
    """Usage, config or internal failure: one line for the user, exit code 2."""

    exit_code = 2


class UsageError(PlannerError):
    """The command line asks for something that cannot be done."""


class ConfigError(PlannerError):
    """A configuration value is wrong; the message names the key and the reason."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"config: {key}: {reason}")
        self.key = key
        self.reason = reason
