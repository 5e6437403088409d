"""The suite's results as the section "The bench at scale (issue 10)" of docs/performance.md:
``python -m bench.report [--results FILE] [--doc FILE] [--print]``.

Only that section is rewritten (from its heading to the next second-level heading, or added at
the end); the rest of the page is left as it is.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from bench.common import RESULTS

DOCS = Path(__file__).resolve().parents[1] / "docs"
HEADING = "## The bench at scale (issue 10)"


def ms(value: float | None) -> str:
    """A duration to read: 0.038 ms, 12.3 ms, 1,234 ms, 12.3 s, 4.1 min."""
    if value is None:
        return "–"
    if value < 1:
        return f"{value:.3f} ms"
    if value < 100:
        return f"{value:.1f} ms"
    if value < 10_000:
        return f"{value:,.0f} ms"
    if value < 300_000:
        return f"{value / 1000:.1f} s"
    return f"{value / 60_000:.1f} min"


def ratio(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 0.1:
        return f"{value:.2f}×"
    return f"{value:.1f}×" if value < 100 else f"{value:,.0f}×"


def _ratio(row: dict) -> str:
    timed_out = (row.get("floor") or {}).get("timed_out")
    return ("< " if timed_out and row["ratio"] is not None else "") + ratio(row["ratio"])


def verdict(row: dict) -> str:
    target = row.get("target", "")
    if not target:
        return ""
    if row.get("target_ms") is None:
        return target
    met = row["ours"]["median_ms"] <= row["target_ms"]
    return f"{target}: {'met' if met else '**missed**'}"


def _load(row: dict) -> str:
    return f"{row['load_start'][0]:.1f}→{row['load_end'][0]:.1f}"


def _floor(row: dict) -> str:
    if row.get("floor", {}) and row["floor"].get("timed_out"):
        return f"> {ms(row['floor']['median_ms'])} (stopped)"
    if row.get("floor"):
        return ms(row["floor"]["median_ms"])
    return f"not measured: {row.get('floor_missing', 'no floor')}"


def _ours(row: dict) -> str:
    if row.get("refused"):
        return f"**refused** after {ms(row['ours']['median_ms'])} (see the notes)"
    return ms(row["ours"]["median_ms"])


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| item | size | ours (median) | worst | floor (same run) | ratio | target | load | "
        "peak RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(
                f"| {r['item']} | {r['size']:,} {r['unit']} | failed: {r['error']} | | | | | | |"
            )
            continue
        peak = f"{r['peak_rss_mb']:,.0f} MB" if r.get("peak_rss_mb") else "–"
        name = f"{r['name']} ({r['detail']})" if r.get("detail") else r["name"]
        lines.append(
            f"| {name} | {r['size']:,} {r['unit']} | {_ours(r)} | {ms(r['ours']['max_ms'])} "
            f"| {_floor(r)} | {_ratio(r)} | {verdict(r)} | {_load(r)} | {peak} |"
        )
    return lines


def floors(rows: list[dict]) -> list[str]:
    """Each floor once, after the items it stands under."""
    named: dict[str, list[str]] = {}
    for r in rows:
        if "error" in r:
            continue
        names = named.setdefault(r["floor_what"], [])
        if r["name"] not in names:
            names.append(r["name"])
    return [f"- *{'; '.join(names)}*: {what}." for what, names in named.items()]


def notes(rows: list[dict]) -> list[str]:
    """What a row says beyond its figures: a refusal, a note of the run, an error."""
    out = []
    for r in rows:
        size = f"{r['size']:,} {r['unit']}"
        if r.get("note"):
            out.append(f"- *{r['name']}*, {size}: {r['note']}.")
        if r.get("refused"):
            out.append(f"- *{r['name']}*, {size}: refused by the program: «{r['refused']}»")
        if r.get("error"):
            out.append(f"- *{r['item']}*, {size}: the bench failed: {r['error']}")
    return ["Notes on this run:", "", *out, ""] if out else []


def _machine(result: dict) -> str:
    m = result["machine"]
    return (
        f"{m['cores']} cores of an {m['cpu']} (virtualised), {m['memory_gb']} GiB, "
        f"{m['system']}, Python {m['python']}, PySide6 {m['pyside6']} (Qt {m['qt_platform']}), "
        f"{m['libreoffice']}"
    )


def _resumed(result: dict) -> str:
    times = result.get("resumed", [])
    if not times:
        return ""
    return (
        f" (stopped from outside and taken up again with `--resume` at {', '.join(times)}: "
        "the item that was running then was measured again from the start)"
    )


def _loads(rows: list[dict]) -> str:
    values = [v for r in rows for v in (r["load_start"][0], r["load_end"][0])]
    return f"{min(values):.1f} to {max(values):.1f}"


def section(result: dict) -> str:
    rows = result["rows"]
    sizes = result.get("sizes", {})
    lines = [
        HEADING,
        "",
        "<!-- Written by `python -m bench.report` from bench/results/suite.json: rerun "
        "`python -m bench.suite`, then `python -m bench.report`, rather than editing. -->",
        "",
        f"One run of `python -m bench.suite` ({result['plan']} sizes), {result['started']} to "
        f"{result.get('finished', '(unfinished)')}{_resumed(result)}, on {_machine(result)}. "
        "The machine was "
        f"shared with other work: the one-minute load average read before and after each "
        f"item went from {_loads(rows)} (column *load*), so the times are pessimistic and the "
        "ratio to the floor, measured in the same run, is the figure that "
        "matters. Each item ran at each size in a fresh process. *Peak RSS* is the highest "
        "resident memory while the item worked, counted once its register was open (the "
        "Argon2id unlock, 64 MiB, left out); for the upper import it is the whole process's "
        "(`ru_maxrss`, unlock included, as issue 7's 500 MB asks), for the cold start and the "
        "typed search that of the program's own window process.",
        "",
        "The registers come from `python -m bench.generate` (cached in bench/data/, "
        f"{result.get('generate_s', 0):,.0f} s in this run): cells of "
        f"{', '.join(f'{n:,}' for n in sizes.get('people', []))} people from the demo "
        "generator through the services (95% members, 5% candidates, decades of admissions "
        "and moves; the candidates walked through the procedure, mentors for the probationary "
        "members; 2021–2025 meetings, 18 a year, with roll calls, and this year's; ratings for "
        "2024 and 2025); import lists of "
        f"{', '.join(f'{n:,}' for n in sizes.get('rows', []))} rows; upper levels of "
        f"{', '.join(f'{n:,}' for n in sizes.get('cells', []))} cells of "
        f"{sizes.get('cell_people', 0)} people and {sizes.get('cell_lines', 0):,} roll-call "
        "lines each, every cell's whole journal in one first bundle.",
        "",
        *table(rows),
        "",
        *notes(rows),
        "The floors:",
        "",
        *floors(rows),
        "",
        "![Cost against size: the cell register and the upper level, each beside its floor]"
        "(performance-scale.svg)",
        "",
        "Reproduce (the first command builds the registers once, about 40 minutes on this "
        "machine; `--quick` runs everything at tiny sizes in about a minute):",
        "",
        "```sh",
        ".venv/bin/python -m bench.generate   # bench/data/, git-ignored",
        ".venv/bin/python -m bench.suite      # bench/results/suite.json",
        ".venv/bin/python -m bench.plot       # docs/performance-scale.svg",
        ".venv/bin/python -m bench.report     # this section",
        "```",
        "",
    ]
    return "\n".join(lines)


def again_section(full: dict, again: dict) -> list[str]:
    """The items measured again after a change, each beside its figure in the full run."""
    before = {(r["name"], r["size"]): r for r in full["rows"] if "error" not in r}
    items = ",".join(dict.fromkeys(r["item"] for r in again["rows"]))
    lines = [
        f"### Measured again: {again['started']} to {again.get('finished', '(unfinished)')}",
        "",
        f"`python -m bench.suite --only {items} --results bench/results/suite-again.json`, on "
        f"the same machine and registers, after the changes that {again.get('why', 'followed')}"
        f". Load {_loads(again['rows'])}.",
        "",
        "| item | size | full run (median) | now (median) | worst | floor now | ratio now | "
        "target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in again["rows"]:
        if "error" in r:
            lines.append(f"| {r['item']} | {r['size']:,} {r['unit']} | | failed: {r['error']} "
                         "| | | | |")  # fmt: skip
            continue
        old = before.get((r["name"], r["size"]))
        name = f"{r['name']} ({r['detail']})" if r.get("detail") else r["name"]
        lines.append(
            f"| {name} | {r['size']:,} {r['unit']} | {_ours(old) if old else '–'} | {_ours(r)} "
            f"| {ms(r['ours']['max_ms'])} | {_floor(r)} | {_ratio(r)} | {verdict(r)} |"
        )
    return ["", *lines, "", *notes(again["rows"])]


def replace_section(page: str, text: str) -> str:
    """``page`` with the section replaced by ``text`` (or ``text`` added at the end)."""
    start = page.find(HEADING + "\n")
    if start < 0:
        return page.rstrip("\n") + "\n\n" + text
    following = re.search(r"^## ", page[start + len(HEADING) :], flags=re.MULTILINE)
    end = start + len(HEADING) + following.start() if following else len(page)
    rest = page[end:]
    return page[:start] + text + ("\n" + rest if rest else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS / "suite.json")
    parser.add_argument("--doc", type=Path, default=DOCS / "performance.md")
    again_help = "items measured again after a change (added when the file exists)"
    parser.add_argument("--again", type=Path, default=RESULTS / "suite-again.json", help=again_help)
    parser.add_argument("--print", action="store_true", help="print instead of writing")
    args = parser.parse_args(argv)
    full = json.loads(args.results.read_text(encoding="utf-8"))
    text = section(full)
    if args.again.is_file():
        again = json.loads(args.again.read_text(encoding="utf-8"))
        text = text.rstrip("\n") + "\n" + "\n".join(again_section(full, again))
    if args.print:
        print(text)
        return
    args.doc.write_text(replace_section(args.doc.read_text(encoding="utf-8"), text), "utf-8")
    print(args.doc)


if __name__ == "__main__":
    main()
