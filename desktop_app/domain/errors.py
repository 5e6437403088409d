"""Errors that carry a plain Vietnamese message naming the record and the field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field; ``field`` is the code name, ``label`` the Vietnamese one."""

    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class DomainError(Exception):
    """Base of every error a user can cause; ``str()`` is the Vietnamese message."""


class ValidationError(DomainError):
    """Input breaks one or more rules; nothing was written."""

    def __init__(self, record: str, problems: list[Problem]):
        self.record = record
        self.problems = problems
        lines = "\n".join(f"  • {p}" for p in problems)
        super().__init__(f"{record}: dữ liệu chưa hợp lệ, chưa lưu gì.\n{lines}")

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]


class DuplicateError(DomainError):
    """The person may already be in the register; the caller decides, nothing is merged."""

    def __init__(self, record: str, matches: list[tuple[str, str, str]], *, blocking: bool = False):
        self.record = record
        self.matches = matches  # (id, full name, why)
        self.blocking = blocking  # same ID number: can never be saved, even if confirmed
        found = "; ".join(f"{name} ({why})" for _id, name, why in matches)
        advice = (
            "Một số định danh chỉ thuộc về một người."
            if blocking
            else "Hãy kiểm tra, hoặc xác nhận đây là người khác."
        )
        super().__init__(f"{record}: có thể đã có trong sổ: {found}. Chưa lưu gì. {advice}")


class NotFoundError(DomainError):
    """No record with that id or code."""


class StateError(DomainError):
    """The action does not fit the record's current state (e.g. recognise a candidate)."""
