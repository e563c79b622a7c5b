"""Issue 13 item 2: an output never replaces the project, an imported export, a file the command reads, a
device, a pipe or a symbolic link, and a missing folder is an error. Exit 2, one line, nothing touched."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from kcdesk.core.errors import KcError
from kcdesk.core.files import atomic_write_text
from kcdesk.core.store.project import Project
from tests.hostile.conftest import digest

Q = "2026-Q3"
# How each command names its output (the project is filled in first).
COMMANDS = {
    "report_out": ["report", "{project}", "--quarter", Q, "--lang", "ru", "--no-charts", "--out", "{target}"],
    "report_xlsx": ["report", "{project}", "--quarter", Q, "--lang", "ru", "--no-charts", "--out", "{spare}",
                    "--xlsx", "{target}"],
    "report_pdf": ["report", "{project}", "--quarter", Q, "--lang", "ru", "--no-charts", "--out", "{spare}",
                   "--pdf", "{target}"],
    "analyze_json": ["analyze", "{project}", "--quarter", Q, "--json", "{target}"],
    "map_out": ["map", "{project}", "--quarter", Q, "--out", "{target}"],
}
TARGETS = ("the_project", "a_hard_link_to_the_project", "another_project", "an_imported_export",
           "a_symlink_to_a_file", "a_fifo", "a_device", "a_folder", "a_missing_folder")
ACCEPTED = {
    "the_project": "output_is_project", "a_hard_link_to_the_project": "output_is_project",
    "another_project": "output_is_project", "an_imported_export": "output_is_import",
    "a_symlink_to_a_file": "output_symlink", "a_fifo": "output_not_a_file", "a_device": "output_not_a_file",
    "a_folder": "output_not_a_file", "a_missing_folder": "output_no_folder",
}


def _make_target(kind: str, project: Path, base_project: Path, folder: Path) -> Path:
    if kind == "the_project":
        return project
    if kind == "a_hard_link_to_the_project":
        os.link(project, folder / "copy.docx")
        return folder / "copy.docx"
    if kind == "another_project":
        return Path(shutil.copy2(base_project, folder / "last_year.kcdesk"))
    if kind == "an_imported_export":  # the very bytes imported into the project, under another name
        return Path(shutil.copy2(base_project.parent / "base.csv", folder / "export.xlsx"))
    if kind == "a_symlink_to_a_file":
        precious = folder / "precious.txt"
        precious.write_text("keep me", encoding="utf-8")
        (folder / "link.out").symlink_to(precious)
        return folder / "link.out"
    if kind == "a_fifo":
        os.mkfifo(folder / "pipe.out")
        return folder / "pipe.out"
    if kind == "a_device":  # a private copy of /dev/null's node: the real one is never put at risk
        try:
            os.mknod(folder / "null.out", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except (PermissionError, AttributeError):
            pytest.skip("cannot make a device node here (not root)")
        return folder / "null.out"
    if kind == "a_folder":
        (folder / "reports.docx").mkdir()
        return folder / "reports.docx"
    return folder / "no such folder" / "s.docx"


def _state(path: Path) -> object:
    """What must not change: a link stays a link to the same place, a node stays a node, a file its bytes."""
    if path.is_symlink():
        return ("link", os.readlink(path), (path.parent / os.readlink(path)).read_bytes())
    if not path.exists():
        return ("absent", path.parent.exists())
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode):
        return ("file", digest(path))
    return ("node", stat.S_IFMT(mode))


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_never_replaces(command: str, kind: str, project: Path, base_project: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture, record_property: Callable[[str, object], None]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = _make_target(kind, project, base_project, folder)
    before, project_before = _state(target), digest(project)
    args = [a.format(project=project, target=target, spare=folder / "spare.docx") for a in COMMANDS[command]]
    code = main(args)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, err
    assert target.name in lines[0] and "internal error" not in lines[0], lines[0]
    assert _state(target) == before
    assert digest(project) == project_before
    assert not (folder / "spare.docx").exists()  # refused before any work
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary file left
    record_property("answer", lines[0].split(": ", 2)[-1][:80])


@pytest.mark.parametrize("kind", ["the_project", "an_imported_export", "a_symlink_to_a_file", "a_fifo"])
def test_the_core_guard_answers_with_a_code(kind: str, project: Path, base_project: Path, tmp_path: Path) -> None:
    """The GUI's save dialogs and jobs ask the same core guard (Project.output_guard)."""
    target = _make_target(kind, project, base_project, tmp_path)
    with Project.open(project) as opened, pytest.raises(KcError) as raised:
        opened.output_guard().check(target)
    assert raised.value.code == ACCEPTED[kind]


def test_content_json_is_guarded_too(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = digest(project)
    assert main(["content", str(project), "--quarter", Q, "--json", str(project)]) == 2
    assert "output_is_project" not in capsys.readouterr().err  # a sentence, not a code
    assert digest(project) == before


def test_an_output_over_the_template_it_reads_is_refused(project: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    from kcdesk.core.report.docx_builder import default_template

    template = Path(shutil.copy(default_template("ru"), tmp_path / "letterhead.docx"))
    before = digest(template)
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts", "--template",
                 str(template), "--out", str(template)]) == 2
    assert "letterhead.docx" in capsys.readouterr().err
    assert digest(template) == before


def test_workplans_folder_is_created_only_inside_an_existing_folder(project: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture) -> None:
    args = ["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts", "--out", str(tmp_path / "s.docx")]
    assert main([*args, "--workplans", str(tmp_path / "a" / "b" / "plans")]) == 2
    assert not (tmp_path / "a").exists() and not (tmp_path / "s.docx").exists()
    capsys.readouterr()
    assert main([*args, "--workplans", str(tmp_path / "plans")]) == 0
    assert (tmp_path / "plans").is_dir()


def test_every_atomic_write_refuses_a_link_or_a_device(tmp_path: Path) -> None:
    """Writers that do not know the project (a forgotten call) still never follow a link or replace a node."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(precious)
    os.mkfifo(tmp_path / "pipe.json")
    for target, code in ((tmp_path / "link.json", "output_symlink"), (tmp_path / "pipe.json", "output_not_a_file"),
                         (tmp_path / "none" / "x.json", "output_no_folder")):
        with pytest.raises(KcError) as raised:
            atomic_write_text(target, "{}")
        assert raised.value.code == code
    assert precious.read_text(encoding="utf-8") == "keep" and (tmp_path / "link.json").is_symlink()
