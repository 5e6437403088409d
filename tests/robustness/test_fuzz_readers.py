"""Fuzzing every reader of files that come from outside the program: hostile bytes (random,
truncated and bit-flipped copies of real files, random text in the encodings Excel writes) must
end either in a sound result or in a clean refusal (a DomainError, whose RegisterError and
SheetError subclasses carry a Vietnamese message), never in a crash, and never in a partial
write: the live register is unchanged by a refusal, and a refused register file is left as it
was.

READERS is the one table of readers: the bundle, receipt and enrolment readers of the sync
issue belong in it (a name, a file suffix, how to make hostile inputs from the real samples,
how the program reads such a file).

Runs are reproducible (``derandomize``), so CI sees the same examples every time.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import DomainError
from desktop_app.services import checks, imports, members, registers
from desktop_app.store import journal
from desktop_app.store.database import Register, key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS, KeyFile
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.sync import fuzz_samples, receipt_samples

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
LETTERS = "abcdeghiklmnopqrstuvxy" + "".join(sorted(VIETNAMESE))
CHEAP_KDF_KIB = 64 * 1024  # unlock only key files whose Argon2 cost stays this small


def vietnamese(message: str) -> bool:
    return any(ch in VIETNAMESE for ch in message.lower())


# -- the real files the mutations start from -------------------------------------------------


@dataclass
class Live:
    """The register the readers work beside, and real samples of every kind of file."""

    reg: Register
    recovery: str
    samples: dict[str, bytes]
    work: Path


def _xlsx_sample(path: Path) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN"])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số CCCD"])
    ws.append([1, "Đỗ Thị Ánh Tuyết", "Nữ", "02/09/1975", dt.date(2000, 5, 19), "051175001111"])
    ws.append([2, "Lương Văn Khởi", "Nam", 1968, "03/02/1995", 51068002222])
    book.save(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    work = tmp_path_factory.mktemp("fuzz")
    sample_path = work / "mau" / "so.sochibo"
    sample, _ = registers.create_register(sample_path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    members.add_person(sample, {"full_name": "Nguyễn Thị Hường", "sex": "female"}, today=TODAY)
    sample.close()
    reg, recovery = registers.create_register(
        work / "live" / "so.sochibo", PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    samples = {
        ".xls": (FIXTURES / "danh-sach-tcvn3.xls").read_bytes(),
        ".ods": (FIXTURES / "danh-sach.ods").read_bytes(),
        ".xlsx": _xlsx_sample(work / "mau.xlsx"),
        ".keys": key_path(reg.path).read_bytes(),
        ".sochibo": sample_path.read_bytes(),
        ".sochibo.keys": key_path(sample_path).read_bytes(),
        ".csv": "STT;Họ và tên;Giới tính;Năm sinh\n1;Hà Thị Thu;Nữ;1980\n".encode("utf-8-sig"),
        **fuzz_samples.samples(),
        **receipt_samples.fuzz_samples(),
    }
    yield Live(reg, recovery, samples, work / "files")
    reg.close()


# -- hostile inputs ---------------------------------------------------------------------------


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, bit in flips:
        out[position % len(out)] ^= 1 << bit
    return bytes(out)


def mutated(sample: bytes, page: int = 1) -> st.SearchStrategy[bytes]:
    """Truncated (on a ``page`` boundary when asked), bit-flipped, spliced, or random."""
    size = len(sample)
    return st.one_of(
        st.integers(0, size // page).map(lambda n: sample[: n * page]),
        st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, 7)), min_size=1, max_size=6)
        .map(lambda flips: _flip(sample, flips)),
        st.tuples(st.integers(0, size), st.binary(min_size=1, max_size=64))
        .map(lambda cut: sample[: cut[0]] + cut[1] + sample[cut[0] + len(cut[1]) :]),
        st.binary(max_size=4096),
    )  # fmt: skip


CSV_CELLS = st.one_of(
    st.text(alphabet=LETTERS + LETTERS.upper() + " ", max_size=25),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.integers(-(10**13), 10**13).map(str),
    st.text(max_size=12),
    st.sampled_from(["Nam", "Nữ", "x", "1965", "02/1979", "31/02/2020", "", '"', "\r\n"]),
)
CSV_HEADERS = st.lists(
    st.sampled_from(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ngày vào Đảng",
                     "Ngày chính thức", "Dân tộc", "Ghi chú", "Nam", "Nữ", "Quê quán"]),
    min_size=1, max_size=8,
)  # fmt: skip


@st.composite
def csv_text(draw) -> str:
    separator = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(CSV_HEADERS)
    if draw(st.booleans()):
        header.insert(draw(st.integers(0, len(header))), "Họ và tên")
    rows = draw(st.lists(st.lists(CSV_CELLS, max_size=len(header) + 2), max_size=8))
    lines = [header, *rows] if draw(st.booleans()) else rows
    return "\n".join(separator.join(cells) for cells in lines)


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":  # Windows-1258 spells most tones as combining marks
        return unicodedata.normalize("NFD", text).encode("cp1258", errors="replace")
    return text.encode(encoding, errors="surrogatepass" if "16" in encoding else "replace")


CSV_BYTES = st.one_of(
    st.tuples(csv_text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"]))
    .map(lambda t: _encoded(*t)),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.binary(max_size=2048),
)  # fmt: skip


def key_file_texts(sample: bytes) -> st.SearchStrategy[bytes]:
    doc = json.loads(sample)
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )

    def replace_field(path_and_value) -> bytes:
        (section, name), value = path_and_value
        changed = json.loads(sample)
        target = changed if section is None else changed[section]
        if value is _DROP:
            target.pop(name, None)
        else:
            target[name] = value
        return json.dumps(changed).encode()

    fields = [(None, k) for k in doc] + [(s, k) for s in ("passphrase", "recovery") for k in doc[s]]
    return st.one_of(
        mutated(sample),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.tuples(st.sampled_from(fields), st.one_of(json_values, st.just(_DROP)))
        .map(replace_field),
    )  # fmt: skip


_DROP = object()


def register_files(sample: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(
        mutated(sample, page=4096),
        mutated(sample),
        st.integers(1, 40).flatmap(lambda n: st.binary(min_size=512 * n, max_size=512 * n)),
        st.binary(min_size=496, max_size=4080).map(lambda b: b"SQLite format 3\x00" + b),
    )


# -- how the program reads each kind of file ---------------------------------------------------


def read_list(path: Path, live: Live) -> None:
    """The import: open the file, map its columns, preview every row, write the rows chosen by
    default in one transaction."""
    plan = imports.open_plan(path)
    result = imports.preview(live.reg, plan, TODAY)
    before = len(members.list_people(live.reg))
    summary = imports.apply(live.reg, result, today=TODAY)
    assert len(members.list_people(live.reg)) == before + len(summary.added)
    report = checks.check_register(live.reg)
    assert report.ok, report.to_json()


def read_key_file(path: Path, live: Live) -> None:
    """A key file is read, then unlocked; whatever unlocks must be the register's own key."""
    keys = KeyFile.load(path)
    if keys.params.memory_kib * keys.params.iterations > CHEAP_KDF_KIB:
        return  # a cost the test will not pay: it could only be refused as a wrong passphrase
    for unlock in (
        lambda: keys.unlock(PASSPHRASE),
        lambda: keys.unlock_with_recovery(live.recovery),
    ):
        try:
            assert unlock() == live.reg.data_key
        except DomainError as refused:
            assert vietnamese(str(refused)), refused


def read_register(path: Path, live: Live) -> None:
    """A register file beside its sound key file: opened and checked, or refused untouched."""
    key_path(path).write_bytes(live.samples[".sochibo.keys"])
    written = path.read_bytes()
    try:
        with Register.open(path, PASSPHRASE) as reg:
            report = checks.check_register(reg)
            assert report.ok, report.to_json()
    except DomainError:
        assert path.read_bytes() == written, "a refused register was written to"
        leftovers = sorted(p.name for p in path.parent.iterdir())
        assert leftovers == sorted([path.name, key_path(path).name]), leftovers
        raise


@dataclass(frozen=True)
class Reader:
    name: str
    suffix: str
    inputs: Callable[[dict[str, bytes]], st.SearchStrategy[bytes]]
    read: Callable[[Path, Live], None]
    examples: int = 100
    writes: bool = False  # a sound file may add to the live register (the import)


READERS = [
    Reader("xls list", ".xls", lambda s: mutated(s[".xls"]), read_list, writes=True),
    Reader("ods list", ".ods", lambda s: mutated(s[".ods"]), read_list, writes=True),
    Reader("xlsx list", ".xlsx", lambda s: mutated(s[".xlsx"]), read_list, writes=True),
    Reader("csv list", ".csv", lambda s: CSV_BYTES, read_list, examples=200, writes=True),
    Reader("key file", ".keys", lambda s: key_file_texts(s[".keys"]), read_key_file, 200),
    Reader("register", ".sochibo", lambda s: register_files(s[".sochibo"]), read_register, 150),
    Reader(
        "sync bundle",
        fuzz_samples.BUNDLE,
        lambda s: mutated(s[fuzz_samples.BUNDLE]),
        fuzz_samples.read_bundle,
        150,
    ),
    Reader(
        "bundle signature",
        fuzz_samples.SIGNATURE,
        lambda s: mutated(s[fuzz_samples.SIGNATURE]),
        fuzz_samples.read_signature,
        150,
    ),
    Reader(
        "enrolment",
        fuzz_samples.ENROLMENT,
        lambda s: fuzz_samples.enrolment_inputs(s[fuzz_samples.ENROLMENT], mutated),
        fuzz_samples.read_enrolment,
        200,
        writes=True,
    ),
    Reader(
        "receipt",
        receipt_samples.SUFFIX,
        lambda s: mutated(s[receipt_samples.SUFFIX]),
        receipt_samples.read_receipt,
        150,
    ),
    Reader(
        "receipt signature",
        receipt_samples.SIGNATURE,
        lambda s: mutated(s[receipt_samples.SIGNATURE]),
        receipt_samples.read_receipt_signature,
        150,
    ),
]


def _prepare(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()


def _state(reg: Register) -> tuple[object, ...]:
    return (journal.head(), len(members.list_people(reg)))


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
def test_hostile_files_are_read_or_refused_cleanly(reader: Reader, live: Live):
    refusals: list[str] = []
    _prepare(live.work)
    pristine = live.work / f"mau{reader.suffix}"
    pristine.write_bytes(live.samples[reader.suffix])
    reader.read(pristine, live)  # the real file reads well: the refusals below are earned

    @settings(
        max_examples=reader.examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
    )  # fmt: skip
    @given(data=st.data())
    def run(data):
        content = data.draw(reader.inputs(live.samples), label="file")
        _prepare(live.work)
        path = live.work / f"tep{reader.suffix}"
        path.write_bytes(content)
        before = _state(live.reg)
        try:
            reader.read(path, live)
        except DomainError as refused:
            assert vietnamese(str(refused)), f"{type(refused).__name__}: {refused}"
            assert _state(live.reg) == before, "a refused file changed the register"
            refusals.append(type(refused).__name__)
            return
        if not reader.writes:
            assert _state(live.reg) == before

    run()
    assert refusals, "no hostile file was refused: the inputs are too tame"
    print(f"{reader.name}: {len(refusals)} of {reader.examples} refused "
          f"({', '.join(sorted(set(refusals)))})")  # fmt: skip
