"""Verified copies of the open register, through SQLite's backup API (never a file copy of a
WAL database): written under a temporary name, read back (quick check, schema, the whole journal
chain, the same head as the source), flushed, then renamed. Used before every migration and by
the backup service."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from desktop_app.store import journal
from desktop_app.store.errors import AlreadyOpen, NotARegister, RegisterError
from desktop_app.store.keys import KeyFile, fsync_dir

_HEAD_SQL = "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"


def verified_copy(db, data_key: bytes, keys: KeyFile, target: Path) -> Path:
    """Copy the open database to ``target`` (and its key file beside it), verify, then rename
    into place. The copy stays encrypted with the same data key."""
    tmp = target.with_name(target.name + ".tmp")
    if Path(f"{target}-wal").exists():
        # SQLite would replay that log into the copy the first time it is opened
        raise RegisterError(
            f"Bên cạnh «{target.name}» còn tệp «{target.name}-wal» không thuộc bản sao; "
            "không chép vào tên này. Sổ vẫn nguyên, không có gì thay đổi."
        )
    tmp.unlink(missing_ok=True)
    _copy(db.connection(), data_key, tmp)
    try:
        _verify(tmp, data_key, db)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        keys.save(Path(f"{target}.keys"))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    if os.name == "posix":
        os.chmod(target, 0o600)
        os.chmod(Path(f"{target}.keys"), 0o600)
    return target


class _Connected:
    """What ``verified_copy`` asks of a database, over a bare connection."""

    def __init__(self, conn):
        self._conn = conn

    def connection(self):
        return self._conn

    def execute_sql(self, sql: str):
        return self._conn.execute(sql)


def copy_unopened(source: Path, data_key: bytes, keys: KeyFile, target: Path) -> Path:
    """A verified copy of a register file this program has not opened (one on a USB stick or a
    network share), read through a read-only connection: SQLite's own lock refuses it while
    another program holds it, a ``-wal`` a crash left beside it is read with it, and neither
    the file nor its ``-wal`` is ever written."""
    uri = f"{Path(source).absolute().as_uri()}?mode=ro"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, timeout=0.5)
    except sqlcipher.DatabaseError as exc:
        raise NotARegister(f"Không đọc được «{Path(source).name}»: {exc}") from exc
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        # A read transaction for the whole copy: one snapshot, and no writer can start (the
        # backup API would wait forever for a busy source; this read gives up after the timeout).
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return verified_copy(_Connected(conn), data_key, keys, target)
    except sqlcipher.DatabaseError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise AlreadyOpen(
                f"Sổ «{Path(source).name}» đang được một chương trình khác mở (có thể ở máy "
                "khác). Hãy đóng sổ ở đó rồi thử lại."
            ) from exc
        raise NotARegister(
            f"«{Path(source).name}» không phải sổ chi bộ, hoặc tệp sổ đã bị hỏng. Chi tiết: {exc}"
        ) from exc
    finally:
        conn.close()


def check_file(path: Path, data_key: bytes) -> list[str]:
    """Read a copy back through its own connection: the problems found (none when sound)."""
    try:
        conn = _keyed(path, data_key)
    except sqlcipher.DatabaseError as exc:
        return [f"không mở được ({exc})"]
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            return [f"tệp hỏng ({result})"]
        return journal.verify_rows(conn.execute(journal.CHAIN_SQL)).problems
    except sqlcipher.DatabaseError as exc:
        return [f"không đọc được ({exc})"]
    finally:
        conn.close()


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
    problems = check_file(tmp, data_key)
    if not problems:
        copy = _keyed(tmp, data_key)
        try:
            for sql in ("PRAGMA application_id", "PRAGMA user_version", _HEAD_SQL):
                if copy.execute(sql).fetchone() != db.execute_sql(sql).fetchone():
                    problems.append(f"bản sao khác sổ ({sql})")
        finally:
            copy.close()
    if problems:
        raise RegisterError(
            f"Bản sao lưu «{tmp.name}» không đọc lại được ({'; '.join(problems)}); "
            "sổ vẫn nguyên, không có gì thay đổi."
        )


def before_migration_name(path: Path, version: int, now: dt.datetime | None = None) -> Path:
    """``chi-bo.sochibo`` → ``chi-bo.truoc-nang-cap-v1.20261122-0850.sochibo`` beside it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.truoc-nang-cap-v{version}.{stamp}{path.suffix}")
