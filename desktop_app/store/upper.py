"""Queries about the upper level's workspace: which kind of register this is, its sealed keys,
its cells, quotas, decisions and conflicts (the cells' records are in ``upper_replica``)."""

from __future__ import annotations

from desktop_app.store.models import Meta
from desktop_app.store.upper_models import (
    UpperCell,
    UpperConflict,
    UpperDecision,
    UpperIdentity,
    UpperImport,
    UpperQuota,
    UpperWorkspace,
)

KIND_KEY = "register_kind"
UPPER = "upper"
CELL = "cell"


def register_kind() -> str:
    """``upper`` for an upper level's workspace; ``cell`` for a cell's register (which has
    no such key: registers made before the workspace existed are all cells')."""
    row = Meta.get_or_none(Meta.key == KIND_KEY)
    return row.value if row else CELL


def mark_upper() -> None:
    """Call once, while the workspace is being made (store-internal, like the register id)."""
    Meta.insert(key=KIND_KEY, value=UPPER).execute()


def add_identity(
    key_id: str, upper_id: str, public_key: str, recipient: str, sealed: str, at: str
) -> None:
    UpperIdentity.insert(
        key_id=key_id,
        upper_id=upper_id,
        public_key=public_key,
        recipient=recipient,
        sealed=sealed,
        created_at=at,
    ).execute()


def identity() -> UpperIdentity | None:
    return UpperIdentity.select().order_by(UpperIdentity.created_at).first()


def workspace() -> UpperWorkspace | None:
    return UpperWorkspace.select().where(UpperWorkspace.deleted == False).first()  # noqa: E712


# -- cells ---------------------------------------------------------------------------------------

_LIVE_CELL = UpperCell.deleted == False  # noqa: E712


def cells() -> list[UpperCell]:
    return list(UpperCell.select().where(_LIVE_CELL).order_by(UpperCell.code_key))


def cell_by_id(cell_id: str) -> UpperCell | None:
    return UpperCell.get_or_none((UpperCell.id == cell_id) & _LIVE_CELL)


def cell_by_code(code_key: str) -> UpperCell | None:
    return UpperCell.get_or_none((UpperCell.code_key == code_key) & _LIVE_CELL)


def cell_by_uuid(cell_uuid: str) -> UpperCell | None:
    return UpperCell.get_or_none((UpperCell.cell_uuid == cell_uuid) & _LIVE_CELL)


def last_import(cell_id: str) -> UpperImport | None:
    return (
        UpperImport.select()
        .where((UpperImport.cell == cell_id) & (UpperImport.deleted == False))  # noqa: E712
        .order_by(UpperImport.created_at.desc())
        .first()
    )


# -- quotas, decisions ---------------------------------------------------------------------------


def quota(cell_id: str, year: int) -> UpperQuota | None:
    return UpperQuota.get_or_none(
        (UpperQuota.cell == cell_id) & (UpperQuota.year == year) & (UpperQuota.deleted == False)  # noqa: E712
    )


def quotas(cell_id: str | None = None) -> list[UpperQuota]:
    query = UpperQuota.select().where(UpperQuota.deleted == False)  # noqa: E712
    if cell_id is not None:
        query = query.where(UpperQuota.cell == cell_id)
    return list(query.order_by(UpperQuota.year))


def decision(cell_id: str, person_id: str, kind: str) -> UpperDecision | None:
    return UpperDecision.get_or_none(
        (UpperDecision.cell == cell_id)
        & (UpperDecision.person_id == person_id)
        & (UpperDecision.kind == kind)
        & (UpperDecision.deleted == False)  # noqa: E712
    )


def decisions(cell_id: str | None = None) -> list[UpperDecision]:
    query = UpperDecision.select().where(UpperDecision.deleted == False)  # noqa: E712
    if cell_id is not None:
        query = query.where(UpperDecision.cell == cell_id)
    return list(query.order_by(UpperDecision.date, UpperDecision.created_at))


# -- conflicts -----------------------------------------------------------------------------------


def conflicts(cell_id: str | None = None, *, open_only: bool = True) -> list[UpperConflict]:
    query = UpperConflict.select().where(UpperConflict.deleted == False)  # noqa: E712
    if cell_id is not None:
        query = query.where(UpperConflict.cell == cell_id)
    if open_only:
        query = query.where(UpperConflict.resolved_at.is_null())
    return list(query.order_by(UpperConflict.created_at))


def conflict_by_id(conflict_id: str) -> list[UpperConflict]:
    """The conflict with this id, or those whose id starts with it (typed short)."""
    live = UpperConflict.deleted == False  # noqa: E712
    exact = UpperConflict.get_or_none((UpperConflict.id == conflict_id) & live)
    if exact is not None:
        return [exact]
    return list(UpperConflict.select().where(UpperConflict.id.startswith(conflict_id) & live))
