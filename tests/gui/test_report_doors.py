"""One core behind both doors: the справка written from the app and by `kcdesk report` is the same text."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from kcdesk.gui import content_ops

REPORT = 5  # Import, Stage 1, Stage 2, Stage 3, Content analysis, Справка
NAME = "Пәтерлердегі суық радиаторлар"  # the officer's name for a question group


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += ["\t".join(c.text for c in row.cells) for table in doc.tables for row in table.rows]
    return "\n".join(parts)


def _quoted_groups(analysis, groups: list[dict], language: str) -> list[str]:
    """The ids of the groups the draft's content paragraph quotes once each has a name of its own."""
    from kcdesk.core.model import ContentResult
    from kcdesk.core.report.wording import draft

    tokens = {f"QG{i}X": str(g["id"]) for i, g in enumerate(groups)}  # no language: never replaced
    content = ContentResult.from_json({"schema": "kcdesk.content/1", "quarter": str(analysis.quarter), "groups": [
        dict(g, label=token) for token, g in zip(tokens, groups, strict=True)]})
    paragraph = next(p.text for s in draft(analysis, language, {}, content, {}) for p in s.paragraphs
                     if p.key == "content")
    return [gid for token, gid in tokens.items() if f"«{token}»" in paragraph]


def test_gui_and_cli_write_the_same_spravka(window, qtbot, tmp_path: Path) -> None:
    language = "kk"  # not the app's language: the step's own choice of the справка's language is used
    session = window.session
    quarter = session.quarter
    with Project.open(session.project.path) as project:
        groups = (project.content(quarter) or {}).get("groups") or []
    assert len(groups) >= 2, "the demo keeps a content analysis of its latest quarter"
    quoted = _quoted_groups(session.analysis, groups, language)
    named, dismissed = quoted[0], quoted[1]
    # The officer's decisions, made through the content step's calls (the name in the справка's language).
    content_ops.name_group(session.project, quarter, named, NAME)
    content_ops.dismiss_group(session.project, quarter, dismissed)
    with Project.open(session.project.path) as project:
        faq = (project.content(quarter) or {}).get("faq") or []
    for entry in faq:  # the справка quotes the FAQ entries the officer accepted
        content_ops.decide_faq(session.project, quarter, str(entry["group"]), "accepted")

    window.go_to(REPORT)
    step = window.steps[REPORT]
    index = step.report_lang.findData(language)
    step.report_lang.setCurrentIndex(index)
    step.report_lang.activated.emit(index)  # as when the officer picks it: the text is drafted again
    # The text the step shows for editing is drafted from the same inputs: the content paragraph is there.
    shown = {edit.key: edit.toPlainText() for edit in step.edits}
    assert NAME in shown["content"]
    from_app = tmp_path / "app.docx"
    with qtbot.waitSignal(window.runner.succeeded, timeout=60000):
        assert step.save_report(docx=from_app)
    path = session.project.path
    window.close_project()  # the command runs as if in its own process: no project of the app left open
    from_cli = tmp_path / "cli.docx"
    assert main(["report", str(path), "--quarter", str(quarter), "--lang", language,
                 "--out", str(from_cli)]) == 0

    app_text, cli_text = _text(from_app), _text(from_cli)
    assert app_text == cli_text
    # What the app's справка lacked before: the content-analysis paragraph, with the officer's name
    # for the group (tests/core/usecases: a dismissed group is left out), and the FAQ list.
    assert NAME in app_text
    content_line, faq_line = CONTENT_WORDS[language]
    assert content_line in app_text and faq_line in app_text


CONTENT_WORDS = {
    "ru": ("Контент-анализ текстов запросов показал", "Часто задаваемые вопросы по результатам контент-анализа"),
    "kk": ("контент-талдауы азаматтардың нақты не сұрағанын", "жиі қойылатын сұрақтар"),
}
