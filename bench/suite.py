"""The bench at scale, every figure beside its floor measured in the same run (issue 10):
``python -m bench.suite [--quick] [--only search,today] [--data DIR] [--results FILE]``.

The registers come from ``bench.generate`` (cached). Each item runs at each of its sizes in a
fresh process (``--child``), so one item's caches never help the next and its peak memory is
its own (Linux: VmHWM, started afresh once the register is open, so the Argon2id unlock is left
out); the load average is read before and after each. Results go to
bench/results/suite.json (``--quick``: suite-quick.json); ``bench.report`` writes them into
docs/performance.md and ``bench.plot`` draws cost against size.

The items and their floors:

* cold start (a subprocess to the first window and to the main window) / an empty PySide6
  window started the same way;
* search per keystroke (the service, and typed until the table is painted) / the same FTS5
  query in plain SQL on the same encrypted register;
* opening a member (the detail filled and painted; the edit dialog) / the person and events
  read by plain SQL; an empty dialog shown;
* the Today list / the same people, events and roll-call lines read by plain SQL;
* a candidate's dossier PDFs and the 7-HSĐV book / LibreOffice turning a .docx of the same
  content into PDF (each form's text page by page; the book's title and tables cell by cell),
  a fresh ``soffice --headless`` each time, as a secretary would;
* import of a list (preview; the journalled import) / the same sheet read by python-calamine;
  the same rows (people and journal) inserted by plain SQL;
* bundle export of the cell / the journal read by plain SQL and written to a file, fsynced;
* the upper level's import of all bundles / the same rows by plain SQL (``bench_upper``);
* reports: the upper level's board and its aggregate report over the imported workspace, the
  cell's full report for a year / the same rows read by plain SQL.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import html
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import generate
from bench.common import DATA, PASSPHRASE, RESULTS, machine

ROOT = Path(__file__).resolve().parents[1]
TODAY = generate.TODAY
YEAR = (f"{TODAY.year - 1}-01-01", f"{TODAY.year - 1}-12-31")  # the last whole year


@dataclass(frozen=True)
class Plan:
    name: str
    people: tuple[int, ...]  # cell registers (the last is the one measured everywhere)
    rows: tuple[int, ...]  # import sheets
    cells: tuple[int, ...]  # upper levels
    cell_people: int  # people per cell at the upper level
    cell_lines: int  # attendance lines per cell
    repeat: int  # timed runs of a fast figure
    slow: int  # timed runs of a slow one (PDFs, LibreOffice, imports, cold starts)
    issue_rows: int = 5000  # the import size the issue's targets are for


FULL = Plan(
    "full",
    (1000, 3000, 10_000),
    (1000, 3000, 5000, 10_000),
    (100, 500, 2000),
    generate.CELL_PEOPLE,
    generate.CELL_LINES,
    repeat=20,
    slow=3,
)
QUICK = Plan("quick", (40, 80), (40, 80), (2, 4), 20, 30, repeat=3, slow=1)


@dataclass(frozen=True)
class Context:
    plan: Plan
    size: int
    data: Path
    work: Path  # a private temporary folder

    @property
    def register(self) -> Path:
        return generate.cell_path(self.size, self.data)


# -- figures ------------------------------------------------------------------------------------


def figure(runs_ms: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(runs_ms), 3), "max_ms": round(max(runs_ms), 3)}


def once_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def runs(fn: Callable[[], object], repeat: int, warmup: int = 0) -> dict[str, float]:
    for _ in range(warmup):
        fn()
    return figure([once_ms(fn) for _ in range(repeat)])


def row(name: str, ours: dict, floor: dict | None, floor_what: str, **more: object) -> dict:
    """One line of the table: our figure, its floor and their ratio (``more``: target_ms,
    target, note, floor_missing, extra)."""
    ratio = None
    if floor and floor["median_ms"] > 0 and not more.get("refused"):
        ratio = round(ours["median_ms"] / floor["median_ms"], 2)
    return {
        "name": name,
        "ours": ours,
        "floor": floor,
        "floor_what": floor_what,
        "ratio": ratio,
        **more,
    }


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def peak_reset() -> None:
    """Start the peak resident memory afresh (Linux: after the Argon2id unlock, say)."""
    with contextlib.suppress(OSError):  # elsewhere the peak stays the whole process's
        Path("/proc/self/clear_refs").write_text("5")


def peak_mb() -> float:
    """The peak resident memory since ``peak_reset`` (VmHWM), or the process's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return _peak_mb()


def opened(path: Path):
    """The register at ``path``, open, the peak memory counted from here."""
    from desktop_app.store.database import Register

    reg = Register.open(path, PASSPHRASE)
    peak_reset()
    return reg


# -- cold start and the window (subprocesses, as bench_window) --------------------------------


def _gui_env(ctx: Context) -> dict[str, str]:
    return {
        "BENCH_REGISTER": str(ctx.register),
        "BENCH_PASSPHRASE": PASSPHRASE,
        "BENCH_PEOPLE": str(ctx.size),
        "SOCHIBO_HOME": str(ctx.work / "home"),
    }


_KEEP = "app.setQuitOnLastWindowClosed(False)  # the bench's start script only\n"


def _started(bench_window, env: dict[str, str], tries: int) -> tuple[dict, int, bool]:
    """One start of the program to its Members list: (marks, starts that ended before the
    main window showed, whether the application had to be kept alive). After ``tries`` such
    endings the start script keeps the application alive across the moment no window shows
    (``setQuitOnLastWindowClosed(False)``), which changes no timing: counted and said."""
    for ended in range(tries):
        try:
            return bench_window._spawn(bench_window.OURS, env), ended, False
        except IndexError:  # it printed nothing: it ended before the Members list showed
            continue
    kept = bench_window.OURS.replace(
        "app, settings = create_application()\n",
        "app, settings = create_application()\n" + _KEEP,
    )
    assert _KEEP in kept, "bench_window.OURS changed: the start script needs looking at"
    try:
        return bench_window._spawn(kept, env), tries, True
    except IndexError:
        raise RuntimeError(
            "the program ended before its main window and Members list showed, even kept "
            "alive (passphrase submitted at once, offscreen)"
        ) from None


TYPING_MS = 1500  # a person types the passphrase: what the window does meanwhile is hidden


def cold_start(ctx: Context) -> list[dict]:
    from bench import bench_window

    compileall.compile_dir(ROOT / "desktop_app", quiet=1)  # as installed: bytecode made once
    env = _gui_env(ctx)
    floors, ours, typed, early, kept = [], [], [], 0, 0
    for _ in range(2 * ctx.plan.slow - 1):  # alternated, so all see the same load
        floors.append(bench_window._spawn(bench_window.FLOOR, env)["first_window"])
        marks, ended, alive = _started(bench_window, env, tries=2)
        ours.append(marks)
        early, kept = early + ended, kept + alive
        later = {**env, "BENCH_TYPING_MS": str(TYPING_MS)}
        typed.append(_started(bench_window, later, tries=2)[0])
    floor = figure(floors)
    what = "an empty PySide6 window (1280 × 800) started the same way"
    peak = {"peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN)}  # the program's own process
    more = dict(peak)
    if early:
        more["note"] = (
            f"{early} of {early + len(ours)} starts ended right after the passphrase, before "
            "the main window showed (the application quit when the unlock dialog closed: no "
            f"window was left); {kept} of the {len(ours)} starts measured were kept alive "
            "across that moment by the bench's start script"
        )
    return [
        row(
            "cold start to the first window (the unlock dialog)",
            figure([o["first_window"] for o in ours]),
            floor,
            what,
            target_ms=1000,
            target="≤ 1 s (issue 2)",
            **more,
        ),
        row(
            "cold start to the main window (passphrase submitted at once; Argon2id 64 MiB)",
            figure([o["main_window"] for o in ours]),
            floor,
            what,
            target_ms=1000,
            target="≤ 1 s (issue 2)",
            **peak,
        ),
        row(
            "… and the Members list showing every person",
            figure([o["members_listed"] for o in ours]),
            floor,
            what,
            **peak,
        ),
        row(
            f"the main window after Enter, the passphrase typed for {TYPING_MS / 1000:.1f} s "
            "(from Enter)",
            figure([o["main_window"] - o["unlock_clicked"] for o in typed]),
            floor,
            what,
            **peak,
        ),
    ]


# -- the cell register ---------------------------------------------------------------------------

SEARCH_FLOOR = (
    "SELECT p.id FROM person_search s JOIN person p ON p.rowid = s.rowid "
    "WHERE person_search MATCH ? AND p.deleted = 0"
)


def _keystroke_floor(reg, words: list[str], repeat: int) -> dict[str, float]:
    from desktop_app.domain.names import fts_query

    typed = [w[:i] for w in words for i in range(1, len(w) + 1)]
    queries = [fts_query(t) for t in typed]
    medians = [
        runs(lambda m=m: reg.db.execute_sql(SEARCH_FLOOR, (m,)).fetchall(), repeat, 1)
        for m in queries
    ]
    return {
        "median_ms": round(statistics.mean(m["median_ms"] for m in medians), 3),
        "max_ms": max(m["max_ms"] for m in medians),
    }


def search(ctx: Context) -> list[dict]:
    from bench import bench_search, bench_window
    from desktop_app.services import members

    with opened(ctx.register) as reg:
        ours = [
            runs(lambda t=t: members.search_ids(reg, t), ctx.plan.repeat, 2)
            for t in bench_search.TYPED
        ]
        service = {
            "median_ms": round(statistics.mean(o["median_ms"] for o in ours), 3),
            "max_ms": max(o["max_ms"] for o in ours),
        }
        floor = _keystroke_floor(reg, bench_search.TYPED, ctx.plan.repeat)
        out = [
            row(
                "search per keystroke, database thread",
                service,
                floor,
                "the same FTS5 query in plain SQL, same register",
                detail=f"mean over {len(bench_search.TYPED)} typed prefixes",
                target_ms=30,
                target="≤ 30 ms (issue 2)",
            )
        ]
        if ctx.size != ctx.plan.people[-1]:
            return out
        words = ["nguyen thi ha", "Nguyễn Thị Hà", "tran"]
        gui_floor = _keystroke_floor(reg, words, ctx.plan.repeat)
    typed = bench_window._spawn(bench_window.KEYSTROKES, _gui_env(ctx))
    gui = {
        "median_ms": round(statistics.mean(typed[f"{w} median"] for w in words), 3),
        "max_ms": max(typed[f"{w} max"] for w in words),
    }
    out.append(
        row(
            "search per keystroke, typed until the table is painted",
            gui,
            gui_floor,
            "the same FTS5 queries in plain SQL",
            target_ms=30,
            target="≤ 30 ms (issue 2)",
            extra=typed,
            peak_rss_mb=_peak_mb(resource.RUSAGE_CHILDREN),  # the Members page's process
        )
    )
    return out


PERSON_FLOOR = (
    "SELECT * FROM person WHERE id = ?",
    "SELECT * FROM person_event WHERE person_id = ? AND deleted = 0 ORDER BY date",
)


def open_member(ctx: Context) -> list[dict]:
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop_app.services import members
    from desktop_app.ui.dialogs.member_dialog import MemberDialog
    from desktop_app.ui.pages.member_detail import MemberDetail
    from desktop_app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    detail = MemberDetail(runner)
    detail.resize(1010, 760)
    detail.show()
    with opened(ctx.register) as reg:
        everyone = members.list_people(reg)
        chosen = everyone[:: max(1, len(everyone) // 30)][:30]

        def show(pid: str) -> None:
            detail.show_person(members.get_person(reg, pid), members.list_events(reg, pid))
            app.processEvents()

        def plain(pid: str) -> None:
            for sql in PERSON_FLOOR:
                reg.db.execute_sql(sql, (pid,)).fetchall()

        def dialog(person) -> None:
            d = MemberDialog(runner, person)
            d.show()
            app.processEvents()
            d.close()
            d.deleteLater()

        def empty() -> None:
            d = QDialog()
            d.show()
            app.processEvents()
            d.close()
            d.deleteLater()

        rounds = max(1, ctx.plan.slow - 1)
        shown = figure([once_ms(lambda p=p.id: show(p)) for _ in range(rounds) for p in chosen])
        floor = figure([once_ms(lambda p=p.id: plain(p)) for _ in range(rounds) for p in chosen])
        dialog(chosen[0])  # the first dialog builds the combo boxes' catalogues
        edits = figure([once_ms(lambda p=p: dialog(p)) for p in chosen])
        empties = figure([once_ms(empty) for _ in chosen])
    runner.shutdown()
    return [
        row(
            "opening a member: read, detail filled and painted",
            shown,
            floor,
            "the person and their events read by plain SQL",
            detail=f"{len(chosen)} people",
        ),
        row(
            "the member dialog opens (edit, filled)",
            edits,
            empties,
            "an empty QDialog shown the same way",
            target_ms=100,
            target="≤ 100 ms (issue 2)",
        ),
    ]


TODAY_FLOOR = (
    "SELECT p.*, e.* FROM person p LEFT JOIN person_event e ON e.person_id = p.id "
    "WHERE p.deleted = 0 AND p.exit IS NULL AND p.membership IN ('candidate', 'probationary')",
    "SELECT m.id, m.date, m.kind, a.person_id, a.status FROM meeting m "
    "LEFT JOIN attendance a ON a.meeting_id = m.id AND a.deleted = 0 "
    "WHERE m.deleted = 0 AND m.date >= ?",
)


def today_list(ctx: Context) -> list[dict]:
    from desktop_app.services import today

    def plain(reg) -> None:
        reg.db.execute_sql(TODAY_FLOOR[0]).fetchall()
        reg.db.execute_sql(TODAY_FLOOR[1], (f"{TODAY.year}-01-01",)).fetchall()

    with opened(ctx.register) as reg:
        items = len(today.todo(reg, TODAY))
        ours = runs(lambda: today.todo(reg, TODAY), min(ctx.plan.repeat, 5), 1)
        floor = runs(lambda: plain(reg), min(ctx.plan.repeat, 5), 1)
    return [
        row(
            "the Today list (deadlines and meeting warnings)",
            ours,
            floor,
            "the people in development with their events, and this year's roll-call "
            "lines, by plain SQL",
            extra={"items": items},
        )
    ]


REPORT_FLOOR = (
    ("SELECT * FROM person WHERE deleted = 0", ()),
    ("SELECT * FROM person_event WHERE deleted = 0", ()),
    (
        "SELECT m.*, a.* FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id "
        "AND a.deleted = 0 WHERE m.deleted = 0 AND m.date BETWEEN ? AND ?",
        YEAR,
    ),
    ("SELECT * FROM rating WHERE deleted = 0 AND year = ?", (TODAY.year - 1,)),
    ("SELECT * FROM admission_quota WHERE deleted = 0", ()),
)


def cell_report(ctx: Context) -> list[dict]:
    import datetime as dt

    from desktop_app.services import reports

    first, last = (dt.date.fromisoformat(d) for d in YEAR)
    with opened(ctx.register) as reg:
        build = lambda: reports.build(reg, "all", first, last, today=TODAY)  # noqa: E731
        ours = runs(build, min(ctx.plan.repeat, 5), 1)
        floor = runs(
            lambda: [reg.db.execute_sql(s, a).fetchall() for s, a in REPORT_FLOOR],
            min(ctx.plan.repeat, 5),
            1,
        )
    return [
        row(
            f"the cell's report, every section, for {TODAY.year - 1}",
            ours,
            floor,
            "the people, events, the year's meetings with their roll calls, ratings and "
            "quotas read by plain SQL",
        )
    ]


# -- printed forms beside LibreOffice ----------------------------------------------------------


def pdf_text(pdf: bytes) -> list[list[str]]:
    """The text of each page, line by line (what a .docx of the same form would hold)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    pages = []
    for page in doc:
        text = page.get_textpage().get_text_range()
        pages.append([line.strip() for line in text.splitlines() if line.strip()])
    return pages


@dataclass(frozen=True)
class Table:
    """A table for the .docx: column widths in mm, the header, rows of cell texts ("\n"
    between the lines of a cell)."""

    widths_mm: tuple[float, ...]
    header: tuple[str, ...]
    rows: list[list[str]]


PAGE_BREAK = "\f"
Block = str | Table  # a paragraph, PAGE_BREAK, or a table


def text_blocks(pages: list[list[str]]) -> list[Block]:
    """Each page's lines as paragraphs, a page break between pages."""
    out: list[Block] = []
    for number, lines in enumerate(pages):
        out += ([PAGE_BREAK] if number else []) + lines
    return out


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _para(text: str, size: int = 26) -> str:
    """A paragraph in Times New Roman (``size`` in half-points: 26 is 13 pt)."""
    run = (
        f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        f'<w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">'
        f"{html.escape(text, quote=False)}</w:t></w:r>"
    )
    return f"<w:p>{run}</w:p>"


def _cell(text: str, twips: int) -> str:
    paragraphs = "".join(_para(line, 20) for line in text.split("\n")) or _para("", 20)
    return f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'


def _table(t: Table) -> str:
    twips = [round(mm * 56.7) for mm in t.widths_mm]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    head = "".join(_cell(text, w) for text, w in zip(t.header, twips, strict=True))
    body = "".join(
        "<w:tr>" + "".join(_cell(text, w) for text, w in zip(r, twips, strict=True)) + "</w:tr>"
        for r in t.rows
    )
    return (
        f'<w:tbl><w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>{body}</w:tbl>"
    )


def write_docx(blocks: list[Block], path: Path, landscape: bool = False) -> Path:
    """A minimal .docx (WordprocessingML) of ``blocks``: paragraphs in Times New Roman 13,
    tables in 10 pt with rules and the header repeated on each page, A4 with the forms'
    margins."""
    body = []
    for block in blocks:
        if isinstance(block, Table):
            body.append(_table(block) + _para(""))
        elif block == PAGE_BREAK:
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        else:
            body.append(_para(block))
    size = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape
            else '<w:pgSz w:w="11906" w:h="16838"/>')  # fmt: skip
    section = (
        f'<w:sectPr>{size}<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134"/>'
        "</w:sectPr>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
        f"{''.join(body)}{section}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", document)
    return path


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


OFFICE_LIMIT_S = 600  # the longest a LibreOffice conversion is waited for


def _run_group(command: list[str], limit_s: float) -> None:
    """Run ``command`` in a session of its own; past ``limit_s`` the whole group is killed
    (soffice is a script starting oosplash starting soffice.bin)."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    try:
        _out, err = proc.communicate(timeout=limit_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    if proc.returncode:
        raise RuntimeError(f"soffice failed ({proc.returncode}): {err.decode()[-300:]}")


def libreoffice(docs: list[Path], work: Path, repeat: int) -> dict | None:
    """A fresh ``soffice --headless --convert-to pdf`` of ``docs`` (one process for all, as a
    secretary converting a set), with a private profile made first by an untimed conversion
    of a one-line document. A conversion still running after ``OFFICE_LIMIT_S`` is stopped:
    the floor is then at least that long (``timed_out``)."""
    program = office()
    if program is None:
        return None
    out, profile = work / "lo-out", (work / "lo-profile").as_uri()

    def convert(files: list[Path]) -> None:
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                   "pdf", "--outdir", str(out), *map(str, files)]  # fmt: skip
        _run_group(command, OFFICE_LIMIT_S)
        missing = [f.name for f in files if not (out / f"{f.stem}.pdf").exists()]
        if missing:
            raise RuntimeError(f"LibreOffice made no PDF of {', '.join(missing)}")
        for made in out.iterdir():
            made.unlink()

    convert([write_docx(["Chi bộ"], work / "profile.docx")])
    try:
        return runs(lambda: convert(docs), repeat)
    except subprocess.TimeoutExpired:  # stopped, with soffice.bin under it
        limit = OFFICE_LIMIT_S * 1000.0
        return {"median_ms": limit, "max_ms": limit, "timed_out": True}


OFFICE_WHAT = "LibreOffice: soffice --headless --convert-to pdf of a .docx of the same content"


def _office_floor(docs: list[Path], ctx: Context, pages: int) -> tuple[dict | None, dict]:
    repeat = ctx.plan.slow if pages < 500 else 1  # 2,400 pages take LibreOffice many minutes
    floor = libreoffice(docs, ctx.work, repeat)
    return floor, {} if floor else {"floor_missing": "LibreOffice (soffice) is not installed"}


def voted(reg) -> str:
    """A candidate with a passed admission vote (the fullest dossier), looked for among the few
    the procedure has started for (each look builds the person's pipeline)."""
    from desktop_app.forms import registry
    from desktop_app.services import development

    started = [r for r in development.list_candidates(reg, TODAY)
               if r.status == "candidate" and r.since]  # fmt: skip
    for row in started:
        if "6-KNĐ" in {s.code for s in registry.forms_for_person(reg, row.person_id, TODAY)}:
            return row.person_id
    raise LookupError("no candidate with a passed admission vote")


def dossier(ctx: Context) -> list[dict]:
    from bench import bench_forms
    from desktop_app.forms import registry

    with opened(ctx.register) as reg:
        pid = voted(reg)
        bench_forms._dossier_set(reg, pid)  # the first print takes the resolution's number
        ours = runs(lambda: bench_forms._dossier_set(reg, pid), ctx.plan.slow)
        specs = registry.forms_for_person(reg, pid, TODAY)
        pdfs = {s.code: registry.render(reg, s.code, person_id=pid, today=TODAY) for s in specs}
    docs = [write_docx(text_blocks(pdf_text(pdf)), ctx.work / f"{code.replace('/', '-')}.docx")
            for code, pdf in pdfs.items()]  # fmt: skip
    pages = sum(len(pdf_text(p)) for p in pdfs.values())
    floor, more = _office_floor(docs, ctx, pages)
    return [
        row(
            "a candidate's dossier PDFs",
            ours,
            floor,
            f"{OFFICE_WHAT}: each form's text, page by page, in one soffice run",
            detail=f"{len(pdfs)} forms, {pages} pages",
            target_ms=1000,
            target="well under 1 s (issue 5)",
            extra={"forms": list(pdfs)},
            **more,
        )
    ]


def cell_text(cell) -> str:
    """A member book cell as text (what the register does not know prints as dots)."""
    from desktop_app.forms.layout import Value

    parts = cell if isinstance(cell, tuple) else (cell,)
    out = []
    for part in parts:
        if isinstance(part, Value):
            out.append(part.text if part.known else "." * part.blank)
        else:
            out.append(str(part))
    return "".join(out)


def book_blocks(reg) -> list[Block]:
    """The 7-HSĐV book's content as the form module makes it: its title, the summary and the
    two tables of the same rows, each cell's text."""
    from desktop_app.forms import facts, member_book
    from desktop_app.forms.spec import Request

    current, gone = member_book.book_people(Request(reg, TODAY))
    events = member_book._events(current + gone)
    widths = tuple(float(w) for _, w in member_book.COLUMNS)
    header = tuple(h for h, _ in member_book.COLUMNS)

    def rows(people) -> list[list[str]]:
        return [[cell_text(c) for c in member_book.book_row(n, p, events[p.id])]
                for n, p in enumerate(people, start=1)]  # fmt: skip

    cell = facts.cell_facts(reg)
    return [
        cell.issuer.upper_level.upper(),
        cell.issuer.name.upper(),
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        f"{cell.place}, ngày {TODAY.day} tháng {TODAY.month} năm {TODAY.year}",
        "SỔ DANH SÁCH ĐẢNG VIÊN",
        f"(Mẫu {member_book.CODE}, lập ngày {TODAY:%d/%m/%Y})",
        member_book._summary(current),
        Table(widths, header, rows(current)),
        member_book.LEFT_HEADING,
        Table(widths, header, rows(gone)),
    ]


def member_book(ctx: Context) -> list[dict]:
    from desktop_app.forms import registry

    with opened(ctx.register) as reg:
        render = lambda: registry.render(reg, "7-HSĐV", today=TODAY)  # noqa: E731
        book = render()
        ours = runs(render, ctx.plan.slow)
        blocks = book_blocks(reg)
    pages = len(pdf_text(book))
    doc = write_docx(blocks, ctx.work / "7-HSDV.docx", landscape=True)
    floor, more = _office_floor([doc], ctx, pages)
    return [
        row(
            "the 7-HSĐV member book",
            ours,
            floor,
            f"{OFFICE_WHAT}: the same title, summary and both tables, cell by cell, landscape",
            detail=f"{pages:,} pages",
            target="< 2 s for 300 members (issue 5)",
            **more,
        )
    ]


# -- import --------------------------------------------------------------------------------------


def _import_once(sheet: Path, folder: Path) -> tuple[float, float, int, float]:
    from desktop_app.services import imports
    from desktop_app.store.database import Register

    reg, _ = Register.create(folder / "so.sochibo", PASSPHRASE)
    peak_reset()
    with reg:
        start = time.perf_counter()
        preview = imports.preview(reg, imports.open_plan(sheet), TODAY)
        previewed = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        summary = imports.apply(reg, preview, today=TODAY)
        written = (time.perf_counter() - start) * 1000
    return previewed, written, len(summary.added), peak_mb()


def _written_rows(path: Path) -> dict[str, list[tuple]]:
    from desktop_app.store.database import Register

    with Register.open(path, PASSPHRASE) as reg:
        return {
            t: reg.db.execute_sql(f"SELECT * FROM {t}").fetchall() for t in ("person", "journal")
        }


def _insert_plain(rows: dict[str, list[tuple]], folder: Path) -> float:
    """The same rows into tables of the same columns (no triggers, no index but the rowid) of a
    new encrypted register, one transaction."""
    from desktop_app.store.database import Register

    reg, _ = Register.create(folder / "floor.sochibo", PASSPHRASE)
    with reg:
        for table in rows:
            reg.db.execute_sql(f"CREATE TABLE floor_{table} AS SELECT * FROM {table} WHERE 0")
        start = time.perf_counter()
        with reg.atomic():
            cursor = reg.db.cursor()
            for table, values in rows.items():
                if values:
                    marks = ", ".join("?" * len(values[0]))
                    cursor.executemany(f"INSERT INTO floor_{table} VALUES ({marks})", values)
        return (time.perf_counter() - start) * 1000


def import_list(ctx: Context) -> list[dict]:
    from python_calamine import CalamineWorkbook

    sheet = generate.sheet(ctx.size, ctx.data)
    previews, imports, floors, added, peak = [], [], [], 0, 0.0
    for number in range(ctx.plan.slow):
        folder = ctx.work / f"import-{number}"
        folder.mkdir()
        previewed, written, added, used = _import_once(sheet, folder)
        peak = max(peak, used)
        previews.append(previewed)
        imports.append(written)
        floors.append(_insert_plain(_written_rows(folder / "so.sochibo"), folder))
    read = runs(
        lambda: CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python(),
        ctx.plan.slow,
        1,
    )
    issue = ctx.size == ctx.plan.issue_rows
    return [
        row(
            "import preview: read, map, convert, validate, duplicates",
            figure(previews),
            read,
            "the same sheet read by python-calamine",
            peak_rss_mb=peak,
            **({"target_ms": 3000, "target": "< 3 s (issue 6)"} if issue else {}),
        ),
        row(
            "import: one journalled transaction",
            figure(imports),
            figure(floors),
            "the same rows (people and journal) inserted by plain SQL into an encrypted register",
            detail=f"{added:,} people added",
            peak_rss_mb=peak,
            **({"target_ms": 5000, "target": "< 5 s (issue 6)"} if issue else {}),
        ),
    ]


# -- sync ----------------------------------------------------------------------------------------


def _copy_register(path: Path, folder: Path) -> Path:
    from desktop_app.store.database import key_path

    target = folder / path.name
    shutil.copy2(path, target)
    shutil.copy2(key_path(path), key_path(target))
    return target


def _journal_out(reg, target: Path) -> None:
    rows = reg.db.execute_sql("SELECT * FROM journal ORDER BY seq").fetchall()
    with open(target, "w", encoding="utf-8") as out:
        for values in rows:
            out.write(json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n")
        out.flush()
        os.fsync(out.fileno())


def export(ctx: Context) -> list[dict]:
    from desktop_app.services import cell as cell_service
    from desktop_app.services import sync_cell
    from desktop_app.sync.errors import SyncRefused
    from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

    upper = UpperKeys.generate("Đảng ủy bench")
    usb = ctx.work / "usb"
    usb.mkdir()
    reg = opened(_copy_register(ctx.register, ctx.work))
    try:
        code = cell_service.get_cell(reg).code
        sync_cell.enrol(reg, write_enrolment(upper.enrolment_for(code), ctx.work / "e.json"))
        entries = reg.db.execute_sql("SELECT COUNT(*) FROM journal").fetchone()[0]
        floor = runs(lambda: _journal_out(reg, ctx.work / "plain.jsonl"), ctx.plan.slow, 1)
        what = "the journal read by plain SQL and written as JSON lines, fsynced"
        start = time.perf_counter()
        try:
            done = sync_cell.export_bundle(reg, usb)
        except SyncRefused as exc:  # measured and said: a refusal is a finding
            ours = figure([(time.perf_counter() - start) * 1000])  # until the refusal
            return [
                row(
                    "bundle export of the whole journal",
                    ours,
                    floor,
                    what,
                    detail=f"{entries:,} entries",
                    refused=str(exc),
                )
            ]
        ours = runs(lambda: sync_cell.export_bundle(reg, usb), ctx.plan.slow)
    finally:
        reg.close()
    return [
        row(
            "bundle export of the whole journal",
            ours,
            floor,
            what,
            detail=f"{done.entries:,} entries, {done.size / 1e6:.1f} MB",
            target="< 1 s for 300 members, 5 years (issue 7)",
        )
    ]


BOARD_FLOOR = (
    ("SELECT * FROM upper_cell WHERE deleted = 0", ()),
    (
        "SELECT cell_id, membership, COUNT(*) FROM upper_person WHERE deleted = 0 "
        "AND exit IS NULL GROUP BY cell_id, membership",
        (),
    ),
    (
        "SELECT cell_id, id FROM upper_person WHERE deleted = 0 "
        "AND substr(admission_decision_date, 1, 4) = ?",
        (str(TODAY.year),),
    ),
    (
        "SELECT p.*, e.data FROM upper_person p LEFT JOIN upper_event e ON e.cell_id = p.cell_id "
        "AND e.person_id = p.id AND e.deleted = 0 WHERE p.deleted = 0 AND p.exit IS NULL "
        "AND p.membership IN ('candidate', 'probationary')",
        (),
    ),
    (
        "SELECT id, COUNT(DISTINCT cell_id) FROM upper_person WHERE deleted = 0 AND exit IS NULL "
        "GROUP BY id HAVING COUNT(DISTINCT cell_id) > 1",
        (),
    ),
)


def _upper_reports(repeat: int) -> Callable:
    """What to measure on the workspace once every bundle is in: the board and the aggregate
    report of the last whole year, each beside the same rows read by plain SQL."""

    def measure(reg) -> dict:
        import datetime as dt

        from bench import bench_upper_reports
        from desktop_app.services import upper_board, upper_reports

        peak_reset()
        cells = len(upper_board.board(reg, TODAY).cells)
        board = {
            "ours": runs(lambda: upper_board.board(reg, TODAY), repeat, 1),
            "floor": runs(
                lambda: [reg.db.execute_sql(s, a).fetchall() for s, a in BOARD_FLOOR], repeat, 1
            ),
            "peak_rss_mb": peak_mb(),
        }
        first, last = (dt.date.fromisoformat(d) for d in YEAR)
        peak_reset()
        report = upper_reports.build(reg, "all", first, last, today=TODAY)
        aggregate = {
            "ours": runs(lambda: upper_reports.build(reg, "all", first, last, today=TODAY), repeat),
            "floor": runs(lambda: bench_upper_reports.floor(reg), repeat, 1),
            "peak_rss_mb": peak_mb(),
            "people": report.sections["movements"].at_end,
        }
        return {"cells": cells, "board": board, "aggregate": aggregate}

    return measure


def _seconds(value: float) -> dict[str, float]:
    return {"median_ms": round(value * 1000, 1), "max_ms": round(value * 1000, 1)}


def upper_import(ctx: Context) -> list[dict]:
    from bench import bench_upper

    folder = generate.upper(ctx.size, ctx.data, ctx.plan.cell_people, ctx.plan.cell_lines)
    done = bench_upper.measure_import(folder, after=_upper_reports(max(3, ctx.plan.slow)))
    floor = bench_upper._in_process("floor", folder)
    after = done.pop("after")
    board, aggregate = after["board"], after["aggregate"]
    people = ctx.plan.cell_people * ctx.size
    target = (
        {"target_ms": 60_000, "target": "< 60 s, < 500 MB (issue 7)"} if ctx.size == 500 else {}
    )
    return [
        row(
            "upper level: import of every cell's first bundle",
            _seconds(done["seconds"]),
            _seconds(floor["seconds"]),
            "the same rows by plain SQL, same indexes, no triggers, one transaction a bundle",
            detail=f"{done['entries']:,} entries, {people:,} people",
            peak_rss_mb=done["peak_rss_mb"],
            extra={"import": done, "floor": floor},
            **target,
        ),
        row(
            "upper level: the board",
            board["ours"],
            board["floor"],
            "the cells, counts, admissions and the people in development with their events "
            "read by plain SQL",
            detail=f"{after['cells']:,} cells",
            peak_rss_mb=board["peak_rss_mb"],
        ),
        row(
            f"upper level: the aggregate report, every section, for {TODAY.year - 1}",
            aggregate["ours"],
            aggregate["floor"],
            "the people, events, the year's meetings and roll-call lines, ratings and quotas "
            "of every cell read by plain SQL (bench_upper_reports.floor)",
            detail=f"{after['cells']:,} cells, {aggregate['people']:,} members at the year's end",
            peak_rss_mb=aggregate["peak_rss_mb"],
        ),
    ]


# -- the items ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    key: str
    sizes: str  # "people", "largest" (the last people size), "rows" or "cells"
    run: Callable[[Context], list[dict]]


ITEMS = (
    Item("cold_start", "largest", cold_start),
    Item("search", "people", search),
    Item("open_member", "largest", open_member),
    Item("today", "people", today_list),
    Item("dossier", "largest", dossier),
    Item("member_book", "people", member_book),
    Item("import", "rows", import_list),
    Item("export", "people", export),
    Item("upper_import", "cells", upper_import),
    Item("cell_report", "people", cell_report),
)
BY_KEY = {item.key: item for item in ITEMS}
UNITS = {"people": "people", "largest": "people", "rows": "rows", "cells": "cells"}


def sizes_of(item: Item, plan: Plan) -> tuple[int, ...]:
    return {
        "people": plan.people,
        "largest": plan.people[-1:],
        "rows": plan.rows,
        "cells": plan.cells,
    }[item.sizes]


def prepare(plan: Plan, data: Path, items: list[Item]) -> None:
    """Make (or find) every register, sheet and upper level the chosen items need."""
    wanted = {item.sizes for item in items}
    if wanted & {"people", "largest"}:
        for people in plan.people if "people" in wanted else plan.people[-1:]:
            generate.cell(people, data)
    for rows in plan.rows if "rows" in wanted else ():
        generate.sheet(rows, data)
    for cells in plan.cells if "cells" in wanted else ():
        generate.upper(cells, data, plan.cell_people, plan.cell_lines)


# -- running: one process per item and size ------------------------------------------------------


def child(key: str, plan: Plan, size: int, data: Path) -> dict:
    peak_reset()
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        rows = BY_KEY[key].run(Context(plan, size, data, Path(work)))
    return {
        "rows": rows,
        "peak_rss_mb": peak_mb(),
        "children_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }


def plan_of(text: str) -> Plan:
    values = json.loads(text)
    return Plan(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _spawn(key: str, plan: Plan, size: int, data: Path) -> dict:
    command = [
        sys.executable,
        "-m",
        "bench.suite",
        "--child",
        key,
        "--size",
        str(size),
        "--data",
        str(data),
        "--plan",
        json.dumps(asdict(plan)),
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOCHIBO_HOME": str(data / "home")}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] if done.stderr else []
        raise RuntimeError(last[0] if last else f"ended with code {done.returncode}, nothing said")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(item: Item, plan: Plan, size: int, data: Path) -> list[dict]:
    """The item's rows at one size, with the load before and after and the peak memory."""
    load, start = os.getloadavg(), time.perf_counter()
    try:
        out = _spawn(item.key, plan, size, data)
        rows, error = out["rows"], None
    except (RuntimeError, json.JSONDecodeError, IndexError) as exc:
        rows, error, out = [{"name": item.key, "error": str(exc)}], str(exc), {}
    common = {
        "item": item.key,
        "size": size,
        "unit": UNITS[item.sizes],
        "load_start": [round(v, 2) for v in load],
        "load_end": [round(v, 2) for v in os.getloadavg()],
        "wall_s": round(time.perf_counter() - start, 1),
        "peak_rss_mb": out.get("peak_rss_mb"),
        "children_peak_rss_mb": out.get("children_peak_rss_mb"),
    }
    if error:
        print(f"  {item.key} at {size}: FAILED: {error}", file=sys.stderr)
    return [{**common, **r} for r in rows]


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _office_version() -> str:
    program = office()
    if not program:
        return "not installed"
    done = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=120)
    return done.stdout.strip()


def describe_machine() -> dict:
    import PySide6

    from desktop_app.store.database import Register  # noqa: F401  (sqlcipher3 loads with it)

    return {
        **machine(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "pyside6": PySide6.__version__,
        "libreoffice": _office_version(),
        "qt_platform": "offscreen",
    }


def _resumed(results: Path, plan: Plan) -> dict | None:
    """The unfinished run in ``results`` of the same plan, its failed figures dropped."""
    if not results.exists():
        return None
    out = json.loads(results.read_text(encoding="utf-8"))
    if out.get("finished") or out.get("sizes") != json.loads(json.dumps(asdict(plan))):
        return None
    out["rows"] = [r for r in out["rows"] if "error" not in r]
    out.setdefault("resumed", []).append(time.strftime("%Y-%m-%d %H:%M:%S"))
    return out


def run(
    plan: Plan,
    data: Path,
    results: Path,
    only: list[str] | None = None,
    resume: bool = False,
    why: str = "",
) -> dict:
    """Every item at every size, the results saved after each; with ``resume``, an unfinished
    run of the same plan in ``results`` goes on where it stopped (its failures measured
    again), and says when it was taken up again."""
    items = [BY_KEY[k] for k in only] if only else list(ITEMS)
    build_start = time.perf_counter()
    prepare(plan, data, items)
    out = (_resumed(results, plan) if resume else None) or {
        "plan": plan.name,
        "sizes": asdict(plan),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": describe_machine(),
        "generate_s": round(time.perf_counter() - build_start, 1),
        "today": str(TODAY),
        "rows": [],
        **({"why": why} if why else {}),
    }
    done = {(r["item"], r["size"]) for r in out["rows"]}
    for item in items:
        for size in sizes_of(item, plan):
            if (item.key, size) in done:
                continue
            print(f"{item.key} at {size} {UNITS[item.sizes]}", flush=True)
            out["rows"] += measure(item, plan, size, data)
            _save(out, results)
    out["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    _save(out, results)
    return out


def _save(out: dict, results: Path) -> None:
    results.parent.mkdir(parents=True, exist_ok=True)
    partial = results.with_suffix(".tmp")
    partial.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(results)


def _only(text: str | None) -> list[str] | None:
    if not text:
        return None
    keys = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in keys if k not in BY_KEY]
    if unknown or not keys:
        raise SystemExit(f"unknown item {', '.join(unknown)}; items: {', '.join(BY_KEY)}")
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, under a minute")
    parser.add_argument("--only", help=f"comma-separated items: {', '.join(BY_KEY)}")
    parser.add_argument("--data", type=Path, help="where the registers are cached")
    parser.add_argument("--results", type=Path, help="the JSON to write")
    parser.add_argument("--resume", action="store_true", help="go on with an unfinished run")
    parser.add_argument("--why", default="", help="what changed, for a run of a few items")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--plan", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    plan = plan_of(args.plan) if args.plan else QUICK if args.quick else FULL
    data = args.data or (DATA / "quick" if args.quick else DATA)
    if args.child:
        print(json.dumps(child(args.child, plan, args.size, data), ensure_ascii=False))
        return 0
    only = _only(args.only)
    results = args.results or RESULTS / ("suite-quick.json" if args.quick else "suite.json")
    out = run(plan, data, results, only, resume=args.resume, why=args.why)
    failed = [r for r in out["rows"] if "error" in r]
    print(f"{len(out['rows'])} figures, {len(failed)} failed: {results}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
