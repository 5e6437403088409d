#!/usr/bin/env python3
"""Make the pseudo-translation: ``python scripts/pseudo_translate.py [--out DIR]``.

Every Vietnamese text of the program (``sochibo_vi.ts``) and of Qt (``qtbase_vi.ts``) is made
half as long again and framed, ``Lưu`` → ``[Lưu ~]``, so a label too narrow for a longer text
shows it: the closing bracket is missing. Mnemonics (``&``) and placeholders (``%1``) are
kept. The files go to ``build/pseudo-i18n/`` (not shipped); run the window with them::

    SOCHIBO_LANGUAGE=pseudo python dev.py run

``tests/ui/test_pseudo_translation.py`` runs every page and dialog this way and checks that no
label is clipped.
"""

from __future__ import annotations

import argparse
import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: the sibling module below
    sys.path.insert(0, str(ROOT))

from scripts import update_translations as ut  # noqa: E402

DEFAULT_OUT = ROOT / "build" / "pseudo-i18n"
GROWTH = 0.5  # every text half as long again
PAD = "~"


def lengthen(text: str) -> str:
    """Each line of ``text`` framed in brackets and padded to 1.5 times its length."""
    return "\n".join(_lengthen_line(line) for line in text.split("\n"))


def _lengthen_line(line: str) -> str:
    if not line.strip():
        return line
    shown = len(line.replace("&&", "&").replace("&", ""))
    extra = max(2, math.ceil(shown * GROWTH))  # brackets included
    padding = ((PAD * 4 + " ") * extra)[: max(extra - 3, 0)]  # words of four: a label wraps
    if padding.endswith(" "):
        padding = padding[:-1] + PAD
    return f"[{line}{' ' + padding if padding else ''}]"


def pseudo_catalogue(source: Path, target: Path) -> int:
    """A copy of ``source`` with every translation lengthened; returns how many."""
    tree = ET.parse(source)
    count = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = translation.findall("numerusform")
        for node in forms or [translation]:
            original = node.text or message.findtext("source") or ""
            node.text = lengthen(original)
            count += 1
        translation.attrib.pop("type", None)  # an unfinished one is shown lengthened too
    tree.getroot().set("language", "vi_VN")
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return count


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """``sochibo_pseudo.qm`` and ``qtbase_pseudo.qm`` in ``out``; returns their paths."""
    made = []
    for ts in ut.CATALOGUES:
        name = ts.stem.replace("_vi", "_pseudo")
        pseudo_ts = out / f"{name}.ts"
        pseudo_catalogue(ts, pseudo_ts)
        qm = out / f"{name}.qm"
        ut.lrelease(pseudo_ts, qm)
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the files")
    args = parser.parse_args(argv)
    for qm in build(args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
