"""Verified copies of the open register, through SQLite's backup API (never a file copy of a
WAL database). Used before every migration; the backup feature builds on it (issue 8)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from desktop_app.store.errors import RegisterError
from desktop_app.store.keys import KeyFile, fsync_dir


def verified_copy(db, data_key: bytes, keys: KeyFile, target: Path) -> Path:
    """Copy the open database to ``target`` (and its key file beside it), verify, then rename
    into place. The copy stays encrypted with the same data key."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    _copy(db.connection(), data_key, tmp)
    try:
        _verify(tmp, data_key, db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    keys.save(Path(f"{target}.keys"))
    os.replace(tmp, target)
    fsync_dir(target.parent)
    if os.name == "posix":
        os.chmod(target, 0o600)
        os.chmod(Path(f"{target}.keys"), 0o600)
    return target


def _keyed(path: Path, data_key: bytes):
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    return conn


def _copy(source, data_key: bytes, tmp: Path) -> None:
    target = _keyed(tmp, data_key)
    try:
        source.backup(target)
    finally:
        target.close()
    if os.name == "posix":
        os.chmod(tmp, 0o600)


def _verify(tmp: Path, data_key: bytes, db) -> None:
    copy = _keyed(tmp, data_key)
    try:
        same = [
            copy.execute(f"PRAGMA {p}").fetchone()[0] == db.execute_sql(f"PRAGMA {p}").fetchone()[0]
            for p in ("application_id", "user_version")
        ]
        result = copy.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        copy.close()
    if result != "ok" or not all(same):
        raise RegisterError(
            f"Bản sao lưu «{tmp.name}» không đọc lại được ({result}); "
            "chưa nâng cấp gì, sổ vẫn nguyên."
        )


def before_migration_name(path: Path, version: int, now: dt.datetime | None = None) -> Path:
    """``chi-bo.sochibo`` → ``chi-bo.truoc-nang-cap-v1.20261122-0850.sochibo`` beside it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.truoc-nang-cap-v{version}.{stamp}{path.suffix}")
