"""One copy of the program at a time: a second launch hands its request to the first and exits
0; the first comes forward (and opens the register asked for only when none is open); a name
left by a crashed copy is taken over."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QAbstractSocket, QLocalServer

from desktop_app import paths
from desktop_app.ui import single_instance
from desktop_app.ui.app import Shell
from desktop_app.ui.single_instance import SingleInstance, decode, encode, server_name

ROOT = Path(__file__).resolve().parents[2]
WAIT = 15_000


@pytest.fixture
def name():
    """A name no other test (or a real copy of the program) uses; removed afterwards."""
    unique = f"sochibo-test-{uuid.uuid4().hex[:12]}"
    yield unique
    QLocalServer.removeServer(unique)


@pytest.fixture
def first(qapp, name):
    instance = SingleInstance(name)
    assert instance.listen()
    yield instance
    instance.close()


def in_thread(work):
    """Run a blocking hand-over off the GUI thread, as another process would."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    return thread, result


# -- the name and the message -----------------------------------------------------------------


def test_the_name_depends_on_the_user_and_the_data_folder(tmp_path):
    here = server_name(tmp_path / "a", "nguyenthiha")
    assert here == server_name(tmp_path / "a", "nguyenthiha")
    assert here != server_name(tmp_path / "b", "nguyenthiha")
    assert here != server_name(tmp_path / "a", "levantam")
    assert "nguyen" not in here and str(tmp_path) not in here  # nothing readable in /tmp
    assert len(here) == len("sochibo-") + 20
    assert server_name() == server_name(paths.data_dir())  # the test's own SOCHIBO_HOME


def test_messages_round_trip_and_strangers_are_refused(tmp_path):
    assert decode(encode(None)) == (True, None)
    assert decode(encode(str(tmp_path / "sổ.sochibo"))) == (True, str(tmp_path / "sổ.sochibo"))
    assert decode(encode("relative.sochibo"))[1] == os.path.abspath("relative.sochibo")
    for stranger in (
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"command": "quit"}',
        b'{"command": "show", "register": 5}',
        b'{"command": "show", "register": ""}',
        b"not json",
    ):
        assert decode(stranger) == (False, None), stranger


# -- two copies in one test ------------------------------------------------------------------------


SECOND = """
import sys, time
from PySide6.QtCore import QCoreApplication
from desktop_app.ui.single_instance import SingleInstance
app = QCoreApplication([])
started = time.monotonic()
handed = SingleInstance(sys.argv[1]).hand_over(sys.argv[2] if len(sys.argv) > 2 else None)
print(handed, round(time.monotonic() - started, 3), flush=True)
"""


def second_launch(name: str, *register: str) -> subprocess.Popen:
    """Another process handing over, as a second launch of the program does."""
    return subprocess.Popen(
        [sys.executable, "-c", SECOND, name, *register],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(qtbot, process: subprocess.Popen) -> tuple[bool, float]:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=WAIT)
    out, err = process.communicate()
    handed, seconds = out.split()
    assert process.returncode == 0, err
    return handed == "True", float(seconds)


def test_a_second_copy_hands_over_and_the_first_is_told(first, name, qtbot, tmp_path):
    asked = str(tmp_path / "chi-bo.sochibo")
    with qtbot.waitSignal(first.show_requested, timeout=WAIT) as signal:
        process = second_launch(name, asked)
    handed, seconds = finished(qtbot, process)
    assert handed and seconds < single_instance.ANSWER_MS / 1000  # answered, no time-out
    assert signal.args == [asked]


def test_a_plain_show_carries_no_register(first, name, qtbot):
    with qtbot.waitSignal(first.show_requested, timeout=WAIT) as signal:
        process = second_launch(name)
    assert finished(qtbot, process)[0]
    assert signal.args == [None]


def test_a_stranger_is_ignored(first, name, qtbot):
    from PySide6.QtNetwork import QLocalSocket

    def send() -> bool:
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(2000)
        socket.write(b'{"command": "delete everything"}\n')
        socket.waitForBytesWritten(2000)
        answered = socket.waitForReadyRead(1000) and bytes(socket.readAll())
        return bool(answered)

    with qtbot.assertNotEmitted(first.show_requested, wait=500):
        thread, result = in_thread(send)
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=WAIT)
    assert result == [False]  # no "ok" for a message that is not ours


def test_nobody_to_hand_over_to(qapp, name):
    assert SingleInstance(name).hand_over("x.sochibo") is False


def test_the_second_to_listen_loses_the_race(first, name, qapp):
    second = SingleInstance(name)
    assert second.listen() is False
    assert second.server is None
    assert first.server is not None and first.server.isListening()


CRASHING_FIRST = """
import os, sys
from PySide6.QtCore import QCoreApplication
from desktop_app.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
assert instance.listen()
print("listening", flush=True)
os._exit(0)  # a crash: the name is never given back
"""


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes vanish with their process")
def test_a_name_left_by_a_crash_is_taken_over(qapp, name):
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_FIRST, name],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "listening", done.stderr
    plain = QLocalServer()
    assert not plain.listen(name)  # the leftover really is in the way
    assert plain.serverError() == QAbstractSocket.SocketError.AddressInUseError
    instance = SingleInstance(name)
    assert instance.hand_over(None) is False  # nobody answers
    assert instance.listen() is True
    instance.close()


# -- the window comes forward ---------------------------------------------------------------------


def test_a_request_with_no_register_shows_the_welcome_screen(shell: Shell):
    shell.bring_forward(None)
    assert shell.welcome is not None and shell.welcome.isVisible()
    assert shell.unlock_dialog is None


def test_a_register_asked_for_opens_when_none_is_open(shell: Shell, register_file):
    shell.show_welcome()
    shell.bring_forward(register_file)
    assert shell.unlock_dialog is not None and shell.unlock_dialog.path == register_file
    assert shell.unlock_dialog.isVisible()
    dialog = shell.unlock_dialog
    shell.bring_forward(register_file)  # asked twice: still the one dialog
    assert shell.unlock_dialog is dialog


def test_a_missing_register_asked_for_is_named(shell: Shell, told, tmp_path):
    shell.bring_forward(tmp_path / "khong-co.sochibo")
    assert told and "khong-co.sochibo" in told[0][1]
    assert shell.welcome is not None and shell.welcome.isVisible()


def test_another_register_asked_for_while_one_is_open_is_explained(
    shell: Shell, qtbot, demo_file, register_file, told
):
    shell.open_demo()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    shell.window.showMinimized()
    shell.bring_forward(register_file)
    assert not shell.window.isMinimized()
    assert shell.unlock_dialog is None and shell.window.register_path == demo_file
    assert told == [
        (
            "Đang mở một sổ khác",
            f"Cửa sổ này đang mở sổ {demo_file.name}. Muốn mở {register_file}, hãy đóng sổ "
            "này trước (menu Tệp, Đóng sổ), rồi mở sổ kia.",
        )
    ]
    told.clear()
    shell.bring_forward(demo_file)  # the one already open: just come forward
    assert told == []


# -- the program itself ---------------------------------------------------------------------------


def wait_for(predicate, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_a_second_launch_exits_and_the_first_comes_forward(tmp_path):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "SOCHIBO_HOME": str(home),
        "HOME": str(tmp_path / "user"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "APPDATA": str(tmp_path / "config"),
    }
    log_file = home / "logs" / "sochibo.log"

    def log_text() -> str:
        return log_file.read_text(encoding="utf-8") if log_file.exists() else ""

    # as the windowed launcher sochibo-gui (and a file association) starts it
    launch = [
        sys.executable,
        "-c",
        "import sys; from desktop_app.__main__ import gui_main; sys.exit(gui_main())",
    ]
    first = subprocess.Popen(
        launch, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        assert wait_for(lambda: "single instance: listening" in log_text()), log_text()
        started = time.monotonic()
        second = subprocess.run(
            [*launch, str(tmp_path / "usb" / "chi-bo.sochibo")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert took < 20, took
        assert wait_for(lambda: "asked to show the window and a register" in log_text())
        assert "the request was handed to it" in log_text()
        assert "did not answer" not in log_text()
        assert first.poll() is None  # the first copy goes on
        assert log_text().count("single instance: listening") == 1
    finally:
        first.kill()
        first.wait(30)
        QLocalServer.removeServer(single_instance.server_name(home))
