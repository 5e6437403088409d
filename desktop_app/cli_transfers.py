"""``sochibo transfer``: the transfer slip between cells (write it for a member who moves out,
look into one received, receive it), so the person keeps their id in the new cell."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli_support import common, date, emit, open_register
from desktop_app.domain.dates import vn_from_iso
from desktop_app.services import transfers
from desktop_app.services.transfers import SlipPreview, SlipReceived, SlipWritten

PHONE_CHECK = (
    "Trước khi nhận: gọi điện cho bí thư chi bộ gửi và đọc vân tay trên cho họ so với vân tay "
    "chi bộ họ. Khớp thì phiếu đúng là của chi bộ đó."
)


def _written_text(done: SlipWritten) -> str:
    recorded = " (vừa ghi sự kiện chuyển đi)" if done.recorded_now else ""
    return "\n".join(
        [
            f"Đã ghi phiếu chuyển sinh hoạt của «{done.full_name}» và đọc lại kiểm tra: "
            f"{done.path}",
            f"Chuyển đi ngày {vn_from_iso(done.transfer_date)}{recorded}, đến: {done.destination}",
            f"Tệp chữ ký bên cạnh: {done.signature_path.name} (chép cả hai tệp).",
            "",
            f"MÃ MỞ PHIẾU: {done.code}",
            f"Vân tay của chi bộ: {done.fingerprint}",
            "",
            done.next_steps,
            "Có thể rút USB an toàn.",
        ]
    )


def _preview_lines(p: SlipPreview) -> list[str]:
    lines = [
        f"Phiếu: {p.file}",
        f"Người: {p.full_name} ({p.sex}, sinh {vn_from_iso(p.birth_date) or 'chưa rõ'}), "
        f"{p.membership_label}",
        f"Ngày quyết định kết nạp: {vn_from_iso(p.admission_decision_date) or '—'}; lễ kết nạp: "
        f"{vn_from_iso(p.ceremony_date) or '—'}; chính thức: "
        f"{vn_from_iso(p.official_date) or '—'}",
        f"Từ chi bộ: {p.from_cell_name} (mã {p.from_cell_code})",
        f"Vân tay của chi bộ gửi: {p.fingerprint}",
        f"Chuyển đi ngày {vn_from_iso(p.transfer_date)}, đến: {p.destination}"
        + (f" (quyết định số {p.reference})" if p.reference else ""),
        f"Quá trình mang theo: {len(p.history)} sự kiện; {p.steps} bước hồ sơ dự bị ghi vào sổ",
    ]
    if p.kind == "return":
        lines.append("Người này từng sinh hoạt ở chi bộ và đã chuyển đi: nhận lại vào hồ sơ cũ.")
    lines += [
        f"  Có thể trùng: {d['full_name']} ({d['why']})"
        + (" — không nhận được" if d["blocking"] else "")
        for d in p.duplicates
    ]
    lines += [f"  Lưu ý: {w}" for w in p.warnings]
    return lines


def _received_text(done: SlipReceived) -> str:
    p = done.preview
    return "\n".join(
        [
            f"Đã nhận «{p.full_name}» chuyển đến ngày {vn_from_iso(done.received_on)} từ chi bộ "
            f"«{p.from_cell_name}» (mã người giữ nguyên: {p.person_id[:8]}).",
            f"Diện: {done.person.status_label}; {p.steps} bước hồ sơ dự bị ghi vào sổ.",
        ]
    )


def cmd_slip(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        done = transfers.write_slip(
            reg,
            args.person,
            Path(args.to),
            on=date(args.on) if args.on else None,
            place=args.place or "",
            reference=args.reference or "",
        )
    emit(done.to_json(), args.json, lambda: _written_text(done))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        found = transfers.read_slip(
            reg, Path(args.file), args.code, on=date(args.on) if args.on else None
        )
    emit(found.to_json(), args.json, lambda: "\n".join([*_preview_lines(found), PHONE_CHECK]))
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    with open_register(args) as reg:
        done = transfers.receive_slip(
            reg,
            Path(args.file),
            args.code,
            on=date(args.on) if args.on else None,
            allow_duplicate=args.allow_duplicate,
        )
    emit(done.to_json(), args.json, lambda: _received_text(done))
    return 0


def add_parsers(sub) -> None:
    group = sub.add_parser(
        "transfer", help="phiếu chuyển sinh hoạt đảng giữa hai chi bộ (giữ nguyên mã người)"
    )
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("slip", help="ghi phiếu chuyển cho một đảng viên chuyển đi, ra USB")
    common(p)
    p.add_argument("person", metavar="MÃ_NGƯỜI", help="mã của người chuyển đi (vài ký tự đầu)")
    p.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục ghi phiếu, ví dụ USB")
    p.add_argument("--on", metavar="NGÀY", help="ngày chuyển đi, nếu chưa ghi sự kiện chuyển đi")
    p.add_argument("--place", metavar="NƠI_ĐẾN", help="chi bộ nơi chuyển đến")
    p.add_argument("--reference", metavar="SỐ", help="số quyết định chuyển sinh hoạt")
    p.set_defaults(func=cmd_slip)

    for name, helptext, func in (
        ("inspect", "mở phiếu bằng mã, xem người và chi bộ gửi (chưa ghi gì)", cmd_inspect),
        ("receive", "nhận người chuyển đến từ phiếu (giữ nguyên mã người)", cmd_receive),
    ):
        p = actions.add_parser(name, help=helptext)
        common(p)
        p.add_argument("file", metavar="TỆP", help="tệp phiếu .sochibo-phieuchuyen")
        p.add_argument("--code", required=True, metavar="MÃ", help="mã mở phiếu đọc qua điện thoại")
        p.add_argument("--on", metavar="NGÀY", help="ngày nhận chuyển đến (mặc định: hôm nay)")
        if name == "receive":
            p.add_argument(
                "--allow-duplicate",
                action="store_true",
                help="nhận dù sổ có người cùng họ tên, ngày sinh (đã kiểm tra là người khác)",
            )
        p.set_defaults(func=func)
