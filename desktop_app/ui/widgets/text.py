"""Filling translated templates (Qt's %1, %2 placeholders, as translators expect)."""

from __future__ import annotations


def fill(template: str, *args: object) -> str:
    """``fill("Showing %1 / %2 people", 3, 5)``; highest numbers first so %1 never eats %10."""
    for number in range(len(args), 0, -1):
        template = template.replace(f"%{number}", str(args[number - 1]))
    return template
