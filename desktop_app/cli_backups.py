"""``sochibo backup``: make a verified backup (in the automatic folder or on a stick), list the
backups, test-restore one apart from the live register, restore one (the live file is moved
aside and the restore can itself be undone), all through the same service as the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli_support import CliError, common, emit, open_register
from desktop_app.services import backups
from desktop_app.services.backups import BackupInfo, RestoreTest
from desktop_app.store.database import SUFFIX, Register


def _line(info: BackupInfo) -> str:
    return (
        f"{info.created_text}  {info.reason_label:<26}  {info.size_text:>8}  "
        f"{info.members:>4} đảng viên  {info.path.name}"
    )


def _folder(text: str | None) -> Path | None:
    if text is None:
        return None
    folder = Path(text)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"«{folder}» không phải thư mục.")
    return folder


def _chosen(reg: Register, name: str | None, folder: Path | None) -> Path:
    """A backup named by its path, or by its file name in the folder (default: automatic)."""
    listed = backups.list_backups(reg.register_id, folder)
    if name is None:
        if not listed:
            raise CliError("Chưa có bản sao lưu nào của sổ này.")
        return listed[0].path
    given = Path(name)
    if given.is_file():
        backups.check_is_ours(reg, given)
        return given
    for info in listed:
        if info.path.name in (name, name + SUFFIX):
            return info.path
    where = folder or backups.backup_dir(reg.register_id)
    raise CliError(
        f"Không có bản sao lưu «{name}» trong «{where}». Xem danh sách: sochibo backup list"
    )


def _tested_text(tested: RestoreTest) -> str:
    name = tested.backup.name
    if tested.ok:
        return (
            f"Thử khôi phục «{name}»: tốt. {tested.members} đảng viên, {tested.people} người, "
            f"nhật ký {tested.journal_entries} mục, chuỗi băm nguyên vẹn. Sổ đang dùng không "
            "bị động đến."
        )
    return f"Thử khôi phục «{name}»: KHÔNG dùng được:\n" + "\n".join(
        f"  • {p}" for p in tested.problems
    )


# -- commands ------------------------------------------------------------------------------------


def cmd_create(args: argparse.Namespace) -> int:
    folder = _folder(args.to)
    with open_register(args) as reg:
        info = backups.create_backup(reg, "thu-cong", folder=folder)
    emit(
        info.to_json(),
        args.json,
        lambda: (
            f"Đã sao lưu và đọc lại kiểm tra: {info.path} ({info.size_text}, "
            f"{info.members} đảng viên)."
        ),
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    folder = _folder(args.folder)
    with open_register(args) as reg:
        listed = backups.list_backups(reg.register_id, folder)
        where = folder or backups.backup_dir(reg.register_id)
    emit(
        [b.to_json() for b in listed],
        args.json,
        lambda: (
            f"Các bản sao lưu trong «{where}», mới nhất trước:\n"
            + ("\n".join(_line(b) for b in listed) or "(chưa có bản nào)")
        ),
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    folder = _folder(args.folder)
    with open_register(args) as reg:
        if args.all:
            chosen = [b.path for b in backups.list_backups(reg.register_id, folder)]
        else:
            chosen = [_chosen(reg, args.name, folder)]
        results = [backups.trial_restore(p, reg.data_key, reg.register_id) for p in chosen]
    emit(
        [r.to_json() for r in results],
        args.json,
        lambda: "\n".join(_tested_text(r) for r in results) or "(chưa có bản sao lưu nào)",
    )
    return 0 if all(r.ok for r in results) else 1


def cmd_restore(args: argparse.Namespace) -> int:
    folder = _folder(args.folder)
    reg = open_register(args)
    try:
        if args.undo:
            undo = backups.undo_target(reg.register_id)
            if undo is None:
                raise CliError("Chưa lần khôi phục nào để hoàn tác.")
            chosen = undo.path
        else:
            chosen = _chosen(reg, None if args.latest else args.name, folder)
        live = reg.path
        reg = backups.restore(reg, chosen)
        doc = {"restored": str(chosen), "register": str(live)}
    finally:
        reg.close()
    emit(
        doc,
        args.json,
        lambda: (
            f"Đã khôi phục sổ «{live.name}» từ «{chosen.name}». Sổ trước khi khôi phục được "
            "giữ lại; hoàn tác: sochibo backup restore --undo"
        ),
    )
    return 0


def add_parsers(sub) -> None:
    group = sub.add_parser("backup", help="sao lưu, thử khôi phục, khôi phục")
    actions = group.add_subparsers(dest="action", required=True)
    folder_help = "thư mục chứa bản sao lưu (mặc định: thư mục sao lưu tự động của sổ)"

    p = actions.add_parser("create", help="sao lưu ngay (rồi đọc lại để kiểm tra)")
    common(p)
    p.add_argument("--to", metavar="THƯ_MỤC", help="ghi vào thư mục này, ví dụ USB")
    p.set_defaults(func=cmd_create)

    p = actions.add_parser("list", help="các bản sao lưu: ngày, lý do, dung lượng, số đảng viên")
    common(p)
    p.add_argument("--from", dest="folder", metavar="THƯ_MỤC", help=folder_help)
    p.set_defaults(func=cmd_list)

    p = actions.add_parser(
        "verify", help="thử khôi phục ở chỗ riêng và kiểm tra mọi thứ (sổ đang dùng giữ nguyên)"
    )
    common(p)
    p.add_argument("name", nargs="?", help="tên hoặc đường dẫn bản sao lưu (mặc định: mới nhất)")
    p.add_argument("--all", action="store_true", help="thử tất cả các bản")
    p.add_argument("--from", dest="folder", metavar="THƯ_MỤC", help=folder_help)
    p.set_defaults(func=cmd_verify)

    p = actions.add_parser(
        "restore", help="khôi phục một bản sao lưu (sổ hiện tại được giữ lại, hoàn tác được)"
    )
    common(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("name", nargs="?", help="tên hoặc đường dẫn bản sao lưu")
    which.add_argument("--latest", action="store_true", help="bản mới nhất")
    which.add_argument("--undo", action="store_true", help="hoàn tác lần khôi phục vừa rồi")
    p.add_argument("--from", dest="folder", metavar="THƯ_MỤC", help=folder_help)
    p.set_defaults(func=cmd_restore)
