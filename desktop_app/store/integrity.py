"""SQLite's own checks of the file: page integrity and foreign keys."""

from __future__ import annotations

from desktop_app.store.database import Register


def integrity_problems(reg: Register) -> list[str]:
    rows = reg.db.execute_sql("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def foreign_key_problems(reg: Register) -> list[str]:
    rows = reg.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{r[0]} rowid {r[1]} → {r[2]}" for r in rows]
