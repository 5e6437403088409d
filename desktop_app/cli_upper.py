"""``sochibo upper``: the upper level's workspace (its own encrypted register): create it,
enrol its cells, see the reporting board, set quotas, record decisions, close conflicts.

The workspace is ``cap-tren.sochibo`` in the user's data folder unless ``--register`` names
another; ``sochibo bundle import`` and ``sochibo receipt export`` use the same one."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import cli_upper_reports
from desktop_app.cli_support import CliError, common, date, emit, passphrase
from desktop_app.domain.dates import format_vn, vn_from_iso
from desktop_app.services import demo_upper, registers, upper_board, upper_rekey, upper_workspace
from desktop_app.services.upper_board import Board
from desktop_app.store.database import Register
from desktop_app.sync import receipt

PHONE_CHECK = (
    "Gửi tệp ghi danh cho chi bộ (USB). Khi chi bộ nhập tệp, hãy gọi điện và cùng đọc vân tay "
    "của cấp trên: khớp thì không ai đánh tráo tệp."
)


def workspace_path(args: argparse.Namespace) -> Path:
    return Path(args.register) if args.register else upper_workspace.default_path()


def open_upper(args: argparse.Namespace) -> Register:
    path = workspace_path(args)
    if not path.exists():
        raise CliError(
            f"Chưa có sổ làm việc của cấp ủy cấp trên tại «{path}». "
            "Tạo sổ: sochibo upper init --name TÊN"
        )
    reg = registers.open_register(path, passphrase(args))
    try:
        upper_workspace.require_workspace(reg)
    except BaseException:
        reg.close()
        raise
    return reg


# -- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = workspace_path(args)
    reg, recovery = upper_workspace.create_workspace(
        path, passphrase(args, confirm=True), args.name
    )
    with reg:
        view = upper_workspace.show(reg)
    emit(
        {"path": str(path), "recovery_key": recovery, **view.to_json()},
        args.json,
        lambda: (
            f"Đã tạo sổ làm việc của «{view.name}»: {path}\n"
            f"Vân tay của cấp trên: {view.fingerprint}\n\n"
            "KHÓA KHÔI PHỤC (chép ra giấy, cất nơi an toàn; chỉ hiện một lần):\n\n"
            f"    {recovery}\n\nKhi quên mật khẩu, khóa này là cách duy nhất để mở sổ."
        ),
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        view = upper_workspace.show(reg)
    emit(
        view.to_json(),
        args.json,
        lambda: (
            f"Cấp ủy: {view.name}\nVân tay: {view.fingerprint} (khóa ký {view.key_id})\n"
            f"Số chi bộ đã ghi danh: {view.cells}"
        ),
    )
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_workspace.enrol_cell(reg, args.code, Path(args.out), name=args.name)
    what = "Đã ghi danh" if done.new else "Đã ghi lại tệp ghi danh cho"
    emit(
        done.to_json(),
        args.json,
        lambda: (
            f"{what} chi bộ mã «{done.cell.code}»: {done.path}\n"
            f"Vân tay của cấp trên: {done.upper_fingerprint}\n{PHONE_CHECK}"
        ),
    )
    return 0


def _cell_line(c: upper_workspace.CellView) -> str:
    pinned = f"vân tay {c.fingerprint}" if c.pinned else "chưa nhận gói nào"
    sent = vn_from_iso(c.last_bundle_at[:10]) if c.last_bundle_at else "—"
    name = c.name or "(chưa rõ tên)"
    return f"{c.code:<12} {name:<32} {pinned}; đến mục số {c.applied_seq}; gói gần nhất {sent}"


def cmd_cells(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        found = upper_workspace.list_cells(reg)
    emit(
        [c.to_json() for c in found],
        args.json,
        lambda: "\n".join(_cell_line(c) for c in found) or "(chưa ghi danh chi bộ nào)",
    )
    return 0


def _board_text(found: Board) -> str:
    lines = [f"{found.upper_name}: bảng theo dõi ngày {format_vn(found.on)}"]
    for row in found.cells:
        quota = "chưa giao" if row.quota is None else str(row.quota)
        sent = row.last_bundle_date or "chưa có"
        lines.append(
            f"\n{row.code} {row.name}: gói gần nhất {sent}"
            f"{'' if row.reported_this_month else ' (CHƯA báo cáo tháng này)'}\n"
            f"  Chính thức {row.official}, dự bị {row.probationary}, quần chúng {row.candidates}; "
            f"kết nạp năm {found.on.year}: {row.admissions}/{quota}"
        )
        lines += [
            f"  {'QUÁ HẠN' if d.overdue else 'Sắp đến hạn'} {vn_from_iso(d.due)}: "
            f"{d.person_name} — {d.message}"
            for d in row.deadlines
        ]
        lines += [f"  Vướng mắc: {c['text']}" for c in row.conflicts]
    if found.not_reported:
        lines.append(f"\nChưa báo cáo tháng {found.on.month}: {', '.join(found.not_reported)}")
    return "\n".join(lines)


def cmd_board(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        found = upper_board.board(reg, date(args.on) if args.on else None)
        if args.xlsx:
            upper_board.export_xlsx(found, Path(args.xlsx))
    doc = {**found.to_json(), "xlsx": args.xlsx}
    emit(
        doc,
        args.json,
        lambda: _board_text(found) + (f"\n\nĐã ghi: {args.xlsx}" if args.xlsx else ""),
    )
    return 0


def cmd_quota(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_workspace.set_quota(reg, args.code, args.year, args.count)
    said = {"new": "Đã giao", "updated": "Đã sửa", "unchanged": "Không đổi"}[done.change]
    emit(
        done.to_json(),
        args.json,
        lambda: (
            f"{said} chỉ tiêu kết nạp năm {done.year} cho chi bộ {done.cell_code}: {done.count}"
        ),
    )
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_workspace.decide(
            reg, args.code, args.person, args.kind, number=args.number, on=date(args.date),
            note=args.note,
        )  # fmt: skip
    said = {"new": "Đã ghi", "updated": "Đã sửa", "unchanged": "Không đổi"}[done.change]
    emit(
        done.to_json(),
        args.json,
        lambda: (
            f"{said}: {done.label} số {done.number} ngày {vn_from_iso(done.date)} — "
            f"{done.person_name} (chi bộ {done.cell_code}). Biên nhận sau sẽ gửi về chi bộ."
        ),
    )
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        found = upper_workspace.list_decisions(reg, args.code)
    emit(
        [d.to_json() for d in found],
        args.json,
        lambda: (
            "\n".join(
                f"{d.cell_code:<10} {vn_from_iso(d.date)}  {d.label} số {d.number}"
                f" — {d.person_name}"
                for d in found
            )
            or "(chưa có quyết định nào)"
        ),
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        found = upper_workspace.list_conflicts(reg, open_only=not args.all)
    emit(
        [c.to_json() for c in found],
        args.json,
        lambda: (
            "\n".join(
                f"{c.id[:8]}  {c.cell_code}  {c.label}: {c.detail}"
                + (f"\n          Đã giải quyết: {c.resolution}" if c.resolved_at else "")
                for c in found
            )
            or "(không có vướng mắc nào)"
        ),
    )
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_workspace.resolve_conflict(reg, args.id, args.note)
    emit(done.to_json(), args.json, lambda: f"Đã đóng vướng mắc {done.id[:8]}: {done.resolution}")
    return 0


def cmd_reset_cell(args: argparse.Namespace) -> int:
    with open_upper(args) as reg:
        done = upper_rekey.reset_cell(reg, args.code, args.note)
    emit(done.to_json(), args.json, lambda: done.message)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    made = demo_upper.create_demo_upper(Path(args.folder) if args.folder else None)
    with made.register as reg:
        cells = upper_workspace.list_cells(reg)
    doc = {**made.to_json(), "listed": [c.to_json() for c in cells]}
    emit(
        doc,
        args.json,
        lambda: (
            f"Đã tạo cấp trên mẫu: {made.workspace}\nMật khẩu: {doc['passphrase']}\n"
            + "\n".join(_cell_line(c) for c in cells)
            + f"\nGói chưa nhận trên «USB» mẫu: {made.waiting}"
        ),
    )
    return 0


# -- parser ----------------------------------------------------------------------------------------


def add_parsers(sub) -> None:
    group = sub.add_parser("upper", help="sổ làm việc của cấp ủy cấp trên")
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("init", help="tạo sổ làm việc của cấp trên (khóa, mật khẩu)")
    common(p)
    p.add_argument(
        "--name", required=True, metavar="TÊN", help="tên cấp ủy, ví dụ «Đảng ủy phường Quy Nhơn»"
    )
    p.set_defaults(func=cmd_init)

    p = actions.add_parser("demo", help="tạo cấp trên mẫu: sổ làm việc và hai chi bộ mẫu")
    p.add_argument("--folder", metavar="THƯ_MỤC", help="thư mục tạo (mặc định: thư mục dữ liệu)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=cmd_demo)

    p = actions.add_parser("show", help="tên, vân tay của cấp trên")
    common(p)
    p.set_defaults(func=cmd_show)

    p = actions.add_parser("enrol", help="ghi danh một chi bộ: ghi tệp ghi danh gửi chi bộ")
    common(p)
    p.add_argument("code", metavar="MÃ_CHI_BỘ")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp (hoặc thư mục) ghi ra")
    p.add_argument("--name", default="", metavar="TÊN", help="tên chi bộ (không bắt buộc)")
    p.set_defaults(func=cmd_enrol)

    p = actions.add_parser("cells", help="các chi bộ đã ghi danh")
    common(p)
    p.set_defaults(func=cmd_cells)

    p = actions.add_parser("board", help="bảng theo dõi báo cáo của các chi bộ")
    common(p)
    p.add_argument("--on", metavar="NGÀY", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    p.add_argument("--xlsx", metavar="TỆP", help="ghi bảng ra tệp Excel .xlsx")
    p.set_defaults(func=cmd_board)
    cli_upper_reports.add_parser(actions)  # upper report

    p = actions.add_parser("quota", help="giao chỉ tiêu kết nạp trong năm cho một chi bộ")
    common(p)
    p.add_argument("code", metavar="MÃ_CHI_BỘ")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.add_argument("--count", type=int, required=True, metavar="SỐ")
    p.set_defaults(func=cmd_quota)

    p = actions.add_parser("decide", help="ghi quyết định của cấp trên về một người")
    common(p)
    p.add_argument("code", metavar="MÃ_CHI_BỘ")
    p.add_argument("person", metavar="MÃ_NGƯỜI", help="mã người (có thể gõ 8 ký tự đầu)")
    p.add_argument(
        "--kind",
        required=True,
        choices=list(receipt.KINDS),
        help=", ".join(f"{k} = {v}" for k, v in receipt.KINDS.items()),
    )
    p.add_argument("--number", required=True, metavar="SỐ", help="số quyết định: 125-QĐ/ĐU")
    p.add_argument("--date", required=True, metavar="NGÀY", help="ngày quyết định (dd/mm/yyyy)")
    p.add_argument("--note", default="", metavar="GHI_CHÚ", help="ghi chú")
    p.set_defaults(func=cmd_decide)

    p = actions.add_parser("decisions", help="các quyết định đã ghi")
    common(p)
    p.add_argument("code", nargs="?", metavar="MÃ_CHI_BỘ")
    p.set_defaults(func=cmd_decisions)

    p = actions.add_parser("conflicts", help="vướng mắc cần xem (rẽ nhánh, gói bị giữ lại)")
    common(p)
    p.add_argument("--all", action="store_true", help="cả những vướng mắc đã giải quyết")
    p.set_defaults(func=cmd_conflicts)

    p = actions.add_parser("resolve", help="đóng một vướng mắc, ghi cách đã giải quyết")
    common(p)
    p.add_argument("id", metavar="MÃ")
    p.add_argument("--note", required=True, metavar="GHI_CHÚ", help="đã làm gì")
    p.set_defaults(func=cmd_resolve)
    p = actions.add_parser(
        "reset-cell", help="bỏ khóa cũ của một chi bộ đã mất sổ và mọi bản sao lưu, làm sổ mới"
    )
    common(p)
    p.add_argument("code", metavar="MÃ_CHI_BỘ")
    p.add_argument("--note", required=True, metavar="GHI_CHÚ", help="vì sao, đã gọi điện cho ai")
    p.set_defaults(func=cmd_reset_cell)
