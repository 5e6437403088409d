"""The upper level's Reports page: the figures of every cell that reported, as
``upper_reports.build`` sums them, printed under the upper level's letterhead; no ratings tab
(the cells rate their members)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest

from desktop_app.services import demo_upper, upper_reports
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.ui.pages.form_output import FormOutput
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.upper.reports import UpperReportsPage
from tests.conftest import TODAY
from tests.ui.helpers import run, settle
from tests.ui.test_reports_page import same_figures

YEAR = (dt.date(2026, 1, 1), TODAY)


@pytest.fixture
def upper_runner(qapp, tmp_path):
    demo = demo_upper.create_demo_upper(tmp_path / "mau", kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    runner = TaskRunner()
    runner.adopt(demo.register)
    yield runner
    runner.shutdown()


@pytest.fixture
def page(qtbot, vietnamese, upper_runner) -> UpperReportsPage:
    page = UpperReportsPage(upper_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    settle(upper_runner)
    assert page.view.shown is not None
    return page


def test_the_figures_are_the_upper_levels_sum_over_its_cells(page, upper_runner) -> None:
    report = run(upper_runner, lambda reg: upper_reports.build(reg, "all", *YEAR, today=TODAY))
    same_figures(page, report)
    assert page.tabs.count() == 1 and not page.tabs.tabBar().isVisible()
    assert page.banner.text() == ""
    admitted = [row for title, _h, rows in _shown(page) if "theo chi bộ" in title for row in rows]
    assert admitted, "the per-cell tables are shown"


def _shown(page):
    from tests.ui.test_reports_page import on_screen

    return on_screen(page)


def test_the_pdf_is_the_upper_levels(page, upper_runner, monkeypatch, tmp_path) -> None:
    target = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(FormOutput, "ask_path", classmethod(lambda cls, parent, s: Path(target)))
    page.save_button.click()
    settle(upper_runner)
    assert page.banner.text() == f"Đã lưu: {target}"
    with pdfplumber.open(io.BytesIO(target.read_bytes())) as pdf:
        text = " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())
    assert "T/M ĐẢNG ỦY" in text and "-BC/ĐU" in text and "T/M CHI BỘ" not in text
    assert "theo chi bộ" in text
