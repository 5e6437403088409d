"""Bringing a cell's existing list in: open the file, map its columns (remembered for next time),
preview every row with its problems, conversions and duplicates, then write the rows chosen in
one journalled transaction, or nothing at all. The window and ``sochibo import`` call these."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop_app import paths
from desktop_app.domain import import_columns as cols
from desktop_app.domain.dates import PartialDate, add_months
from desktop_app.domain.import_values import (
    CellError,
    is_mark,
    membership_from_dates,
    parse_date,
    parse_id_number,
    parse_membership,
    parse_sex,
)
from desktop_app.domain.legacy_text import convert, detect, dominant_legacy_source
from desktop_app.domain.names import fold
from desktop_app.domain.person import FIELDS
from desktop_app.services import backups, members
from desktop_app.services.sheet_reader import Book, SheetError, read_book
from desktop_app.store.database import Register

TARGETS = {**{k: v.label for k, v in FIELDS.items()}, **cols.TARGET_LABELS}
DATE_FIELDS = ("birth_date", "admission_decision_date", "ceremony_date", "official_date")
FULL_DATES = DATE_FIELDS[1:]
ACTIONS = ("add", "update", "skip")
MAPPINGS_FILE = "import-mappings.json"


# -- the plan: file, sheet, header and columns ----------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    label: str
    target: str | None
    samples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    path: str
    sheet: str
    sheet_names: tuple[str, ...]
    data_start: int  # 0-based row where the people begin
    columns: tuple[Column, ...]
    default_membership: str = "official"
    encoding: str = ""
    remembered: bool = False

    def mapping(self) -> dict[int, str]:
        return {c.index: c.target for c in self.columns if c.target and c.target != cols.ROW_NUMBER}

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path, "sheet": self.sheet, "sheets": list(self.sheet_names),
            "header_rows_end": self.data_start, "encoding": self.encoding,
            "remembered": self.remembered,
            "columns": [
                {"index": c.index, "label": c.label, "target": c.target} for c in self.columns
            ],
        }  # fmt: skip


def open_plan(path: Path | str, sheet: str | None = None) -> Plan:
    """Read the file, find the header and map the columns (the mapping the user chose last
    time for the same headers, else the automatic one)."""
    book = read_book(Path(path), sheet)
    header = cols.find_header(book.sheet.rows)
    if header is None:
        raise SheetError(
            f"«{book.path.name}», trang «{book.sheet.name}»: không tìm thấy dòng tiêu đề có cột "
            "«Họ và tên» trong 30 dòng đầu"
        )
    targets = list(header.targets)
    saved = _remembered().get(signature(header.labels))
    if saved:
        targets = [saved.get(str(i), t) for i, t in enumerate(targets)]
    hint = dominant_legacy_source(header.labels)
    columns = tuple(
        Column(
            i,
            convert(header.labels[i], hint=hint).text,
            targets[i],
            _samples(book, header.data_start, i),
        )
        for i in range(len(header.labels))
        if header.labels[i] or targets[i]
    )
    return Plan(
        str(book.path), book.sheet.name, tuple(book.sheet_names), header.data_start, columns,
        encoding=book.encoding, remembered=bool(saved),
    )  # fmt: skip


def _samples(book: Book, start: int, index: int) -> tuple[str, ...]:
    """The first values of a column as the spreadsheet shows them (1965, not 1965.0)."""
    values = [
        r[index] for r in book.sheet.rows[start:] if index < len(r) and r[index] not in ("", None)
    ]
    return tuple(_shown(v) for v in values[:3])


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return convert(str(value)).text


def signature(labels: tuple[str, ...] | list[str]) -> str:
    return "|".join(cols.header_key(label) for label in labels)


def with_mapping(plan: Plan, mapping: dict[int, str | None], default: str | None = None) -> Plan:
    """The plan with some columns mapped by the user (None: not imported)."""
    unknown = {t for t in mapping.values() if t} - set(TARGETS) - {cols.ROW_NUMBER}
    if unknown:
        raise SheetError(f"Không có trường {', '.join(sorted(unknown))} để nhập")
    columns = tuple(replace(c, target=mapping.get(c.index, c.target)) for c in plan.columns)
    return replace(plan, columns=columns, default_membership=default or plan.default_membership)


def _mappings_path() -> Path:
    return paths.data_dir() / MAPPINGS_FILE


def _remembered() -> dict[str, dict[str, str | None]]:
    try:
        return json.loads(_mappings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def remember(plan: Plan) -> None:
    """Keep the mapping for the next file with the same headers (a machine preference, like
    the window's size: written beside the registers, never into one)."""
    saved = _remembered()
    key = signature(_full_labels(plan))
    saved[key] = {str(c.index): c.target for c in plan.columns}
    target = _mappings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)


def _full_labels(plan: Plan) -> list[str]:
    width = max((c.index for c in plan.columns), default=-1) + 1
    labels = [""] * width
    for c in plan.columns:
        labels[c.index] = c.label
    return labels


# -- the preview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conversion:
    field: str
    source: str
    before: str
    after: str


@dataclass(frozen=True)
class RowPreview:
    number: int  # as the spreadsheet shows it (1-based)
    values: dict[str, object]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    matches: tuple[tuple[str, str, str], ...] = ()  # (id, name, why) in the register
    same_as_row: int | None = None  # an earlier row of the file
    same_id_number: bool = False  # in the register: can be updated or skipped, never added
    same_id_in_file: bool = False  # as an earlier row: only skipped

    @property
    def name(self) -> str:
        return str(self.values.get("full_name") or "")

    @property
    def default_action(self) -> str:
        if self.errors or self.same_as_row is not None:
            return "skip"
        if self.same_id_number:
            return "update"
        return "skip" if self.matches else "add"

    def allowed(self) -> tuple[str, ...]:
        if self.errors or self.same_id_in_file:
            return ("skip",)
        if self.same_id_number:
            return ("update", "skip")
        return ACTIONS if self.matches else ("add", "skip")

    def to_json(self) -> dict[str, object]:
        return {
            "row": self.number, "full_name": self.name, "values": self.values,
            "errors": list(self.errors), "warnings": list(self.warnings),
            "conversions": [c.__dict__ for c in self.conversions],
            "duplicates": [{"id": i, "full_name": n, "why": w} for i, n, w in self.matches],
            "same_as_row": self.same_as_row, "action": self.default_action,
        }  # fmt: skip


@dataclass(frozen=True)
class Preview:
    plan: Plan
    rows: list[RowPreview]

    def counts(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            "errors": sum(1 for r in self.rows if r.errors),
            "warnings": sum(1 for r in self.rows if r.warnings),
            "converted": sum(1 for r in self.rows if r.conversions),
            "duplicates": sum(1 for r in self.rows if r.matches or r.same_as_row is not None),
        }


def preview(reg: Register, plan: Plan, today: dt.date | None = None) -> Preview:
    """Every row of the sheet as it would be written, with what is wrong (errors block the row),
    what is odd, what was converted, and who it may already be. Nothing is written."""
    today = today or dt.date.today()
    book = read_book(Path(plan.path), plan.sheet)
    mapping = plan.mapping()
    rows: list[RowPreview] = []
    seen: dict[tuple[str, str], int] = {}
    index = members.DuplicateIndex()
    body = book.sheet.rows[plan.data_start :]
    hints = _column_hints(body, mapping)
    for offset, raw in enumerate(body):
        if not any(v not in (None, "") for v in raw):
            continue  # a blank row
        number = plan.data_start + offset + 1
        row = _row(number, raw, mapping, plan.default_membership, today, hints)
        if row is None:
            continue  # a footer: no name at all
        rows.append(_with_duplicates(row, seen, index))
    return Preview(plan, rows)


def _column_hints(rows: list[list[object]], mapping: dict[int, str]) -> dict[str, str]:
    """For a column whose accented cells are mostly in one legacy encoding, that encoding: it
    settles the short cells (a given name alone) that read as Vietnamese either way."""
    hints = {}
    for index, target in mapping.items():
        if _typed(target):
            continue
        cells = [str(r[index]) for r in rows if index < len(r) and isinstance(r[index], str)]
        accented = [c for c in cells if not c.isascii()]
        legacy = dominant_legacy_source(accented)
        if legacy and sum(detect(c) == legacy for c in accented) * 2 > len(accented):
            hints[target] = legacy
    return hints


def _cell(raw: list[object], index: int, target: str) -> object:
    """The raw cell; typed cells (dates, sex, status) typed in a legacy font read as Unicode."""
    value = raw[index] if index < len(raw) else None
    if isinstance(value, str) and _typed(target):
        return convert(value).text
    return value


def _row(number, raw, mapping, default, today, hints) -> RowPreview | None:
    cells = {t: _cell(raw, i, t) for i, t in mapping.items()}
    conversions: list[Conversion] = []
    errors: list[str] = []
    warnings: list[str] = []
    text = {t: _text(t, v, conversions, hints.get(t)) for t, v in cells.items() if not _typed(t)}
    name = text.get("full_name") or " ".join(
        p for p in (text.get(cols.FAMILY, ""), text.get(cols.GIVEN, "")) if p
    )
    if not name and not any(v not in (None, "") for t, v in cells.items() if t != "notes"):
        return None
    data: dict[str, object] = {k: v for k, v in text.items() if k in FIELDS}
    data["full_name"] = name
    dates = _dates(cells, data, errors, today)
    data["sex"] = _sex(cells, data, dates, errors)
    data["id_number"] = parse_id_number(cells.get("id_number")) or None
    data["party_card_number"] = parse_id_number(cells.get("party_card_number"))
    status = _membership(cells, dates, default, errors, warnings, today)
    data["membership"] = status
    checked = members.check(data, today)
    errors += [f"{p.label}: {p.message}" for p in checked.problems]
    warnings += [f"{p.label}: {p.message}" for p in checked.warnings]
    values = {k: v for k, v in checked.values.items() if v not in ("", None)}
    return RowPreview(number, values, tuple(errors), tuple(warnings), tuple(conversions))


def _typed(target: str) -> bool:
    """Targets read from the raw cell, not as text."""
    return target in (*DATE_FIELDS, "id_number", "party_card_number", "sex", "membership",
                      cols.MALE_MARK, cols.FEMALE_MARK)  # fmt: skip


def _text(target: str, value: object, conversions: list[Conversion], hint: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value).strip()
    done = convert(raw, hint=hint)
    if done.changed:
        conversions.append(Conversion(target, done.source, raw, done.text))
    return done.text


def _dates(cells, data, errors, today) -> dict[str, PartialDate | None]:
    found: dict[str, PartialDate | None] = {}
    for target in DATE_FIELDS:
        try:
            value = parse_date(cells.get(target), today)
        except CellError as exc:
            errors.append(f"{TARGETS[target]}: {exc}")
            value = None
        if value is not None and target in FULL_DATES and not value.is_full:
            errors.append(f"{TARGETS[target]}: «{value.vn()}» cần đủ ngày, tháng, năm")
            value = None
        found[target] = value
        data[target] = value.iso() if value else None
    return found


def _sex(cells, data, dates, errors) -> str:
    try:
        if cells.get("sex") not in (None, ""):
            return parse_sex(cells["sex"])
    except CellError as exc:
        errors.append(f"{TARGETS['sex']}: {exc}")
        return ""
    male, female = cells.get(cols.MALE_MARK), cells.get(cols.FEMALE_MARK)
    marked = [s for s, v in (("male", male), ("female", female)) if is_mark(v)]
    if len(marked) == 2:
        errors.append("Giới tính: đánh dấu cả cột Nam và cột Nữ")
        return ""
    mark = male if marked and marked[0] == "male" else female
    year = fold(str(int(mark) if isinstance(mark, float) else mark or "")).strip()
    if marked and dates.get("birth_date") is None and year.isdigit():
        data["birth_date"] = year  # the old books put the year of birth under Nam or Nữ
    return marked[0] if marked else ""


def _membership(cells, dates, default, errors, warnings, today) -> str:
    try:
        given = parse_membership(cells.get("membership"))
    except CellError as exc:
        errors.append(f"{TARGETS['membership']}: {exc}")
        given = ""
    ceremony, official = dates.get("ceremony_date"), dates.get("official_date")
    found = membership_from_dates(ceremony, official, given, default)
    typed = any(cells.get(t) not in (None, "") for t in ("ceremony_date", "official_date"))
    if found.warning and not typed:  # a date that was refused has its own error
        warnings.append(found.warning)
    if found.status == "probationary" and ceremony is not None and official is None:
        months = members.probation_months(ceremony.earliest())
        if ceremony.earliest() <= add_months(today, -months - 1):
            warnings.append(
                f"Ngày vào Đảng {ceremony.vn()} đã quá {months} tháng mà chưa có ngày chính "
                "thức: kiểm tra lại (thiếu cột hay thiếu ngày)"
            )
    return found.status


def _with_duplicates(
    row: RowPreview, seen: dict[tuple[str, str], int], index: members.DuplicateIndex
) -> RowPreview:
    if row.errors:
        return row
    keys = [("name", f"{fold(row.name)}|{row.values.get('birth_date', '')}")]
    if row.values.get("id_number"):
        keys.append(("id", str(row.values["id_number"])))
    earlier = next((seen[k] for k in keys if k in seen), None)
    id_in_file = len(keys) == 2 and keys[1] in seen
    for key in keys:
        seen.setdefault(key, row.number)
    matches = tuple(members.find_duplicates(row.values, index=index))
    same_id = any(why.startswith("cùng số định danh") for _, _, why in matches)
    return replace(
        row, matches=matches, same_as_row=earlier, same_id_number=same_id,
        same_id_in_file=id_in_file,
    )  # fmt: skip


# -- writing ------------------------------------------------------------------------------


@dataclass
class Summary:
    added: list[tuple[int, str]] = field(default_factory=list)
    updated: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "added": [{"row": r, "full_name": n} for r, n in self.added],
            "updated": [{"row": r, "full_name": n} for r, n in self.updated],
            "skipped": [{"row": r, "full_name": n, "reason": w} for r, n, w in self.skipped],
            "totals": {"added": len(self.added), "updated": len(self.updated),
                       "skipped": len(self.skipped)},
        }  # fmt: skip

    def to_text(self) -> str:
        lines = [
            f"Đã thêm {len(self.added)} người, cập nhật {len(self.updated)}, "
            f"bỏ qua {len(self.skipped)}."
        ]
        lines += [f"Dòng {r}: thêm {n}" for r, n in self.added]
        lines += [f"Dòng {r}: cập nhật {n}" for r, n in self.updated]
        lines += [f"Dòng {r}: bỏ qua {n or '(không tên)'}: {w}" for r, n, w in self.skipped]
        return "\n".join(lines)


def apply(
    reg: Register,
    result: Preview,
    choices: dict[int, str] | None = None,
    today: dt.date | None = None,
) -> Summary:
    """Write the rows as chosen (default: each row's own default) in one transaction: all of
    them or, if anything fails, none. A verified backup is taken first."""
    choices = choices or {}
    summary = Summary()
    backups.backup_before(reg, "truoc-nhap")
    with reg.atomic():
        for row in result.rows:
            action = choices.get(row.number, row.default_action)
            if action not in row.allowed():
                raise SheetError(f"Dòng {row.number} ({row.name}): không thể «{action}»")
            _write(reg, row, action, summary, today)
    return summary


def _write(reg, row: RowPreview, action: str, summary: Summary, today) -> None:
    if action == "skip":
        summary.skipped.append((row.number, row.name, _why_skipped(row)))
    elif action == "update":
        target = row.matches[0][0]
        current = members.get_person(reg, target)
        changes = {k: v for k, v in row.values.items() if k in members.EDITABLE}
        members.update_person(reg, target, changes, expected_version=current.version, today=today)
        summary.updated.append((row.number, row.name))
    else:
        confirmed = bool(row.matches) or row.same_as_row is not None  # the user said: another
        members.add_person(reg, row.values, allow_duplicate=confirmed, today=today)
        summary.added.append((row.number, row.name))


def _why_skipped(row: RowPreview) -> str:
    if row.errors:
        return "; ".join(row.errors)
    if row.same_as_row is not None:
        return f"trùng với dòng {row.same_as_row} trong tệp"
    if row.matches:
        return "đã có trong sổ: " + "; ".join(f"{n} ({w})" for _, n, w in row.matches)
    return "người dùng chọn bỏ qua"
