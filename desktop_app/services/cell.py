"""The cell itself: its name, code, upper level, secretary and address."""

from __future__ import annotations

from desktop_app.domain.errors import NotFoundError, Problem, ValidationError
from desktop_app.domain.names import clean_text
from desktop_app.domain.numbers import vn_int
from desktop_app.services.views import CellView, cell_view
from desktop_app.store import cells, records
from desktop_app.store.database import Register
from desktop_app.store.models import Cell

CELL_FIELDS = {
    "name": ("Tên chi bộ", 200),
    "code": ("Mã chi bộ", 40),
    "upper_level": ("Cấp ủy cấp trên", 200),
    "secretary": ("Bí thư", 100),
    "address": ("Địa chỉ", 300),
}


def check_cell(data: dict[str, object], record: str | None = None) -> dict[str, str]:
    """Cleaned values, or ValidationError naming ``record`` (default: the cell being made)."""
    values = {k: clean_text(str(data.get(k) or "")) for k in CELL_FIELDS}
    problems = [
        Problem(k, label, f"quá dài (tối đa {vn_int(limit)} ký tự)")
        for k, (label, limit) in CELL_FIELDS.items()
        if len(values[k]) > limit
    ]
    problems += [
        Problem(k, CELL_FIELDS[k][0], "không được để trống")
        for k in ("name", "code")
        if not values[k]
    ]
    if problems:
        name = values["name"][:60]
        raise ValidationError(record or (f"Chi bộ «{name}»" if name else "Chi bộ mới"), problems)
    return values


def create_cell(reg: Register, data: dict[str, object]) -> CellView:
    values = check_cell(data)
    with reg.atomic():
        row = records.insert(Cell, values, reg.author)
    return cell_view(row)


def _row() -> Cell:
    row = cells.current()
    if row is None:
        raise NotFoundError("Sổ chưa có thông tin chi bộ.")
    return row


def get_cell(reg: Register) -> CellView:
    return cell_view(_row())


def update_cell(reg: Register, changes: dict[str, object]) -> CellView:
    with reg.atomic():
        row = _row()
        values = check_cell({**cell_view(row).to_json(), **changes}, f"Chi bộ «{row.name}»")
        records.update(row, values, reg.author)
    return cell_view(row)
