"""``sochibo passphrase``: change the passphrase, recover with the recovery key and set a new
passphrase, make a new recovery key (and its printed sheet), through the same services as the
window. The current passphrase comes the usual way (``--passphrase-file`` or
``SOCHIBO_PASSPHRASE``); a new one from ``--new-passphrase-file`` or typed twice at a prompt."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path

from desktop_app.cli_support import CliError, common, emit, passphrase, register_path
from desktop_app.domain.passphrase_advice import Advice
from desktop_app.services import passphrase as service
from desktop_app.services import registers
from desktop_app.store.database import Register


def _read_line(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        raise CliError(f"Không đọc được {what} từ tệp «{path}».") from exc


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            f"Cần {label.lower()}: dùng --new-passphrase-file TỆP, hoặc chạy lệnh ở cửa sổ "
            "dòng lệnh để gõ vào."
        )
    return getpass.getpass(f"{label}: ")


def _new_passphrase(args: argparse.Namespace) -> tuple[str, str]:
    """The new passphrase and its confirmation (a file counts as typed twice)."""
    if args.new_passphrase_file:
        new = _read_line(args.new_passphrase_file, "mật khẩu mới")
        return new, new
    new = _prompt("Mật khẩu mới")
    return new, getpass.getpass("Nhập lại mật khẩu mới: ")


def _existing(args: argparse.Namespace) -> Path:
    path = register_path(args)
    if not path.exists():
        raise CliError(f"Chưa có sổ tại «{path}». Tạo sổ: sochibo init --name … --code …")
    return path


def _sheet_target(text: str | None) -> Path | None:
    if text is None:
        return None
    out = Path(text)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"Tệp tờ khóa «{out.name}» phải có đuôi .pdf")
    if not out.parent.is_dir():
        raise CliError(f"Không có thư mục «{out.parent}» để ghi tờ khóa")
    return out


def _write_sheet(reg: Register, key: str, out: Path) -> None:
    pdf = service.recovery_sheet_for(reg, key, dt.date.today())
    partial = out.with_name(out.name + ".dang-ghi")
    partial.write_bytes(pdf)
    os.replace(partial, out)  # never a half-written sheet under the real name


def _advice_doc(path: Path, advice: Advice) -> dict[str, object]:
    return {
        "path": str(path),
        "passphrase_changed": True,
        "strength": advice.rating,
        "advice": advice.message,
    }


# -- commands ------------------------------------------------------------------------------------


def cmd_change(args: argparse.Namespace) -> int:
    path = _existing(args)
    old = passphrase(args)
    new, confirm = _new_passphrase(args)
    with registers.open_register(path, old) as reg:
        advice = service.change_passphrase(reg, old, new, confirm)
    emit(
        _advice_doc(path, advice),
        args.json,
        lambda: f"Đã đổi mật khẩu của sổ «{path.name}». {advice.message}",
    )
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    path = _existing(args)
    key = args.recovery_key or _prompt("Khóa khôi phục")
    new, confirm = _new_passphrase(args)
    with service.recover(path, key, new, confirm) as reg:
        advice = service.advise(reg, new)
    emit(
        {**_advice_doc(path, advice), "recovery_key_still_valid": True},
        args.json,
        lambda: (
            f"Đã mở sổ «{path.name}» bằng khóa khôi phục và đặt mật khẩu mới. "
            f"Từ nay mở sổ bằng mật khẩu mới; khóa khôi phục vẫn dùng được. {advice.message}"
        ),
    )
    return 0


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    path = _existing(args)
    sheet = _sheet_target(args.sheet)
    secret = passphrase(args)
    with registers.open_register(path, secret) as reg:
        key = service.new_recovery_key(reg, secret)
        if sheet is not None:
            try:
                _write_sheet(reg, key, sheet)
            except OSError as exc:  # the key is made: say it anyway, it is shown only here
                print(f"Khóa khôi phục mới: {key}", file=sys.stderr)
                raise CliError(f"Không ghi được tờ khóa «{sheet}»: {exc.strerror}.") from exc
    emit(
        {"path": str(path), "recovery_key": key, "sheet": str(sheet) if sheet else None},
        args.json,
        lambda: (
            "KHÓA KHÔI PHỤC MỚI (chép ra giấy hoặc in tờ khóa, cất nơi an toàn; chỉ hiện một "
            f"lần):\n\n    {key}\n\nKhóa cũ không còn mở được sổ này."
            + (f"\nTờ khóa để in: {sheet}" if sheet else "")
        ),
    )
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    path = _existing(args)
    out = _sheet_target(args.out)
    assert out is not None
    key = args.recovery_key or _prompt("Khóa khôi phục")
    with registers.open_register(path, passphrase(args)) as reg:
        _write_sheet(reg, key, out)
    emit({"path": str(path), "sheet": str(out)}, args.json, lambda: f"Đã ghi tờ khóa: {out}")
    return 0


def add_parsers(sub) -> None:
    group = sub.add_parser("passphrase", help="đổi mật khẩu, khóa khôi phục")
    actions = group.add_subparsers(dest="action", required=True)
    new_help = "đọc mật khẩu mới từ dòng đầu tệp này (nếu không, gõ vào hai lần)"

    p = actions.add_parser("change", help="đổi mật khẩu của sổ")
    common(p)
    p.add_argument("--new-passphrase-file", metavar="TỆP", help=new_help)
    p.set_defaults(func=cmd_change)

    p = actions.add_parser(
        "recover", help="quên mật khẩu: mở bằng khóa khôi phục, đặt mật khẩu mới"
    )
    common(p)
    p.add_argument("--recovery-key", metavar="KHÓA", help="khóa khôi phục (nếu không, gõ vào)")
    p.add_argument("--new-passphrase-file", metavar="TỆP", help=new_help)
    p.set_defaults(func=cmd_recover)

    p = actions.add_parser(
        "new-recovery-key", help="tạo khóa khôi phục mới (khóa cũ hết dùng được)"
    )
    common(p)
    p.add_argument("--sheet", metavar="TỆP.pdf", help="ghi kèm tờ khóa để in")
    p.set_defaults(func=cmd_new_recovery_key)

    p = actions.add_parser("sheet", help="in tờ khóa khôi phục cho khóa đang có")
    common(p)
    p.add_argument("--recovery-key", metavar="KHÓA", help="khóa khôi phục (nếu không, gõ vào)")
    p.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF ghi ra")
    p.set_defaults(func=cmd_sheet)
