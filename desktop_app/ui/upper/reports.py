"""The upper level's Reports page: the cell's Reports page over the figures of every cell that
reported (``services/upper_reports.py``), printed under the upper level's own letterhead. The
yearly ratings are the cells' to record, so that tab is not here."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.domain.reports import Report
from desktop_app.forms.upper_facts import upper_facts
from desktop_app.services import upper_reports
from desktop_app.store.database import Register
from desktop_app.ui.pages.reports import ReportsPage
from desktop_app.ui.tasks import TaskRunner


class UpperReportsPage(ReportsPage):
    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(runner, parent, today=today)
        self.build_report = self._upper_report
        self.letterhead = upper_facts
        self.tabs.removeTab(self.tabs.indexOf(self.ratings))
        self.ratings.hide()
        self.tabs.tabBar().hide()  # one tab left: its name says nothing the heading does not
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the page, not the bar

    def _upper_report(
        self, reg: Register, kinds: list[str], first: dt.date, last: dt.date
    ) -> Report:
        """Every reporting cell's figures, summed (database thread)."""
        return upper_reports.build(reg, kinds, first, last, today=self.today())
