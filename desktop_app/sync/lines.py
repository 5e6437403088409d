"""Canonical JSON, read strictly: one spelling per value, NFC text, bounded nesting.

A line is accepted only if writing back what was read gives the same bytes
(``store.journal.canonical_json``: sorted keys, no spaces, UTF-8 as is), so two programs can
never disagree about what a line says (duplicate keys, other number spellings and spaces are
all refused the same way).
"""

from __future__ import annotations

import json
import unicodedata

from desktop_app.sync.errors import SyncRefused

MAX_DEPTH = 16


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [k for k, _v in pairs]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        raise SyncRefused(f"trường «{twice[0]}» xuất hiện hai lần")
    return found


def _no_constant(name: str) -> object:
    raise SyncRefused(f"giá trị {name} không được phép trong JSON")


_STRICT = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
_FAST = json.JSONDecoder(parse_constant=_no_constant)
# The same bytes as ``store.journal.canonical_json`` (json.dumps with these arguments builds
# this very encoder), made once: a bundle has thousands of lines.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _decode(decoder: json.JSONDecoder, text: str) -> object:
    try:
        return decoder.decode(text)
    except RecursionError:
        raise SyncRefused("JSON lồng quá sâu") from None
    except ValueError as exc:  # JSONDecodeError is a ValueError
        raise SyncRefused(f"không phải JSON hợp lệ ({exc.args[0].split(':')[0]})") from None


def load_json(text: str) -> object:
    """JSON with no duplicate keys, no NaN or Infinity, text in NFC; nesting refused beyond
    MAX_DEPTH."""
    value = _decode(_STRICT, text)
    _check_depth(value)
    _check_nfc(text, value)
    return value


def _check_nfc(text: str, value: object) -> None:
    if "\\u" in text or not unicodedata.is_normalized("NFC", text):
        _find_not_nfc(value)


def _check_depth(value: object) -> None:
    """Nesting at most MAX_DEPTH, walked without recursion (containers only)."""
    stack: list[tuple[object, int]] = [(value, 0)] if isinstance(value, (dict, list)) else []
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SyncRefused("JSON lồng quá sâu")
        children = item.values() if isinstance(item, dict) else item
        stack.extend((v, depth + 1) for v in children if isinstance(v, (dict, list)))


def _find_not_nfc(value: object) -> None:
    """Refuse naming the string (key or value) that is not NFC. Called only when the text is
    not NFC or holds a \\u escape: in JSON every string sits between ASCII quotes, which
    compose and reorder with nothing, so a text without escapes is NFC exactly when each of
    its strings is (and checking the text once is much faster than every string)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and not unicodedata.is_normalized("NFC", item):
            raise SyncRefused(f"chữ «{item[:40]}» không ở dạng dựng sẵn (NFC)")
        if isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def load_line(raw: bytes) -> dict[str, object]:
    """One line of a canonical JSON Lines file (without its newline): a JSON object."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SyncRefused("không phải văn bản UTF-8") from None
    value = _decode(_FAST, text)
    if not isinstance(value, dict):
        raise SyncRefused("không phải một đối tượng JSON")
    if _CANONICAL.encode(value) != text:
        _decode(_STRICT, text)  # names a key written twice, when that is why
        raise SyncRefused("không viết ở dạng JSON chuẩn (thứ tự trường, khoảng trắng, cách viết)")
    if raw.count(b"{") + raw.count(b"[") > MAX_DEPTH:  # else it cannot nest deeper
        _check_depth(value)
    _check_nfc(text, value)
    return value


def dump_line(value: dict[str, object]) -> bytes:
    return _CANONICAL.encode(value).encode("utf-8") + b"\n"
