"""The bench suite's machinery (bench/suite.py, report.py, plot.py, generate.py) on tiny sizes:
every item runs and stands beside its floor in the results. No timing is asserted."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from bench import generate, plot, report, suite

TINY = dataclasses.replace(suite.QUICK, name="tiny", people=(40,), rows=(30,), cells=(2,))
LIBREOFFICE_ITEMS = {"dossier", "member_book"}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("bench")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOCHIBO_HOME", str(folder / "home"))
        out = suite.run(TINY, folder / "data", folder / "suite.json")
    saved = json.loads((folder / "suite.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(out))  # what was returned is what was written
    return saved


def _figure_ok(figure: dict | None) -> bool:
    return bool(figure) and figure["median_ms"] > 0 and figure["max_ms"] >= figure["median_ms"]


@pytest.mark.slow
def test_every_item_at_every_size_has_its_figures(results):
    failed = [(r["item"], r["error"]) for r in results["rows"] if "error" in r]
    assert failed == []
    for item in suite.ITEMS:
        sizes = {r["size"] for r in results["rows"] if r["item"] == item.key}
        assert sizes == set(suite.sizes_of(item, TINY)), item.key
    names = {r["name"] for r in results["rows"]}
    assert {"cold start to the first window (the unlock dialog)",
            "search per keystroke, typed until the table is painted",
            "the member dialog opens (edit, filled)", "upper level: the board",
            "upper level: the aggregate report, every section, for 2025",
            "import preview: read, map, convert, validate, duplicates"} <= names  # fmt: skip


@pytest.mark.slow
def test_every_figure_stands_beside_its_floor(results):
    for r in results["rows"]:
        assert _figure_ok(r["ours"]) or r.get("refused"), r["name"]
        assert r["floor_what"], r["name"]
        if r["item"] in LIBREOFFICE_ITEMS and suite.office() is None:
            assert r["floor"] is None and "not installed" in r["floor_missing"]
            continue
        assert _figure_ok(r["floor"]), r["name"]
        assert r["ratio"] == round(r["ours"]["median_ms"] / r["floor"]["median_ms"], 2)


@pytest.mark.slow
def test_each_figure_records_load_memory_and_machine(results):
    machine = results["machine"]
    assert machine["cores"] >= 1 and machine["date"] and machine["memory_gb"]
    assert results["sizes"]["people"] == [40] and results["finished"]
    for r in results["rows"]:
        assert len(r["load_start"]) == 3 and len(r["load_end"]) == 3
        assert r["peak_rss_mb"] > 0, r["name"]
        assert r["unit"] == suite.UNITS[suite.BY_KEY[r["item"]].sizes]


@pytest.mark.slow
def test_the_report_and_the_plot_show_every_row(results, tmp_path):
    text = report.section(results)
    assert text.startswith(report.HEADING)
    for r in results["rows"]:
        assert r["name"] in text
    assert "performance-scale.svg" in text
    plot.main(["--results", str(_write(tmp_path / "r.json", results)),
               "--out", str(tmp_path / "p.svg")])  # fmt: skip
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    ET.fromstring(svg)  # well-formed
    for label in ("The cell register", "The upper level", "time, median (log scale)"):
        assert label in svg
    assert "not measured" not in svg  # both panels have data


def _write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- the parts, without running anything --------------------------------------------------------


def _row(item: str, name: str, ours: float, floor: float | None, **more) -> dict:
    fig = {"median_ms": ours, "max_ms": ours}
    low = {"median_ms": floor, "max_ms": floor} if floor is not None else None
    return {"item": item, "size": 1000, "unit": "people", "load_start": [2.0, 2, 2],
            "load_end": [3.0, 3, 3], "peak_rss_mb": 80.0,
            **suite.row(name, fig, low, "plain SQL", **more)}  # fmt: skip


def test_items_measured_again_stand_beside_the_full_run():
    took = {"median_ms": 16_500.0, "max_ms": 16_500.0}
    refused = {**_row("export", "bundle export", 1, 1400.0),
               **suite.row("bundle export", took, {"median_ms": 1400.0, "max_ms": 1400.0}, "f",
                           refused="too big")}  # fmt: skip
    full = {"rows": [_row("today", "the Today list", 2103.0, 59.0), refused]}
    again = {"started": "2026-12-08 00:10:00", "finished": "2026-12-08 00:20:00",
             "why": "made the Today list faster",
             "rows": [_row("today", "the Today list", 812.0, 61.0),
                      _row("export", "bundle export", 9000.0, 1400.0),
                      _row("dossier", "a dossier", 300.0, 1300.0)]}  # fmt: skip
    lines = report.again_section(full, again)
    text = "\n".join(lines)
    assert "--only today,export,dossier --results bench/results/suite-again.json" in text
    assert "after the changes that made the Today list faster" in text
    assert (
        "| the Today list | 1,000 people | 2,103 ms | 812 ms | 812 ms | 61.0 ms | 13.3× |" in text
    )
    assert (
        "| bundle export | 1,000 people | **refused** after 16.5 s (see the notes) | 9,000 ms"
        in text
    )
    assert "| a dossier | 1,000 people | – | 300 ms |" in text  # not in the full run


def test_row_ratio_and_missing_floor():
    assert suite.row("x", {"median_ms": 30.0}, {"median_ms": 10.0}, "f")["ratio"] == 3.0
    assert suite.row("x", {"median_ms": 30.0}, None, "f")["ratio"] is None
    assert suite.row("x", {"median_ms": 30.0}, {"median_ms": 0.0}, "f")["ratio"] is None
    took = {"median_ms": 30.0, "max_ms": 30.0}
    refused = suite.row("x", took, {"median_ms": 10.0, "max_ms": 10.0}, "f", refused="too big")
    assert refused["ratio"] is None  # a refusal is not a speed
    line = {**_row("export", "x", 1, 1), **refused}
    assert "**refused** after 30.0 ms" in report.table([line])[-1]
    assert "- *x*, 1,000 people: refused by the program: «too big»" in report.notes([line])
    assert report.notes([_row("e", "x", 1, 1)]) == []


def test_report_formats_durations_and_verdicts():
    assert [report.ms(v) for v in (0.0384, 12.34, 1234.0, 61_600.0, 400_000.0)] == [
        "0.038 ms", "12.3 ms", "1,234 ms", "61.6 s", "6.7 min"]  # fmt: skip
    met = _row("search", "s", 12.0, 0.1, target_ms=30, target="≤ 30 ms (issue 2)")
    missed = _row("upper_import", "u", 61_600.0, 19_900.0, target_ms=60_000, target="< 60 s")
    assert report.verdict(met) == "≤ 30 ms (issue 2): met"
    assert report.verdict(missed) == "< 60 s: **missed**"
    assert report.verdict(_row("book", "b", 1.0, 2.0, target="< 2 s for 300")) == "< 2 s for 300"
    lines = report.table([_row("book", "the book", 400.0, None, floor_missing="no soffice")])
    assert "not measured: no soffice" in lines[-1] and "| – |" in lines[-1]
    stopped = _row("book", "the book", 12_000.0, 600_000.0)
    stopped["floor"]["timed_out"] = True
    assert "| > 10.0 min (stopped) | < 0.02× |" in report.table([stopped])[-1]


def test_report_rewrites_only_its_own_section():
    page = "# Performance\n\n## Issue 2\nold figures\n\n## Later\nkept\n"
    first = report.replace_section(page, report.HEADING + "\n\nfigures one\n")
    assert first.endswith("## Later\nkept\n\n" + report.HEADING + "\n\nfigures one\n")
    again = report.replace_section(first, report.HEADING + "\n\nfigures two\n")
    assert again == first.replace("figures one", "figures two")
    middle = page.replace("## Later", report.HEADING + "\n\nold\n\n## Later")
    done = report.replace_section(middle, report.HEADING + "\n\nnew\n")
    assert done == page.replace("## Later", report.HEADING + "\n\nnew\n\n## Later")


def test_plot_reads_only_the_series_rows():
    rows = [_row("today", "the Today list", 10.0, 1.0), _row("today", "other", 5.0, 1.0),
            {"item": "today", "name": "the Today list", "error": "boom", "size": 3000}]  # fmt: skip
    rows.append({**_row("today", "the Today list", 9.0, 1.0), "size": 9000, "refused": "no"})
    series = next(s for s in plot.CELL if s.item == "today")
    assert plot.points(rows, series, "ours") == [(1000.0, 10.0)]
    assert plot.points(rows, series, "floor") == [(1000.0, 1.0)]
    empty = plot.draw({"rows": [], "machine": {}})  # nothing measured: said, not drawn
    assert any("not measured" in getattr(s, "text", "") for g in empty.contents
               for s in getattr(g, "contents", [g]))  # fmt: skip


def test_plot_axes_and_stopped_floors():
    assert plot._size_range([100, 500, 2000]) == (100.0, 2000.0)
    assert plot._size_range([1000, 3000, 10_000]) == (1000.0, 10_000.0)
    assert plot._size_range([40, 80]) == (10.0, 100.0)
    assert plot._steps(100, 2000) == [100, 200, 500, 1000, 2000]
    book = next(s for s in plot.CELL if s.item == "member_book")
    done = _row("member_book", "the 7-HSĐV member book", 1000.0, 9000.0)
    late = {**_row("member_book", "the 7-HSĐV member book", 9000.0, 600_000.0), "size": 10_000}
    late["floor"]["timed_out"] = True
    assert plot.stopped([done, late], book) == [(10_000.0, 600_000.0)]


def test_docx_floor_holds_the_same_text(tmp_path):
    pages = [["NGHỊ QUYẾT", "đề nghị kết nạp <đảng viên> & học tập"], ["Trang 2"]]
    table = suite.Table((7.0, 26.0), ("Số TT", "Họ và tên"), [["1", "Nguyễn Văn An\nSinh 1990"]])
    blocks = [*suite.text_blocks(pages), table]
    path = suite.write_docx(blocks, tmp_path / "6-knd.docx", landscape=True)
    with zipfile.ZipFile(path) as z:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(z.namelist())
        body = ET.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    texts = [t.text for t in body.iter(f"{w}t") if t.text]
    assert texts == [*pages[0], *pages[1], "Số TT", "Họ và tên", "1", "Nguyễn Văn An", "Sinh 1990"]
    assert len([b for b in body.iter(f"{w}br") if b.get(f"{w}type") == "page"]) == 1
    rows = list(body.iter(f"{w}tr"))
    assert len(rows) == 2 and rows[0].find(f"{w}trPr/{w}tblHeader") is not None
    assert body.find(f".//{w}pgSz").get(f"{w}orient") == "landscape"
    with pytest.raises(ValueError):  # a row of the wrong width is refused, not misaligned
        suite.write_docx([suite.Table((7.0,), ("Số TT",), [["1", "2"]])], tmp_path / "x.docx")


def test_member_book_cells_as_text():
    from desktop_app.forms.layout import Value

    assert suite.cell_text(("Sinh ", Value("17/03/1997", "ngày sinh"))) == "Sinh 17/03/1997"
    assert suite.cell_text(Value("", "số thẻ", blank=4)) == "...."
    assert suite.cell_text(("VH: 12/12", "\n", "LL: Sơ cấp")) == "VH: 12/12\nLL: Sơ cấp"


def test_an_unfinished_run_is_taken_up_again(tmp_path):
    path = tmp_path / "suite.json"
    ok, failed = _row("today", "the Today list", 10.0, 1.0), {"item": "search", "error": "x"}
    unfinished = {"sizes": dataclasses.asdict(TINY), "started": "then", "rows": [ok, failed]}
    path.write_text(json.dumps(unfinished), encoding="utf-8")
    again = suite._resumed(path, TINY)
    assert again["rows"] == [ok] and again["started"] == "then" and len(again["resumed"]) == 1
    assert "taken up again with `--resume`" in report._resumed(again)
    assert suite._resumed(path, dataclasses.replace(TINY, people=(50,))) is None  # other sizes
    path.write_text(json.dumps({**unfinished, "finished": "later"}), encoding="utf-8")
    assert suite._resumed(path, TINY) is None  # a finished run is never added to
    assert suite._resumed(tmp_path / "none.json", TINY) is None


def test_bad_choices_are_refused(tmp_path):
    with pytest.raises(SystemExit, match="unknown item nope"):
        suite._only("search,nope")
    with pytest.raises(ValueError, match="at least 20 people"):
        generate.cell(5, tmp_path / "data")
    assert not (tmp_path / "data").exists()  # nothing half-made
    assert suite.plan_of(json.dumps(dataclasses.asdict(TINY))) == TINY
