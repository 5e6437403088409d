"""The upper level as the issuing body of what it prints (its statistics report): its name at
the top left, its committee's signature, "Nơi nhận" with the level above left to write by hand.
The same shape as ``facts.CellFacts``, so ``report_sheet.render_report`` prints either."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.forms.layout import Issuer, Recipients, Signature, Value
from desktop_app.services import upper_workspace


@dataclass(frozen=True)
class UpperFacts:
    name: str  # "Đảng ủy phường Quy Nhơn Nam"
    place: str | None = None  # unknown to the workspace: a dotted blank on the date line
    symbol: str = "ĐU"  # its documents are numbered "…-BC/ĐU"

    @property
    def issuer(self) -> Issuer:
        """The committee in bold; the line above it (the province's party organisation) is
        not in the workspace and is left out."""
        return Issuer("", self.name)

    def signature(self) -> Signature:
        return Signature(("T/M ĐẢNG ỦY", "BÍ THƯ"), Value(None, "bí thư đảng ủy"))

    def recipients(self) -> Recipients:
        return Recipients(
            (("- ", Value(None, "cấp ủy cấp trên"), ","),), file_copy="Lưu văn phòng đảng ủy."
        )


def upper_facts(reg) -> UpperFacts:
    return UpperFacts(upper_workspace.require_workspace(reg).name)
