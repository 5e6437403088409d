"""Standard tools read what the program writes, and the program reads what they write: the
Debian ``age`` decrypts a bundle with the upper level's identity file (``gzip -d`` unpacks it),
the Debian ``minisign`` verifies its signature with the cell's public key file. ``.ci/run``
installs both when apt can; each test is skipped, saying why, only when its tool is absent."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop_app.services import members, sync_cell
from desktop_app.sync import bundle, crypto
from desktop_app.sync.crypto import AgeIdentity, PublicKey
from tests.conftest import TODAY
from tests.sync.conftest import cell_key

AGE, MINISIGN = shutil.which("age"), shutil.which("minisign")
needs_age = pytest.mark.skipif(
    AGE is None, reason="the Debian age tool is not installed (apt-get install age)"
)
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="the Debian minisign tool is not installed (apt-get install minisign)"
)


def tool(*args: object, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], input=stdin, capture_output=True, timeout=60, check=False
    )


@pytest.fixture
def exported(enrolled, usb, upper):
    members.add_person(enrolled, {"full_name": "Đặng Thị Thuỳ Dương", "sex": "female"}, today=TODAY)
    return sync_cell.export_bundle(enrolled, usb)


@needs_age
def test_the_age_tool_decrypts_a_bundle(exported, enrolled, upper, tmp_path):
    identity = tmp_path / "identity.txt"
    identity.write_text(upper.identity.file_text())
    done = tool(AGE, "-d", "-i", identity, exported.path)
    assert done.returncode == 0, done.stderr
    lines = tool("gzip", "-dc", stdin=done.stdout)  # the content is packed with plain gzip
    assert lines.returncode == 0, lines.stderr
    manifest, entries = bundle.parse(lines.stdout)  # the same content, every check passed
    assert manifest.bundle_id == exported.bundle_id and len(entries) == exported.entries
    assert "Đặng Thị Thuỳ Dương".encode() in lines.stdout
    wrong = tmp_path / "other.txt"
    wrong.write_text(AgeIdentity.generate().file_text())
    assert tool(AGE, "-d", "-i", wrong, exported.path).returncode != 0


@needs_age
def test_the_program_decrypts_what_the_age_tool_encrypts():
    identity = AgeIdentity.generate()
    done = tool(AGE, "-r", identity.recipient, stdin="Sổ Chi bộ".encode())
    assert done.returncode == 0, done.stderr
    assert crypto.decrypt(done.stdout, identity) == "Sổ Chi bộ".encode()


@needs_minisign
def test_the_minisign_tool_verifies_a_bundle(exported, enrolled, tmp_path):
    key = tmp_path / "chi-bo.pub"
    key.write_text(cell_key(enrolled).file_text())
    done = tool(MINISIGN, "-V", "-p", key, "-m", exported.path)
    assert done.returncode == 0, done.stderr
    assert b"Signature and comment signature verified" in done.stdout
    assert exported.path.name.encode() in done.stdout  # the trusted comment names the file
    exported.path.write_bytes(exported.path.read_bytes() + b"x")
    assert tool(MINISIGN, "-V", "-p", key, "-m", exported.path).returncode != 0


@needs_minisign
def test_the_program_verifies_what_the_minisign_tool_signs(tmp_path):
    (tmp_path / "f").write_bytes("nội dung".encode())
    made = tool(MINISIGN, "-G", "-W", "-p", tmp_path / "k.pub", "-s", tmp_path / "k.sec")
    assert made.returncode == 0, made.stderr
    signed = tool(MINISIGN, "-S", "-W", "-s", tmp_path / "k.sec", "-m", tmp_path / "f",
                  "-t", "lời ghi kèm")  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    public = PublicKey.parse((tmp_path / "k.pub").read_text())
    signature = crypto.parse_signature((tmp_path / "f.minisig").read_bytes())
    crypto.verify(public, "nội dung".encode(), signature)
    assert signature.trusted_comment == "lời ghi kèm"
    first_line = (tmp_path / "k.pub").read_text().splitlines()[0]
    # the same key id as minisign's, which drops leading zeros (one key in 16 has some)
    assert int(first_line.rsplit(" ", 1)[1], 16) == int(public.key_id_hex, 16)
    assert public.key_id_hex.endswith(first_line.rsplit(" ", 1)[1])
