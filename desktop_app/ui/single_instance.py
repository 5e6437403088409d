"""One copy of the program per user and data folder: a second launch hands its request to the
first one and exits.

The first copy listens on a local socket (a named pipe on Windows) whose name is derived from
the user and the data folder. A second launch connects, sends one JSON line
(``{"command": "show", "register": PATH or null}``), waits for ``ok`` and exits 0; the first
raises its window (``show_requested``). A name left behind by a copy that crashed answers
nobody: it is removed and taken over.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from desktop_app import paths

log = logging.getLogger(__name__)
COMMAND = "show"
MAX_MESSAGE = 64 * 1024  # a path, not a file
CONNECT_MS = 1000
ANSWER_MS = 3000


def server_name(data_dir: Path | None = None, user: str | None = None) -> str:
    """The same for every launch by one user on one data folder; opaque (no name in /tmp)."""
    folder = os.path.abspath(data_dir or paths.data_dir())
    who = user if user is not None else _user()
    digest = hashlib.sha256(f"{who}\0{folder}".encode()).hexdigest()[:20]
    return f"sochibo-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return str(Path.home())


def encode(register: str | None) -> bytes:
    absolute = os.path.abspath(register) if register else None  # our working folder, not theirs
    return json.dumps({"command": COMMAND, "register": absolute}).encode() + b"\n"


def decode(line: bytes) -> tuple[bool, str | None]:
    """(understood, register asked for): anything malformed is not understood."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False, None
    if not isinstance(message, dict) or message.get("command") != COMMAND:
        return False, None
    register = message.get("register")
    if register is not None and not (isinstance(register, str) and register):
        return False, None
    return True, register


class SingleInstance(QObject):
    """The first copy listens; later ones hand over."""

    show_requested = Signal(object)  # the register path asked for (str), or None

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    # -- the second launch --------------------------------------------------------------------

    def hand_over(self, register: str | None = None) -> bool:
        """Give the request to the copy already running; False when none is listening."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        _allow_foreground()
        socket.write(encode(register))
        socket.waitForBytesWritten(ANSWER_MS)
        answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readAll()) == b"ok\n"
        if not answered:
            log.warning("the running copy took the request but did not answer")
        socket.disconnectFromServer()
        return True  # someone is there: a second window would fight it for the register

    def _someone_answers(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        alive = socket.waitForConnected(CONNECT_MS)
        socket.abort()
        return alive

    # -- the first launch ---------------------------------------------------------------------

    def listen(self) -> bool:
        """Take the name. False when another copy holds it (lost a race: hand over instead)
        or the system refuses; a name left by a crash is removed and taken."""
        # No UserAccessOption: with it Qt renames its socket over one already there, so a
        # second copy would take the name instead of finding it in use. The socket is made
        # with the umask (others cannot connect without write permission on it).
        server = QLocalServer(self)
        if not server.listen(self.name):
            in_use = server.serverError() == QAbstractSocket.SocketError.AddressInUseError
            if not in_use or self._someone_answers():
                log.warning("single instance: cannot listen (%s)", server.errorString())
                server.deleteLater()
                return False
            log.info("single instance: removing a name left by a copy that stopped")
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single instance: cannot listen (%s)", server.errorString())
                server.deleteLater()
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        log.info("single instance: listening")
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def _accept(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()):
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the line may have come with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        understood, register = decode(bytes(socket.readLine(MAX_MESSAGE)))
        if not understood:
            log.warning("single instance: a message that is not ours was ignored")
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        log.info("another launch asked to show the window%s", " and a register" if register else "")
        # after this slot returns: the answer must not wait behind a dialog the request opens
        QTimer.singleShot(0, self, lambda: self.show_requested.emit(register))


def _allow_foreground() -> None:
    """Windows lets only the foreground process bring a window forward: this launch is in
    front (the user just started it), so it lets the running copy come to the front."""
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
        except (OSError, AttributeError):
            pass
