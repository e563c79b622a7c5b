"""Issue 13 items 11 and 12: `kcdesk texts --load` validates types, sizes and keys and strips bidi controls;
`--dump` writes UTF-8 whatever the console; `--load` reads UTF-8, UTF-8 with a BOM and UTF-16."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from tests.hostile.conftest import ROOT, digest

Q = "2026-Q3"

BAD = {
    "object_as_text": '{"texts": {"conclusions": {"a": 1}}}',
    "true_as_text": '{"texts": {"proposals": true}}',
    "nan_as_setting": '{"settings": {"signatory": NaN}}',
    "float_phone": '{"settings": {"contact_centre_phone": 1414.0}}',
    "list_as_text": '{"texts": {"publish": ["a", "b"]}}',
    "unknown_para_key": '{"texts": {"para:no_such_paragraph": "Текст"}}',
    "unknown_top_level_key": '{"texts": {}, "setings": {"signatory": "x"}}',
    "deep_nesting": '{"texts": {"conclusions": ' + "[" * 100_000 + "]" * 100_000 + "}}",
    "lone_surrogate": '{"texts": {"conclusions": "\\ud800 текст"}}',
    "fifty_mb_conclusion": None,  # written below
    "iin_as_contact_phone": '{"settings": {"contact_centre_phone": "880101300123"}}',
    "text_not_an_object": '{"texts": "conclusions"}',
}


def _write(path: Path, name: str) -> Path:
    if name == "fifty_mb_conclusion":
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('{"texts": {"conclusions": "')
            handle.write("Вывод. " * 7_500_000)
            handle.write('"}}')
    else:
        path.write_text(BAD[name], encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(BAD))
def test_bad_texts_json_is_refused_naming_the_key(name: str, project: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture,
                                                  record_property: Callable[[str, object], None]) -> None:
    path = _write(tmp_path / "texts.json", name)
    before = digest(project)
    code = main(["texts", str(project), "--quarter", Q, "--load", str(path)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, err[:500]
    assert "internal error" not in lines[0] and len(lines[0]) < 400, lines[0][:400]
    assert digest(project) == before  # nothing saved
    # Every later справка still works.
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts",
                 "--out", str(tmp_path / "s.docx")]) == 0
    record_property("answer", lines[0].split(": ", 1)[-1][:90])


def test_the_refusal_names_the_key(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    for name, key in (("object_as_text", "conclusions"), ("float_phone", "contact_centre_phone"),
                      ("unknown_para_key", "para:no_such_paragraph"), ("unknown_top_level_key", "setings")):
        main(["texts", str(project), "--quarter", Q, "--load", str(_write(tmp_path / f"{name}.json", name))])
        assert key in capsys.readouterr().err, name


def test_bidi_controls_never_reach_the_signatory_line(project: Path, tmp_path: Path) -> None:
    texts = tmp_path / "t.json"
    texts.write_text(json.dumps({"settings": {"signatory": "\u202eвонакирэС .Б .А", "contact_centre_phone": 1414},
                                 "texts": {"conclusions": "Итог\u2066 квартала\u2069."}}), encoding="utf-8")
    assert main(["texts", str(project), "--quarter", Q, "--load", str(texts)]) == 0
    with Project.open(project) as opened:
        assert opened.get_setting("signatory") == "вонакирэС .Б .А"
        assert opened.get_setting("contact_centre_phone") == "1414"
        assert opened.texts(opened.quarters()[0])["conclusions"] == "Итог квартала."
    out = tmp_path / "s.docx"
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--no-charts", "--out", str(out)]) == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs) + "".join(
        c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_dump_writes_utf8_on_a_cp1251_console(project: Path, tmp_path: Path,
                                              record_property: Callable[[str, object], None]) -> None:
    assert main(["texts", str(project), "--quarter", Q, "--set", "conclusions=Әкімдік қорытындысы: ұйым, өтініш.",
                 "--setting", "signatory=Ә. Ұ. Сериков"]) == 0
    dumped = tmp_path / "f.json"
    with open(dumped, "wb") as out:
        done = subprocess.run([sys.executable, "-m", "kcdesk", "texts", str(project), "--quarter", Q, "--dump"],
                              stdout=out, stderr=subprocess.PIPE, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONIOENCODING": "cp1251", "PYTHONUTF8": "0",
                                   "KCDESK_LOG_DIR": str(tmp_path / "logs")})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    data = json.loads(dumped.read_bytes().decode("utf-8"))
    assert data["texts"]["conclusions"] == "Әкімдік қорытындысы: ұйым, өтініш."
    record_property("answer", "UTF-8 file, Kazakh letters kept")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_load_reads_utf8_bom_and_utf16(encoding: str, project: Path, tmp_path: Path) -> None:
    """PowerShell 5 writes UTF-16 LE with a BOM (`>`), Notepad UTF-8 with a BOM."""
    path = tmp_path / "t.json"
    path.write_bytes(json.dumps({"texts": {"conclusions": "Қорытынды ғана."},
                                 "settings": {"signatory": "Ә. Ұ. Сериков"}}, ensure_ascii=False).encode(encoding))
    assert main(["texts", str(project), "--quarter", Q, "--load", str(path)]) == 0
    with Project.open(project) as opened:
        assert opened.get_setting("signatory") == "Ә. Ұ. Сериков"
        assert opened.texts(opened.quarters()[0])["conclusions"] == "Қорытынды ғана."
