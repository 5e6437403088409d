"""The versioned table of Party rules: every deadline and threshold, with its source and date.

The table is a TOML text (``resources/rules/rules.toml``); the caller reads the file and passes
the text, so this module does no I/O. One ``[[rule]]`` entry is one version of one rule; on a
given day the version with the latest ``effective_from`` not after that day applies.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import DomainError

CONFIDENCE_LABELS = {"sure": "chắc chắn", "likely": "khá chắc", "unsure": "chưa chắc"}
# Words after the number in value_text(); "" means the number stands alone.
UNIT_LABELS = {
    "months": "tháng", "working_days": "ngày làm việc", "count": "", "fraction": "", "percent": "%",
}  # fmt: skip

_REQUIRED = ("id", "title", "value", "unit", "effective_from", "source", "confidence")
_FIELDS = frozenset((*_REQUIRED, "note"))
_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class RuleFileError(DomainError):
    """The rule table cannot be used; the message names the rule (or entry) and the field."""

    def __init__(self, message: str, *, rule: str = "", field: str = ""):
        self.rule = rule
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class Rule:
    """One version of one rule."""

    id: str
    title: str
    value: int | Fraction
    unit: str
    effective_from: dt.date
    source: str
    confidence: str
    note: str = ""

    def value_text(self) -> str:
        """Vietnamese: "216 tháng", "60 ngày làm việc", "2/3", "3", "90%"."""
        if isinstance(self.value, Fraction):
            number = f"{self.value.numerator}/{self.value.denominator}"
        else:
            number = str(self.value)
        label = UNIT_LABELS.get(self.unit, "")
        if self.unit == "percent":
            return f"{number}%"
        return f"{number} {label}" if label else number

    @property
    def confidence_text(self) -> str:
        return CONFIDENCE_LABELS.get(self.confidence, self.confidence)

    def why(self) -> str:
        """Title, value and source in one line, for the "why" of a warning."""
        return f"{self.title}: {self.value_text()} ({self.source})"


class RuleTable:
    """All versions of all rules, looked up by id and date."""

    def __init__(self, version: str, rules: Iterable[Rule]):
        self.version = version
        self._by_id: dict[str, list[Rule]] = {}
        for rule in rules:
            self._by_id.setdefault(rule.id, []).append(rule)
        for versions in self._by_id.values():
            versions.sort(key=lambda r: r.effective_from)
        self._dates = {k: [r.effective_from for r in v] for k, v in self._by_id.items()}

    @classmethod
    def parse(cls, text: str) -> RuleTable:
        """Read the TOML text; any problem raises RuleFileError with a Vietnamese message."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RuleFileError(f"Bảng quy định không đúng cú pháp TOML: {exc}") from exc
        version = data.get("version")
        if not isinstance(version, str) or not version.strip():
            raise RuleFileError(
                "Bảng quy định thiếu trường «version» (phiên bản bảng, dạng chuỗi).",
                field="version",
            )
        entries = data.get("rule")
        if not isinstance(entries, list) or not entries:
            raise RuleFileError("Bảng quy định không có mục [[rule]] nào.", field="rule")
        rules: list[Rule] = []
        seen: dict[tuple[str, dt.date], int] = {}
        units: dict[str, str] = {}
        for number, entry in enumerate(entries, start=1):
            rule = _parse_entry(number, entry)
            where = _where(number, rule.id)
            first = seen.setdefault((rule.id, rule.effective_from), number)
            if first != number:
                raise RuleFileError(
                    f"{where}: trường «effective_from»: trùng ngày hiệu lực "
                    f"{format_vn(rule.effective_from)} với mục {first}.",
                    rule=rule.id,
                    field="effective_from",
                )
            unit = units.setdefault(rule.id, rule.unit)
            if unit != rule.unit:
                raise RuleFileError(
                    f"{where}: trường «unit»: «{rule.unit}» khác đơn vị «{unit}» "
                    "của phiên bản khác cùng quy định.",
                    rule=rule.id,
                    field="unit",
                )
            rules.append(rule)
        return cls(version.strip(), rules)

    def get(self, rule_id: str, on: dt.date) -> Rule:
        """The version in force on ``on``; before every version, the earliest one."""
        versions = self._versions(rule_id)
        index = bisect.bisect_right(self._dates[rule_id], on) - 1
        return versions[max(index, 0)]

    def versions(self, rule_id: str) -> list[Rule]:
        """Every version of a rule, oldest first."""
        return list(self._versions(rule_id))

    def current(self, on: dt.date) -> list[Rule]:
        """One rule per id, in file order of first appearance, the version in force on ``on``."""
        return [self.get(rule_id, on) for rule_id in self._by_id]

    def all(self) -> list[Rule]:
        """Every entry: ids in file order of first appearance, then by effective_from."""
        return [rule for versions in self._by_id.values() for rule in versions]

    def ids(self) -> list[str]:
        """Rule ids in file order of first appearance."""
        return list(self._by_id)

    def _versions(self, rule_id: str) -> list[Rule]:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise KeyError(
                f"Không có quy định «{rule_id}» trong bảng quy định {self.version}"
            ) from None


def _where(number: int, rule_id: object) -> str:
    if isinstance(rule_id, str) and rule_id.strip():
        return f"Bảng quy định, quy định «{rule_id.strip()}» (mục {number})"
    return f"Bảng quy định, mục thứ {number}"


def _parse_entry(number: int, entry: Any) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(f"{_where(number, None)}: không phải một bảng [[rule]].")
    rule_id = entry.get("id")
    where = _where(number, rule_id)
    label = rule_id.strip() if isinstance(rule_id, str) else ""

    def fail(field: str, problem: str) -> RuleFileError:
        return RuleFileError(f"{where}: trường «{field}»: {problem}", rule=label, field=field)

    for field in _REQUIRED:
        if field not in entry:
            raise RuleFileError(f"{where}: thiếu trường «{field}».", rule=label, field=field)
    extra = sorted(set(entry) - _FIELDS)
    if extra:
        raise fail(extra[0], "trường lạ, không dùng trong bảng quy định.")
    texts = {}
    for field in ("id", "title", "source", "note"):
        value = entry.get(field, "")
        if not isinstance(value, str) or (field != "note" and not value.strip()):
            raise fail(field, "phải là chuỗi chữ, không để trống.")
        texts[field] = value.strip()
    unit = entry["unit"]
    if unit not in UNIT_LABELS:
        raise fail("unit", f"đơn vị «{unit}» không có; chỉ dùng: {', '.join(UNIT_LABELS)}.")
    confidence = entry["confidence"]
    if confidence not in CONFIDENCE_LABELS:
        raise fail(
            "confidence",
            f"«{confidence}» không hợp lệ; chỉ dùng: {', '.join(CONFIDENCE_LABELS)}.",
        )
    effective = entry["effective_from"]
    if not isinstance(effective, dt.date) or isinstance(effective, dt.datetime):
        raise fail("effective_from", "phải là ngày dạng năm-tháng-ngày, ví dụ 2025-07-01.")
    return Rule(
        id=texts["id"],
        title=texts["title"],
        value=_parse_value(entry["value"], unit, fail),
        unit=unit,
        effective_from=effective,
        source=texts["source"],
        confidence=confidence,
        note=texts["note"],
    )


def _parse_value(
    value: Any, unit: str, fail: Callable[[str, str], RuleFileError]
) -> int | Fraction:
    if unit == "fraction":
        match = _FRACTION.match(value) if isinstance(value, str) else None
        if not match or int(match[2]) == 0 or not 0 < int(match[1]) <= int(match[2]):
            raise fail("value", 'với đơn vị «fraction» phải là phân số dạng chuỗi, ví dụ "2/3".')
        return Fraction(int(match[1]), int(match[2]))
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise fail("value", f"với đơn vị «{unit}» phải là số nguyên dương.")
    if unit == "percent" and value > 100:
        raise fail("value", "với đơn vị «percent» phải từ 1 đến 100.")
    return value
