"""What a bundle changes in the upper level's copy of a cell, for the dry run and the import:
people added, updated, removed and unchanged, new events, meetings and attendance, the people
another cell holds too (a conflict, or a move between cells: the id travels with the person),
and what the officer should know (a cell whose own check failed, a renamed file, …)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from desktop_app.domain.membership import STATUS_LABELS
from desktop_app.domain.names import fold
from desktop_app.services.upper_workspace import cell_label
from desktop_app.store import migrations, upper, upper_replica
from desktop_app.store.models import JOURNALLED
from desktop_app.store.upper_models import UpperCell
from desktop_app.sync import replica
from desktop_app.sync.bundle import Bundle
from desktop_app.sync.replica import Folded, Key

SHOWN_PROBLEMS = 5


@dataclass
class Summary:
    """What a bundle changes in the upper level's copy of the cell."""

    entries: int = 0  # entries new to the upper level
    people_added: list[dict[str, str]] = field(default_factory=list)
    people_updated: list[dict[str, str]] = field(default_factory=list)
    people_removed: list[dict[str, str]] = field(default_factory=list)
    people_unchanged: int = 0
    events_added: dict[str, int] = field(default_factory=dict)
    events_removed: int = 0
    meetings: dict[str, int] = field(default_factory=dict)
    attendance: dict[str, int] = field(default_factory=dict)
    other: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict[str, str]] = field(default_factory=list)
    moved_in: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, object]:
        return {
            "entries": self.entries,
            "people": {
                "added": len(self.people_added),
                "updated": len(self.people_updated),
                "removed": len(self.people_removed),
                "unchanged": self.people_unchanged,
            },
            "events": sum(self.events_added.values()),
            "meetings": self.meetings,
            "attendance": self.attendance,
            "conflicts": len(self.conflicts),
        }

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "counts": self.counts()}


def _person_line(record: Folded) -> dict[str, str]:
    d = record.data
    status = str(d.get("exit") or d.get("membership") or "candidate")
    return {
        "id": record.id,
        "full_name": str(d.get("full_name", "")),
        "status": STATUS_LABELS.get(status, status),
    }


def _lines(found: Iterable[Folded]) -> list[dict[str, str]]:
    ordered = sorted(found, key=lambda r: str(r.data.get("sort_key", "")))
    return [_person_line(r) for r in ordered]


def summarise(
    cell: UpperCell, found: Bundle, folded: dict[Key, Folded], live_before: int, new: int
) -> Summary:
    ch = replica.changes(folded)
    out = Summary(
        entries=new,
        people_added=_lines(ch.people_added),
        people_updated=_lines(ch.people_updated),
        people_removed=_lines(ch.people_removed),
        people_unchanged=live_before - len(ch.people_updated) - len(ch.people_removed),
        events_added=dict(sorted(ch.events.items())),
        events_removed=ch.events_removed,
        meetings=ch.meetings.to_json(),
        attendance=ch.attendance.to_json(),
        other=dict(sorted(ch.other.items())),
    )
    _elsewhere(out, cell, folded)
    out.warnings = _warnings(cell, found)
    return out


def _elsewhere(out: Summary, cell: UpperCell, folded: dict[Key, Folded]) -> None:
    """People this bundle holds whom another cell holds too (the id travels with a move)."""
    mine = {k[1]: r for k, r in folded.items() if k[0] == "person" and not r.deleted}
    if not mine:
        return
    for other in upper_replica.same_people_elsewhere(cell.id, list(mine)):
        record, there = mine[str(other["id"])], upper.cell_by_id(str(other["cell_id"]))
        where = cell_label(there) if there else "khác"
        line = {**_person_line(record), "other_cell": there.code if there else ""}
        if record.data.get("exit") is None and other["exit"] is None:
            out.conflicts.append(
                {
                    **line,
                    "kind": "person_elsewhere",
                    "text": f"{line['full_name']} cũng đang sinh hoạt ở chi bộ {where} (chưa "
                    "ghi chuyển đi ở đó)",
                }
            )
        elif record.added and other["exit"] == "transferred_out":
            out.moved_in.append({**line, "text": f"{line['full_name']} chuyển từ chi bộ {where}"})
    moved = {line["id"] for line in out.moved_in}  # a move, not a new person
    out.people_added = [line for line in out.people_added if line["id"] not in moved]


def _warnings(cell: UpperCell, found: Bundle) -> list[str]:
    m = found.manifest
    out = []
    if not m.check.get("ok"):
        problems = [
            str(p)
            for key in ("integrity", "foreign_keys", "journal", "replay")
            for p in (m.check.get(key) or [])  # type: ignore[union-attr]
        ]
        shown = "; ".join(problems[:SHOWN_PROBLEMS]) or "không rõ"
        out.append(f"Sổ của chi bộ có vấn đề lúc xuất gói: {shown}")
    if found.renamed:
        out.append(f"Tệp đã được đổi tên (khi ký tên là «{found.signed_name}»); không sao.")
    if cell.name and m.cell_name != cell.name:
        out.append(
            f"Chi bộ đổi tên: «{cell.name}» → «{m.cell_name}»."
            if cell.public_key
            else f"Tên chi bộ trong gói là «{m.cell_name}» (lúc ghi danh cấp trên ghi "
            f"«{cell.name}»)."
        )
    if fold(m.cell_code) != cell.code_key:
        out.append(f"Chi bộ ghi mã «{m.cell_code}», cấp trên ghi danh mã «{cell.code}».")
    if m.schema > migrations.LATEST:
        out.append(
            f"Chi bộ dùng phiên bản mới hơn (lược đồ {m.schema}, bản này đến "
            f"{migrations.LATEST}): những trường chưa biết vẫn được giữ nguyên."
        )
    unknown = sorted({e.entity for e in found.entries} - set(JOURNALLED) - replica.JOURNAL_ONLY)
    if unknown:
        out.append(
            f"Gói có loại bản ghi chương trình này chưa biết: {', '.join(unknown)} (giữ nguyên)."
        )
    return out
