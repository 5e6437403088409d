"""``--self-check``: passes here, in-process and as the commands run it, and names what fails."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from desktop_app import __main__ as entry
from desktop_app import cli, paths, self_check
from desktop_app.forms import fonts

ROOT = Path(__file__).resolve().parents[2]
STEPS = [
    "Phiên bản",
    "Tài nguyên",
    "Mô-đun",
    "Quy định và lịch",
    "Sổ tạm",
    "In PDF",
    "Xóa sổ tạm",
    "Bản dịch",
]


def lines_of(report: str) -> dict[str, str]:
    """{step name: its line}."""
    found = {}
    for line in report.splitlines():
        if line.startswith("["):
            found[line.split("] ", 1)[1].split(":", 1)[0]] = line
    return found


def test_passes_in_process(tmp_path):
    out = io.StringIO()
    assert self_check.main(out) == 0
    report = out.getvalue()
    steps = lines_of(report)
    assert list(steps) == STEPS
    assert all(line.startswith("[ĐẠT ]") for line in steps.values())
    assert report.rstrip().endswith(f"KẾT QUẢ: ĐẠT cả {len(STEPS)} bước.")
    assert "7-HSĐV" in steps["In PDF"] and "LiberationSerif" in steps["In PDF"]
    assert "Tết Nguyên Đán" in steps["Quy định và lịch"]
    assert "sochibo_vi.qm" in steps["Bản dịch"] and "qtbase_vi.qm" in steps["Bản dịch"]


def test_leaves_nothing_behind(tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    removed = []
    real_remove = self_check._remove
    monkeypatch.setattr(
        self_check, "_remove", lambda path: removed.append(path) or real_remove(path)
    )
    steps = self_check.register_steps()
    assert all(step.ok for step in steps), [s.line() for s in steps]
    assert [path.parent.parent for path in removed] == [temporary]  # it was made there
    assert list(temporary.iterdir()) == []
    assert not any(paths.data_dir().iterdir())  # the user's data folder is not touched


def run_command(*args: str, env_extra: dict[str, str] | None = None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_passes_as_python_dash_m():
    done = run_command("-m", "desktop_app", "--self-check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "KẾT QUẢ: ĐẠT cả 8 bước." in done.stdout
    assert "chạy từ mã nguồn" in done.stdout


def test_cli_option_is_in_the_help():
    assert "--self-check" in cli.build_parser().format_help()


def test_cli_option_runs_it_and_no_command(monkeypatch):
    ran = []
    monkeypatch.setattr(self_check, "main", lambda: ran.append(True) or 1)
    assert cli.main(["--self-check"]) == 1  # the check's own exit code
    assert ran == [True]


def test_windowed_launcher_runs_it_instead_of_the_window(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["sochibo-gui", "--self-check"])
    monkeypatch.setattr(self_check, "main", lambda: 0)
    monkeypatch.setattr(entry, "run_gui", lambda register=None: pytest.fail("window opened"))
    assert entry.gui_main() == 0


def test_without_a_console_the_report_goes_to_the_log_folder(monkeypatch):
    """The windowed program on Windows has no stdout."""
    monkeypatch.setattr(self_check, "run_checks", lambda: [self_check.Step("X", True, "y", 0.1)])
    monkeypatch.setattr(sys, "stdout", None)
    assert self_check.main() == 0
    report = (paths.log_dir() / self_check.REPORT_FILE).read_text(encoding="utf-8")
    assert report == "Sổ Chi bộ: tự kiểm tra\n[ĐẠT ] X: y (0.1 giây)\nKẾT QUẢ: ĐẠT cả 1 bước.\n"


# -- failures are named ------------------------------------------------------------------


def test_a_failing_step_makes_the_exit_code_1_and_is_named(monkeypatch):
    def broken():
        raise self_check.SelfCheckError("thiếu gì đó")

    monkeypatch.setattr(self_check, "check_rules", broken)
    out = io.StringIO()
    assert self_check.main(out) == 1
    steps = lines_of(out.getvalue())
    assert steps["Quy định và lịch"].startswith("[LỖI] Quy định và lịch: thiếu gì đó")
    assert out.getvalue().rstrip().endswith("KẾT QUẢ: LỖI ở 1 bước: Quy định và lịch.")
    assert sum(line.startswith("[ĐẠT ]") for line in steps.values()) == len(STEPS) - 1


def test_an_unexpected_exception_is_reported_with_its_type(monkeypatch):
    monkeypatch.setattr(self_check, "check_version", lambda: {}["x"])
    step = self_check._step("Phiên bản", self_check.check_version)
    assert not step.ok and step.detail == "KeyError: 'x'"


def test_missing_resources_are_named(monkeypatch, tmp_path):
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "LiberationSerif-Regular.ttf").write_bytes(b"x")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(self_check.SelfCheckError) as caught:
        self_check.check_resources()
    message = str(caught.value)
    assert "fonts/LiberationSerif-Bold.ttf" in message
    assert "i18n/sochibo_vi.qm" in message and "i18n/qtbase_vi.qm" in message
    assert "rules/rules.toml" in message
    assert "LiberationSerif-Regular.ttf" not in message
    assert str(tmp_path / "resources") in message


def test_a_module_that_does_not_import_is_named(monkeypatch):
    real = list(self_check.program_modules())
    monkeypatch.setattr(self_check, "program_modules", lambda: [*real, "desktop_app.khong_co"])
    with pytest.raises(self_check.SelfCheckError, match=r"1 mô-đun: desktop_app\.khong_co"):
        self_check.check_modules()


def test_no_window_pages_found_fails(monkeypatch):
    monkeypatch.setattr(self_check, "program_modules", lambda: ["desktop_app"])
    with pytest.raises(self_check.SelfCheckError, match=r"desktop_app\.ui\.pages"):
        self_check.check_modules()


def test_a_calendar_without_tet_fails(monkeypatch):
    from desktop_app.domain.calendar import WorkCalendar

    monkeypatch.setattr(WorkCalendar, "is_working_day", lambda self, day: True)
    with pytest.raises(self_check.SelfCheckError, match="17/02/2026"):
        self_check.check_rules()


def test_a_register_that_fails_its_check_is_reported_and_still_removed(monkeypatch):
    from desktop_app.services import checks

    real = checks.check_register

    def damaged(reg):
        report = real(reg)
        report.journal = ["mục 2: mã băm không khớp"]
        return report

    monkeypatch.setattr(checks, "check_register", damaged)
    made, pdf, gone = self_check.register_steps()
    assert not made.ok and "kiểm tra đầy đủ báo lỗi: mục 2: mã băm không khớp" in made.detail
    assert not pdf.ok and pdf.detail == "không có sổ tạm để in"
    assert gone.ok and "tu-kiem-tra.sochibo.keys" in gone.detail


def pdf_with(font: str, color: tuple[float, float, float] = (0, 0, 0)) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFillColorRGB(*color)
    page.setFont(font, 40)
    page.drawString(72, 700, "Sổ Chi bộ Sổ Chi bộ Sổ Chi bộ")
    page.showPage()
    page.save()
    return out.getvalue()


def test_pdf_check_accepts_an_embedded_liberation_serif_page():
    fonts.register()
    assert "phông nhúng LiberationSerif" in self_check.check_pdf(pdf_with(fonts.REGULAR))


@pytest.mark.parametrize(
    ("pdf", "problem"),
    [
        (b"<html>not a pdf</html>", "không phải PDF"),
        (None, "không nhúng phông Liberation Serif"),  # Helvetica, the base-14 font
        ("white", "vẽ ra trắng trơn"),
    ],
)
def test_pdf_check_refuses(pdf, problem):
    fonts.register()
    if pdf is None:
        pdf = pdf_with("Helvetica")
    elif pdf == "white":
        pdf = pdf_with(fonts.REGULAR, (1, 1, 1))
    with pytest.raises(self_check.SelfCheckError, match=problem):
        self_check.check_pdf(pdf)


def test_translations_that_do_not_match_the_ts_are_named(monkeypatch):
    real = self_check.translation_messages

    def one_wrong(catalogue):
        messages = real(catalogue)
        context, source, comment, _translation = messages[0]
        return [(context, source, comment, "bản dịch khác"), *messages[1:]]

    monkeypatch.setattr(self_check, "translation_messages", one_wrong)
    with pytest.raises(self_check.SelfCheckError, match=r"sochibo_vi\.qm khác tệp \.ts ở 1 câu"):
        self_check.check_translations()


def test_translations_not_loaded_are_named(monkeypatch):
    monkeypatch.setattr(
        entry, "translate", lambda messages, language: [s for _c, s, _d in messages]
    )
    with pytest.raises(self_check.SelfCheckError, match=r"không nạp được bản dịch sochibo_vi\.qm"):
        self_check.check_translations()


def test_translate_puts_the_language_back():
    from desktop_app.ui import i18n

    before = i18n.current_language()
    context, source, comment, translation = self_check.translation_messages("qtbase")[0]
    assert entry.translate([(context, source, comment)], "vi") == [translation]
    assert i18n.current_language() == before
    assert entry.translate([(context, source, comment)], "en") == [source]
