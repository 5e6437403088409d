"""``sochibo forms|print``: the printed forms from the terminal, the same PDFs as the window."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from desktop_app.cli_support import CliError, common, date, emit, open_register
from desktop_app.domain.dates import vn_from_iso
from desktop_app.forms import registry
from desktop_app.forms.spec import SUBJECTS
from desktop_app.services import documents


def cmd_forms_list(args: argparse.Namespace) -> int:
    if args.person:
        with open_register(args) as reg:
            specs = registry.forms_for_person(reg, args.person, _on(args))
    else:
        specs = registry.list_forms()

    def text() -> str:
        lines = [f"{s.code:<8} {s.title}  [{SUBJECTS[s.subject]}]" for s in specs]
        return "\n".join(lines) or "(không có mẫu nào áp dụng)"

    emit([s.to_json() for s in specs], args.json, text)
    return 0


def cmd_forms_numbers(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        rows = documents.list_documents(reg, args.term)

    def text() -> str:
        lines = [
            f"Số {d.text:<10} {vn_from_iso(d.date)}  {d.form:<7} {d.title}  (nhiệm kỳ {d.term})"
            for d in rows
        ]
        return "\n".join(lines) or "(chưa cấp số văn bản nào)"

    emit([d.to_json() for d in rows], args.json, text)
    return 0


def _on(args: argparse.Namespace) -> dt.date:
    return date(args.on) if getattr(args, "on", None) else dt.date.today()


def _target(text: str) -> Path:
    out = Path(text)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"Tệp ra «{out.name}» phải có đuôi .pdf")
    if not out.parent.is_dir():
        raise CliError(f"Không có thư mục «{out.parent}» để ghi tệp")
    return out


def cmd_print(args: argparse.Namespace) -> int:
    out = _target(args.out)
    spec = registry.get_form(args.form)
    with open_register(args) as reg:
        pdf = registry.render(
            reg,
            spec.code,
            person_id=args.person,
            meeting_id=args.meeting,
            today=_on(args),
            issue=not args.draft,
        )
    partial = out.with_name(out.name + ".dang-ghi")
    partial.write_bytes(pdf)
    os.replace(partial, out)  # never a half-written PDF under the real name
    emit(
        {"form": spec.code, "out": str(out), "bytes": len(pdf)},
        args.json,
        lambda: f"Đã in mẫu {spec.code} ({spec.title}): {out}",
    )
    return 0


def add_parsers(sub) -> None:
    forms = sub.add_parser("forms", help="các mẫu in và sổ số văn bản")
    actions = forms.add_subparsers(dest="action", required=True)
    p = actions.add_parser("list", help="các mẫu in được")
    common(p)
    p.add_argument("--person", help="chỉ những mẫu áp dụng cho người này (mã)")
    p.add_argument("--on", help="ngày xét (dd/mm/yyyy, mặc định hôm nay)")
    p.set_defaults(func=cmd_forms_list)
    p = actions.add_parser("numbers", help="các văn bản đã cấp số (Số 01-NQ/CB …)")
    common(p)
    p.add_argument("--term", help="chỉ nhiệm kỳ này, ví dụ 2025-2030")
    p.set_defaults(func=cmd_forms_numbers)

    p = sub.add_parser("print", help="in một mẫu ra tệp PDF")
    common(p)
    p.add_argument("form", metavar="MẪU", help="mã mẫu, ví dụ 6-KNĐ (gõ 6-KND cũng được)")
    p.add_argument("--person", help="mã người (có thể gõ 8 ký tự đầu)")
    p.add_argument("--meeting", help="mã buổi sinh hoạt")
    p.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF ghi ra")
    p.add_argument("--on", help="ngày in, ngày tính hạn (dd/mm/yyyy, mặc định hôm nay)")
    p.add_argument("--draft", action="store_true", help="bản xem thử: không lấy số văn bản mới")
    p.set_defaults(func=cmd_print)
