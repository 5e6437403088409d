"""Add a non-member to the sympathisers' list (danh sách cảm tình Đảng): the person form of the
members page, without the Party dates a candidate cannot have yet, plus the day the cell put
them on the list. The person and the first step are written together, in one transaction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import development
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.member_dialog import FIELD_GROUPS, MemberDialog, group_title
from desktop_app.ui.dialogs.write_dialog import date_error
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import FieldMessage

_PARTY_GROUP = FIELD_GROUPS[1][0]


class CandidateDialog(MemberDialog):
    """``saved`` is the new candidate's PersonView."""

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, today: dt.date | None = None
    ):
        self._pool_today = today or dt.date.today()
        super().__init__(runner, None, parent)
        self.setWindowTitle(self.tr("Add a candidate to the sympathisers' list"))

    @classmethod
    def ask(  # type: ignore[override]
        cls, runner: TaskRunner, parent: QWidget | None = None
    ) -> PersonView | None:
        dialog = cls(runner, parent)
        return dialog.saved if dialog.exec() == MemberDialog.DialogCode.Accepted else None

    def _build(self) -> None:
        super()._build()
        for box in self.form.findChildren(QGroupBox):
            if box.title() == group_title(_PARTY_GROUP):
                box.hide()  # a candidate has no Party dates yet
        right = self.form.layout().itemAt(1).layout()
        assert isinstance(right, QBoxLayout)
        right.insertWidget(0, self._pool_group())

    def _pool_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sympathisers' list"), self.form)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        cell = QWidget(box)
        rows = QVBoxLayout(cell)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        self.pool_date = DateEdit(parent=cell)
        self.pool_date.set_date(self._pool_today)
        self.pool_message = FieldMessage(cell)
        rows.addWidget(self.pool_date)
        rows.addWidget(self.pool_message)
        self.pool_reference = QLineEdit(box)
        self.pool_reference.setPlaceholderText(self.tr("e.g. 05-NQ/CB (leave empty if none)"))
        form.addRow(self.tr("Put on the list on"), cell)
        form.addRow(self.tr("Resolution no."), self.pool_reference)
        self.pool_date.textChanged.connect(self._pool_changed)
        self.pool_reference.textChanged.connect(self._pool_changed)
        return box

    def data(self) -> dict[str, object]:
        return {**super().data(), "membership": "candidate"}

    def _pool_changed(self) -> None:
        self.banner.clear_message()
        self._revalidate()

    def _revalidate(self, extra: list | None = None) -> None:
        super()._revalidate(extra)
        if not hasattr(self, "pool_date"):
            return
        error = date_error(self.pool_date)
        self.pool_message.show_messages([error] if error else [], [])
        if error:
            self.save_button.setEnabled(False)

    def _save(self, allow_duplicate: bool = False) -> None:
        if date_error(self.pool_date):
            return
        super()._save(allow_duplicate)

    def _save_work(self, allow_duplicate: bool) -> Work:
        data, pool_date = self.data(), self.pool_date.date()
        reference = self.pool_reference.text()
        assert pool_date is not None
        return lambda reg: development.add_candidate(
            reg, data, pool_date=pool_date, reference=reference, allow_duplicate=allow_duplicate
        )
