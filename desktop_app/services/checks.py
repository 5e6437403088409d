"""“Kiểm tra sổ”: integrity, foreign keys, the journal chain and the journal replay."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from desktop_app.store import integrity, journal
from desktop_app.store.database import Register
from desktop_app.store.models import JOURNALLED


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    journal_entries: int = 0
    journal_head: str = ""
    journal: list[str] = field(default_factory=list)
    replay: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.journal or self.replay)

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, **asdict(self)}


def check_register(reg: Register) -> CheckReport:
    """Full check; reads only."""
    report = CheckReport()
    report.integrity = integrity.integrity_problems(reg)
    report.foreign_keys = integrity.foreign_key_problems(reg)
    chain = journal.verify_chain()
    report.journal_entries, report.journal_head = chain.entries, chain.head_hash
    report.journal = chain.problems
    report.replay = journal.replay_mismatches(JOURNALLED)
    return report
