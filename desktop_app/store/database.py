"""Opening and creating the encrypted register: the one place that knows the pragmas.

A register is two files: ``NAME.sochibo`` (SQLCipher, raw 256-bit key) and ``NAME.sochibo.keys``
(the wrapped key, see keys.py). Opening never writes before the key is proven right and the file
is proven to be ours, of a version we understand, and sound.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from desktop_app.store import backup, migrations
from desktop_app.store.errors import (
    AlreadyOpen,
    DamagedRegister,
    NewerRegister,
    NotARegister,
    RegisterError,
    RegisterExists,
)
from desktop_app.store.keys import KdfParams, KeyFile, new_data_key
from desktop_app.store.models import MODELS, Meta

APPLICATION_ID = 0x53434231  # "SCB1" in the SQLite header
SUFFIX = ".sochibo"
LOCK_WAIT_SECONDS = 0.5
PRAGMAS: tuple[tuple[str, object], ...] = (
    ("locking_mode", "EXCLUSIVE"),  # before WAL, so no shared memory and one process at a time
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", 1),
    ("temp_store", "MEMORY"),
)


def key_path(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


class RegisterDatabase(SqlCipherDatabase):
    """SQLCipher keyed with a raw key; one connection shared by the single database thread."""

    def __init__(self, path: Path, data_key: bytes):
        self._hex_key = data_key.hex()
        self.previous: RegisterDatabase | None = None
        super().__init__(
            str(path),
            pragmas=PRAGMAS,
            timeout=LOCK_WAIT_SECONDS,
            thread_safe=False,
            check_same_thread=False,
        )

    def bind_models(self) -> None:
        """Point the models here, remembering the register they pointed to (the live register
        while a backup or a copy is opened beside it)."""
        current = Meta._meta.database
        if isinstance(current, RegisterDatabase) and current is not self:
            self.previous = current
        self.bind(MODELS)

    def close(self) -> bool:
        """Close, and give the models back to the register opened before this one, so closing
        a second register (a backup under test) leaves the live one working."""
        closed = super().close()
        if Meta._meta.database is self:
            back = self.previous
            while back is not None and back.is_closed():
                back = back.previous
            if back is not None:
                back.bind(MODELS)
        return closed

    def _connect(self):
        conn = sqlcipher.connect(
            self.database, isolation_level=None, timeout=self._timeout, **self.connect_params
        )
        try:
            conn.execute(f"PRAGMA key = \"x'{self._hex_key}'\"")
            self._add_conn_hooks(conn)  # PRAGMAS, locking_mode first: the first read follows
            # Take the exclusive lock now: a reader alone would only hold a shared one and a
            # second copy of the program could still open the file.
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except Exception:
            conn.close()
            raise
        return conn


@dataclass
class Register:
    """An open register. All database work runs on one thread at a time (see ui/tasks.py)."""

    path: Path
    db: RegisterDatabase
    register_id: str
    device_id: str
    key_file: KeyFile
    data_key: bytes

    @property
    def author(self) -> str:
        return f"device:{self.device_id[:8]}"

    def atomic(self):
        """A write transaction (BEGIN IMMEDIATE)."""
        return self.db.atomic("IMMEDIATE")

    def pragma(self, name: str) -> object:
        return self.db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, passphrase: str | None = None, recovery_key: str | None = None
    ) -> Register:
        path = Path(path)
        _require_file(path)
        keys = KeyFile.load(key_path(path))
        data_key = (
            keys.unlock_with_recovery(recovery_key)
            if recovery_key
            else keys.unlock(passphrase or "")
        )
        db = _connect(path, data_key)
        try:
            reg = _prepare(path, db, keys, data_key)
        except BaseException:
            db.close()
            raise
        return reg

    @classmethod
    def open_with_key(cls, path: Path, data_key: bytes) -> Register:
        """Open a copy of a register whose data key is already known (a backup of the open
        register: backups keep the same data key)."""
        path = Path(path)
        _require_file(path)
        keys = KeyFile.load(key_path(path))
        db = _connect(path, data_key)
        try:
            return _prepare(path, db, keys, data_key)
        except BaseException:
            db.close()
            raise

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        initialise: Callable[[Register], None] | None = None,
    ) -> tuple[Register, str]:
        """Create a register and return it open with the recovery key to show once.

        The file is built under a temporary name and renamed into place only when complete, so
        a crash never leaves a half-made register where the program would look for one.
        """
        path = Path(path)
        if path.exists() or key_path(path).exists():
            raise RegisterExists(f"Đã có một sổ tại «{path}». Hãy mở sổ đó hoặc chọn tên khác.")
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".creating")
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        register_id, data_key = str(uuid.uuid4()), new_data_key()
        keys, recovery = KeyFile.create(register_id, data_key, passphrase, kdf or KdfParams())
        reg = _new_file(tmp, keys, data_key, initialise)
        reg.close()
        keys.save(key_path(path))
        _private(key_path(path))
        os.replace(tmp, path)
        return cls.open(path, passphrase), recovery


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise NotARegister(f"Không tìm thấy sổ «{path}».")
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head.startswith(b"SQLite format 3"):
        raise NotARegister(f"«{path.name}» là tệp SQLite không mã hóa, không phải sổ chi bộ.")
    if len(head) < 16 or path.stat().st_size % 512:
        raise NotARegister(f"«{path.name}» không phải sổ chi bộ, hoặc tệp đã bị cắt cụt.")


def _connect(path: Path, data_key: bytes) -> RegisterDatabase:
    db = RegisterDatabase(path, data_key)
    try:
        db.connect()
    except (pw.OperationalError, pw.DatabaseError, sqlcipher.DatabaseError) as exc:
        db.close()
        raise _explain(path, exc) from exc
    db.bind_models()
    return db


def _explain(path: Path, exc: Exception) -> RegisterError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return AlreadyOpen(
            f"Sổ «{path.name}» đang được mở ở một cửa sổ khác của chương trình. "
            "Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
        )
    return NotARegister(
        f"«{path.name}» không phải sổ chi bộ, hoặc tệp sổ đã bị hỏng "
        f"(không khớp với tệp khóa bên cạnh). Chi tiết: {exc}"
    )


def _prepare(path: Path, db: RegisterDatabase, keys: KeyFile, data_key: bytes) -> Register:
    app_id = db.execute_sql("PRAGMA application_id").fetchone()[0]
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotARegister(f"«{path.name}» là cơ sở dữ liệu của chương trình khác.")
    if version > migrations.LATEST:
        raise NewerRegister(
            f"Sổ «{path.name}» được tạo bằng phiên bản mới hơn của chương trình "
            f"(lược đồ {version}, bản này hiểu đến {migrations.LATEST}). "
            "Hãy cài phiên bản mới; sổ không bị thay đổi gì."
        )
    if version < 1:
        raise NotARegister(f"«{path.name}» là một sổ chưa tạo xong; hãy tạo lại sổ.")
    try:
        result = db.execute_sql("PRAGMA quick_check").fetchone()[0]
    except (pw.DatabaseError, sqlcipher.DatabaseError) as exc:  # a page that fails its MAC
        result = str(exc)
    if result != "ok":
        raise DamagedRegister(
            f"Sổ «{path.name}» bị hỏng ({result}). Không ghi gì thêm vào sổ; "
            "hãy khôi phục từ bản sao lưu gần nhất."
        )
    meta = {m.key: m.value for m in Meta.select()}  # the meta table is the same in every schema
    if meta.get("register_id") != keys.register_id:
        raise NotARegister(f"Tệp khóa không thuộc sổ «{path.name}».")
    if version < migrations.LATEST:
        # a verified copy of the old schema first: a failed step must never cost the data
        backup.verified_copy(db, data_key, keys, backup.before_migration_name(path, version))
        migrations.migrate(db, version)
    return Register(path, db, keys.register_id, meta["device_id"], keys, data_key)


def _new_file(
    tmp: Path, keys: KeyFile, data_key: bytes, initialise: Callable[[Register], None] | None
) -> Register:
    db = RegisterDatabase(tmp, data_key)
    db.connect()
    db.bind_models()
    _private(tmp)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.migrate(db, 0)
    device_id = str(uuid.uuid4())
    with db.atomic("IMMEDIATE"):
        Meta.insert_many(
            [
                ("register_id", keys.register_id),
                ("device_id", device_id),
                ("schema_created", str(migrations.LATEST)),
            ]
        ).execute()
    reg = Register(tmp, db, keys.register_id, device_id, keys, data_key)
    if initialise:
        try:
            initialise(reg)
        except BaseException:
            reg.close()
            tmp.unlink(missing_ok=True)
            raise
    return reg


def _private(path: Path) -> None:
    """Only the owner may read the register files (other users of a shared office PC)."""
    if os.name == "posix":
        os.chmod(path, 0o600)
