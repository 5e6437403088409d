"""Cost against size from the suite's results, as an SVG drawn with reportlab graphics (no
matplotlib): ``python -m bench.plot [--results FILE] [--out docs/performance-scale.svg]``.

Two panels on log-log axes (sizes span a decade or more, costs from microseconds to minutes):
the cell register (people in the register, or rows imported) and the upper level (cells
imported). Each measured line is solid with dots; its floor, measured in the same run, is the
same colour dotted. ``--pdf`` also writes the drawing as a PDF (to look at it with pdftoppm).
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors

from bench.common import RESULTS
from desktop_app.forms import fonts

DOCS = Path(__file__).resolve().parents[1] / "docs"
FONT, BOLD = fonts.REGULAR, fonts.BOLD  # the program's own, with every Vietnamese letter
PANEL_W, PANEL_H = 330, 250
MARGIN_L, MARGIN_B, GAP = 62, 46, 78


@dataclass(frozen=True)
class Series:
    label: str
    item: str  # the results' item
    name_starts: str  # which of the item's rows
    colour: colors.Color


CELL = (
    Series(
        "search per keystroke",
        "search",
        "search per keystroke, database",
        colors.HexColor("#1f77b4"),
    ),
    Series("Today list", "today", "the Today list", colors.HexColor("#2ca02c")),
    Series("cell report, a year", "cell_report", "the cell's report", colors.HexColor("#9467bd")),
    Series("7-HSĐV book (PDF)", "member_book", "the 7-HSĐV", colors.HexColor("#8c564b")),
    Series("bundle export", "export", "bundle export", colors.HexColor("#ff7f0e")),
    Series("import (rows)", "import", "import:", colors.HexColor("#d62728")),
)
UPPER = (
    Series(
        "import of every bundle", "upper_import", "upper level: import", colors.HexColor("#d62728")
    ),
    Series("the board", "upper_import", "upper level: the board", colors.HexColor("#1f77b4")),
    Series(
        "aggregate report, a year",
        "upper_import",
        "upper level: the aggregate",
        colors.HexColor("#9467bd"),
    ),
)


def points(rows: list[dict], series: Series, which: str) -> list[tuple[float, float]]:
    """(size, milliseconds) of the series' rows, ``which`` "ours" or "floor", sorted."""
    out = []
    for row in rows:
        if row.get("item") != series.item or not row.get("name", "").startswith(series.name_starts):
            continue
        figure = row.get(which)
        if figure and figure.get("median_ms", 0) > 0 and not row.get("refused"):
            out.append((float(row["size"]), float(figure["median_ms"])))
    return sorted(out)


def _decades(values: list[float]) -> tuple[int, int]:
    low, high = min(values), max(values)
    return math.floor(math.log10(low)), math.ceil(math.log10(high))


def _steps(low: float, high: float) -> list[float]:
    """The 1-2-5 values from ``low`` to ``high``."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    values = [m * 10.0**e for e in range(first, last + 1) for m in (1, 2, 5)]
    return [v for v in values if low <= v <= high]


def _size_range(values: list[float]) -> tuple[float, float]:
    """From the decade under the smallest size to the 1-2-5 value over the largest."""
    low = 10.0 ** math.floor(math.log10(min(values)))
    return low, next(v for v in _steps(low, max(values) * 10) if v >= max(values))


def _ms_label(exponent: int) -> str:
    value = 10.0**exponent
    if value >= 1000:
        return f"{value / 1000:g} s"
    return f"{value:g} ms"


class Panel:
    """A log-log panel at (x, y) on the drawing."""

    def __init__(self, x: float, y: float, sizes: tuple[float, float], ys: tuple[int, int]):
        self.x, self.y, self.sizes, self.ys = x, y, sizes, ys
        self.xs = (math.log10(sizes[0]), math.log10(sizes[1]))

    def at(self, size: float, ms: float) -> tuple[float, float]:
        fx = (math.log10(size) - self.xs[0]) / (self.xs[1] - self.xs[0])
        fy = (math.log10(ms) - self.ys[0]) / (self.ys[1] - self.ys[0])
        return self.x + fx * PANEL_W, self.y + fy * PANEL_H

    def axes(self, title: str, x_label: str) -> Group:
        g = Group()
        g.add(Rect(self.x, self.y, PANEL_W, PANEL_H, fillColor=None, strokeColor=colors.grey))
        for e in range(self.ys[0], self.ys[1] + 1):
            _, y = self.at(self.sizes[0], 10.0**e)
            g.add(
                Line(self.x, y, self.x + PANEL_W, y, strokeColor=colors.lightgrey, strokeWidth=0.5)
            )
            g.add(
                String(self.x - 5, y - 3, _ms_label(e), fontName=FONT, fontSize=8, textAnchor="end")
            )
        for value in _steps(*self.sizes):
            decade = math.log10(value).is_integer()
            x, _ = self.at(value, 10.0 ** self.ys[0])
            g.add(
                Line(
                    x,
                    self.y,
                    x,
                    self.y + PANEL_H,
                    strokeColor=colors.lightgrey,
                    strokeWidth=0.5 if decade else 0.25,
                )
            )
            g.add(
                String(
                    x,
                    self.y - 12,
                    f"{value:,.0f}",
                    fontName=FONT,
                    fontSize=8 if decade else 6.5,
                    textAnchor="middle",
                )
            )
        g.add(
            String(
                self.x + PANEL_W / 2,
                self.y + PANEL_H + 8,
                title,
                fontName=BOLD,
                fontSize=10,
                textAnchor="middle",
            )
        )
        g.add(
            String(
                self.x + PANEL_W / 2,
                self.y - 28,
                x_label,
                fontName=FONT,
                fontSize=9,
                textAnchor="middle",
            )
        )
        label = String(
            0, 0, "time, median (log scale)", fontName=FONT, fontSize=9, textAnchor="middle"
        )
        turned = Group(label)
        turned.translate(self.x - 48, self.y + PANEL_H / 2)
        turned.rotate(90)
        g.add(turned)
        return g

    def line(self, data: list[tuple[float, float]], colour, dotted: bool) -> Group:
        g = Group()
        if not data:
            return g
        flat = [v for size, ms in data for v in self.at(size, ms)]
        dash = [1.5, 2.5] if dotted else None
        g.add(
            PolyLine(
                flat, strokeColor=colour, strokeWidth=1 if dotted else 1.6, strokeDashArray=dash
            )
        )
        for size, ms in data:
            x, y = self.at(size, ms)
            g.add(
                Circle(
                    x,
                    y,
                    1.8 if dotted else 2.6,
                    fillColor=colors.white if dotted else colour,
                    strokeColor=colour,
                    strokeWidth=0.8,
                )
            )
        return g


def _legend(x: float, y: float, series: tuple[Series, ...]) -> Group:
    g = Group()
    for number, s in enumerate(series):
        top = y - number * 12
        g.add(Line(x, top + 3, x + 16, top + 3, strokeColor=s.colour, strokeWidth=1.6))
        g.add(String(x + 20, top, s.label, fontName=FONT, fontSize=8))
    return g


def _panel(rows, series, x: float, y: float, title: str, x_label: str) -> Group:
    found = [(s, points(rows, s, "ours"), points(rows, s, "floor")) for s in series]
    sizes = [p[0] for _, ours, floor in found for p in ours + floor]
    times = [p[1] for _, ours, floor in found for p in ours + floor]
    g = Group()
    if not sizes:
        g.add(
            String(
                x + PANEL_W / 2,
                y + PANEL_H / 2,
                f"{title}: not measured",
                fontName=FONT,
                fontSize=9,
                textAnchor="middle",
            )
        )
        return g
    panel = Panel(x, y, _size_range(sizes), _decades(times))
    g.add(panel.axes(title, x_label))
    for s, ours, floor in found:
        g.add(panel.line(floor, s.colour, dotted=True))
        g.add(panel.line(ours, s.colour, dotted=False))
        for size, ms in stopped(rows, s):  # a floor that was stopped is only a lower bound
            px, py = panel.at(size, ms)
            g.add(
                String(
                    px - 4,
                    py + 4,
                    f"≥ (stopped at {ms / 60_000:g} min)",
                    fontName=FONT,
                    fontSize=6.5,
                    textAnchor="end",
                    fillColor=s.colour,
                )
            )
    return g


def stopped(rows: list[dict], series: Series) -> list[tuple[float, float]]:
    """The series' floors that were stopped before they finished."""
    found = {size for size, _ in points(rows, series, "floor")}
    return [
        (float(r["size"]), float(r["floor"]["median_ms"]))
        for r in rows
        if r.get("item") == series.item
        and r.get("name", "").startswith(series.name_starts)
        and (r.get("floor") or {}).get("timed_out")
        and float(r["size"]) in found
    ]


def draw(result: dict) -> Drawing:
    rows = [r for r in result["rows"] if "error" not in r]
    width = MARGIN_L + 2 * PANEL_W + GAP + 20
    height = MARGIN_B + PANEL_H + 105
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    machine = result.get("machine", {})
    d.add(
        String(
            MARGIN_L,
            height - 18,
            "Sổ Chi bộ: cost against size (bench/suite.py)",
            fontName=BOLD,
            fontSize=12,
        )
    )
    d.add(
        String(
            MARGIN_L,
            height - 32,
            f"{result.get('started', '')}, {machine.get('cores')} "
            f"cores ({machine.get('cpu', '')}), shared machine; solid: the program, "
            "dotted: its floor in the same run",
            fontName=FONT,
            fontSize=8.5,
        )
    )
    d.add(_legend(MARGIN_L, height - 52, CELL[:3]))
    d.add(_legend(MARGIN_L + 150, height - 52, CELL[3:]))
    d.add(_legend(MARGIN_L + PANEL_W + GAP, height - 52, UPPER))
    top = MARGIN_B
    d.add(
        _panel(
            rows,
            CELL,
            MARGIN_L,
            top,
            "The cell register",
            "people in the register (import: rows in the list)",
        )
    )
    sizes = result.get("sizes")
    each = (
        f" ({sizes['cell_people']} people, {sizes['cell_lines']:,} roll-call lines each)"
        if sizes
        else ""
    )
    d.add(
        _panel(
            rows,
            UPPER,
            MARGIN_L + PANEL_W + GAP,
            top,
            "The upper level",
            f"cells imported{each}",
        )
    )
    return d


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS / "suite.json")
    parser.add_argument("--out", type=Path, default=DOCS / "performance-scale.svg")
    parser.add_argument("--pdf", type=Path, help="also write the drawing as a PDF")
    args = parser.parse_args(argv)
    fonts.register()
    drawing = draw(json.loads(args.results.read_text(encoding="utf-8")))
    renderSVG.drawToFile(drawing, str(args.out))
    if args.pdf:
        renderPDF.drawToFile(drawing, str(args.pdf))
    print(args.out)


if __name__ == "__main__":
    main()
