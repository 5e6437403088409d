"""What every ``sochibo`` command shares: opening the register, dates, output, options."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from desktop_app import paths
from desktop_app.domain.dates import DateFormatError, parse_full
from desktop_app.services import registers
from desktop_app.store.database import Register


class CliError(Exception):
    """A problem with how the command was called (exit code 1, message on stderr)."""


_USAGE_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^argument (.+?): ", r"tham số \1: "),
    (r"invalid choice: (.+) \(choose from (.+)\)$", r"không có lựa chọn \1; chọn một trong: \2"),
    (r"invalid int value: (.+)$", r"\1 không phải số nguyên"),
    (r"invalid \w+ value: (.+)$", r"giá trị \1 không hợp lệ"),
    (r"expected one argument$", "thiếu giá trị"),
    (r"expected at most one argument$", "chỉ nhận một giá trị"),
    (r"expected at least one argument$", "cần ít nhất một giá trị"),
    (r"^the following arguments are required: (.+)$", r"thiếu tham số bắt buộc: \1"),
    (r"^unrecognized arguments: (.+)$", r"không hiểu tham số: \1"),
    (r"^one of the arguments (.+) is required$", r"cần một trong các tham số \1"),
    (r"not allowed with argument (.+)$", r"không dùng cùng với tham số \1"),
    (r"^ambiguous option: (.+) could match (.+)$", r"tùy chọn \1 chưa rõ, có thể là \2"),
)


def usage_error_vi(message: str) -> str:
    """argparse's English error, in Vietnamese (the values and option names kept as typed)."""
    for pattern, replacement in _USAGE_ERRORS:
        message = re.sub(pattern, replacement, message)
    return message


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose errors (a command typed wrong: exit code 2) are in Vietnamese."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {usage_error_vi(message)}\n")


def emit(value: object, as_json: bool, text: Callable[[], str]) -> None:
    if as_json:
        print(json.dumps(value, ensure_ascii=False, indent=2))
    else:
        print(text())


def passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    if args.passphrase_file:
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError) as exc:
            raise CliError(f"Không đọc được tệp mật khẩu «{args.passphrase_file}»") from exc
    if os.environ.get("SOCHIBO_PASSPHRASE"):
        return os.environ["SOCHIBO_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise CliError(
            "Cần mật khẩu của sổ: đặt biến SOCHIBO_PASSPHRASE hoặc dùng --passphrase-file TỆP."
        )
    first = getpass.getpass("Mật khẩu của sổ: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise CliError("Hai lần nhập mật khẩu không khớp.")
    return first


def register_path(args: argparse.Namespace) -> Path:
    return Path(args.register) if args.register else paths.default_register()


def open_register(args: argparse.Namespace) -> Register:
    path = register_path(args)
    if not path.exists():
        raise CliError(f"Chưa có sổ tại «{path}». Tạo sổ: sochibo init --name … --code …")
    return registers.open_register(path, passphrase(args))


def date(text: str) -> dt.date:
    try:
        value = parse_full(text)
    except DateFormatError as exc:
        raise CliError(f"Ngày: {exc}") from exc
    if value is None:
        raise CliError("Cần ngày (dd/mm/yyyy)")
    return value


def common(p: argparse.ArgumentParser, json_flag: bool = True, top: bool = False) -> None:
    """Options accepted before or after the command; a subcommand never resets them."""
    default = None if top else argparse.SUPPRESS
    p.add_argument(
        "--register",
        metavar="TỆP",
        default=default,
        help="tệp sổ (mặc định: sổ trong thư mục dữ liệu người dùng, hoặc biến SOCHIBO_REGISTER)",
    )
    p.add_argument(
        "--passphrase-file",
        metavar="TỆP",
        default=default,
        help="đọc mật khẩu từ dòng đầu tệp này (hoặc đặt biến SOCHIBO_PASSPHRASE)",
    )
    if json_flag:
        p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
