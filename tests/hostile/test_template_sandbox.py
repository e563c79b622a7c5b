"""Issue 13 item 1: a справка template is data. A tag that would run code, read a file, loop without end
or fill the memory is refused with one line naming the tag, exit 2, and no file written."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from kcdesk.cli.main import main
from kcdesk.core.errors import KcError
from kcdesk.core.report.docx_builder import default_template
from kcdesk.core.report.sandbox import TemplateRefused, TemplateSandbox

Q = "2026-Q3"
MARK = "kcdesk-pwned"

HOSTILE = {
    "popen_via_cycler": "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}",
    "file_read_via_lipsum": "{{ lipsum.__globals__['__builtins__'].open('/etc/passwd').read() }}",
    "endless_range": "{% for i in range(10**12) %}x{% endfor %}",
    "memory_bomb": "{{ 'A' * 10**10 }}",
    "repeat_a_variable": "{{ subtitle * 100000000 }}",
    "dunder_of_a_string": "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "method_of_a_list": "{{ analytical.pop() }}",
    "undocumented_name": "{{ config }}",
    "set_doubling": "{% set x = title ~ title %}{{ x }}",
    "macro_recursion": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "loop_over_a_string": "{% for c in subtitle %}{% for d in subtitle %}{{ c }}{% endfor %}{% endfor %}",
    "loops_four_deep": ("{% for a in analytical %}{% for b in analytical %}{% for c in analytical %}"
                        "{% for d in analytical %}x{% endfor %}{% endfor %}{% endfor %}{% endfor %}"),
    "format_width": "{{ '%999999999s' % title }}",
    "power": "{{ 9 ** 9 ** 9 }}",
    "include": "{% include '/etc/passwd' %}",
}


def letterhead(folder: Path, tag: str) -> Path:
    """The shipped Russian template with one more paragraph holding `tag`."""
    path = folder / "letterhead.docx"
    shutil.copy(default_template("ru"), path)
    doc = Document(str(path))
    doc.add_paragraph(tag)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_template_is_refused_naming_the_tag(name: str, project: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture,
                                                    record_property: Callable[[str, object], None]) -> None:
    tag = HOSTILE[name].replace("%s", str(tmp_path / MARK)) if name == "popen_via_cycler" else HOSTILE[name]
    template = letterhead(tmp_path, tag)
    out = tmp_path / "spravka.docx"
    started = time.monotonic()
    code = main(["report", str(project), "--quarter", Q, "--lang", "ru", "--out", str(out), "--no-charts",
                 "--template", str(template)])
    err = capsys.readouterr().err
    assert time.monotonic() - started < 30
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kcdesk: "), err
    assert "letterhead.docx" in lines[0] and "nothing was written" in lines[0], lines[0]
    assert "{" in lines[0], lines[0]  # the tag is quoted
    assert not out.exists() and not list(tmp_path.glob(".spravka*"))
    assert not (tmp_path / MARK).exists()
    record_property("answer", lines[0].split(": ", 2)[-1][:90])


def test_the_message_names_the_offending_tag(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    template = letterhead(tmp_path, "Исполнитель: {{ signature_line }}, {{ lipsum.__globals__ }}")
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--out", str(tmp_path / "s.docx"),
                 "--no-charts", "--template", str(template)]) == 2
    line = capsys.readouterr().err.strip()
    assert "{{ lipsum.__globals__ }}" in line and "lipsum" in line, line


def test_a_template_using_only_documented_placeholders_still_works(project: Path, tmp_path: Path) -> None:
    tag = ("{{ title|upper }} {{ quarter }} {{ total }}; "
           "{% for s in analytical %}{{ loop.index }}. {{ s.title }} "
           "{% for p in s.paragraphs %}{% if loop.first %}{{ p.text|truncate(20) }}{% endif %}{% endfor %}"
           "{% endfor %}; {{ conclusions|length }} {{ '-' * 10 }}")
    template = letterhead(tmp_path, tag)
    out = tmp_path / "s.docx"
    assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--out", str(out), "--no-charts",
                 "--template", str(template)]) == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "СПРАВКА 2026-Q3" in text and "1. " in text and "----------" in text


def test_output_is_bounded_across_the_whole_render() -> None:
    env = TemplateSandbox(max_output=1000)
    template = env.from_string("{% for s in analytical %}{{ s.title }}{% endfor %}")
    with pytest.raises(TemplateRefused) as refused:
        template.render(analytical=[{"title": "x" * 300}] * 10)
    assert refused.value.rule == "too_large"


def test_the_core_refuses_before_anything_is_written(project: Path, tmp_path: Path) -> None:
    """The GUI's справка step calls the same core function; its own test picks the template in the dialog."""
    from kcdesk.core.analyse.analysis import analyse
    from kcdesk.core.model import Analysis
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.report.docx_builder import ReportInput, build_report
    from kcdesk.core.store.project import Project

    with Project.open(project) as opened:
        analysis = Analysis.from_json(analyse(opened, Quarter.parse(Q)))
    out = tmp_path / "s.docx"
    out.write_bytes(b"yesterday's")
    with pytest.raises(KcError) as raised:
        build_report(ReportInput(analysis), out, "ru", letterhead(tmp_path, HOSTILE["popen_via_cycler"]
                                                                  .replace("%s", str(tmp_path / MARK))))
    assert raised.value.code == "template_refused" and raised.value.params["field"] == "cycler"
    assert out.read_bytes() == b"yesterday's"
    assert not (tmp_path / MARK).exists()
