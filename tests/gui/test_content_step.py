"""The content-analysis step: run it in the background, accept suggestions (stage-1 counts change), undo, name, search."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcdesk.cli.main import main
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project

Q3 = Quarter.parse("2026-Q3")
TEMPLATES = {
    "Отопление": ["В квартире холодно, батареи отопления еле теплые, улица {s} дом {n}",
                  "Нет отопления в доме {n} по улице {s}, прошу принять меры",
                  "Пәтерде жылу жоқ, {s} көшесі {n} үй, батареялар суық"],
    "Дороги": ["На улице {s} у дома {n} огромные ямы на дороге, отремонтируйте асфальт",
               "Прошу провести ремонт дорожного покрытия на улице {s}, дом {n}",
               "{s} көшесіндегі {n} үйдің жанындағы жолда шұңқырлар көп, жөндеуді өтінемін"],
    "Пособия": ["Как оформить пособие по уходу за ребенком, какие документы нужны, мне {n} лет",
                "Не пришло пособие на ребенка за прошлый месяц, заявление {n}",
                "Балаға арналған жәрдемақы келмеді, өтініш {n}, тексеруді сұраймын"],
}
NEW = "Когда начнется выдача электронных проездных карт для пенсионеров, автобус {n}"
VAGUE = ["Прошу перезвонить мне по поводу моего обращения", "Когда будет ответ на мою жалобу",
         "Здравствуйте, хочу записаться на прием к акиму", "Сайт акимата не открывается",
         "Благодарю сотрудников за помощь", "Не могу дозвониться в приемную"]
STREETS = ["Абая", "Сейфуллина", "Кенесары", "Достык", "Мира", "Жибек жолы", "Сатпаева", "Гагарина"]
# Numbers are masked before comparison: words make the texts distinct, so the model has a held-out fifth.
TAILS = ["", "уже неделю", "третий день подряд", "с понедельника", "после ремонта", "срочно", "жители жалуются",
         "ответа нет", "обращались ранее", "просим помочь"]


def _export(seed: int = 0) -> pd.DataFrame:
    """Labelled texts in Q2 and Q3; in Q3 a quarter of the topics blank or "Прочее", and a new question."""
    rng = np.random.default_rng(seed)
    rows = []
    for month, quarter in ((5, "2026-Q2"), (8, "2026-Q3")):
        for topic, texts in TEMPLATES.items():
            for i in range(40):
                shown = topic
                if i % 6 == 1:  # officers mislabel some: the held-out accuracy, and so the confidences, vary
                    shown = list(TEMPLATES)[(list(TEMPLATES).index(topic) + 1) % 3]
                if quarter == "2026-Q3" and i % 4 == 0:
                    shown = "" if i % 8 == 0 else "Прочее"
                rows.append({"№ обращения": f"KC-{len(rows) + 1:05d}",
                             "Дата регистрации": f"2026-{month:02d}-{1 + i % 27:02d}",
                             "Регион": "г. Астана" if i % 2 else "ВКО", "Тема": shown,
                             "Текст обращения": (texts[i % 3].format(s=STREETS[int(rng.integers(0, 8))],
                                                                      n=int(rng.integers(1, 200)))
                                                        + " " + TAILS[int(rng.integers(0, 10))]).strip()})
    for i, text in enumerate(VAGUE):  # no topic words: the model should be less sure of these
        rows.append({"№ обращения": f"KC-V{i}", "Дата регистрации": f"2026-09-{1 + i:02d}", "Регион": "ВКО",
                     "Тема": "", "Текст обращения": text})
    for i in range(12):
        rows.append({"№ обращения": f"KC-N{i}", "Дата регистрации": f"2026-08-{1 + i:02d}", "Регион": "ВКО",
                     "Тема": "Транспорт", "Текст обращения": NEW.format(n=i + 1)})
    return pd.DataFrame(rows)


@pytest.fixture
def project_path(tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    export = _export()
    csv = tmp_path / "export.csv"
    export.to_csv(csv, index=False)
    target = tmp_path / "content.kcdesk"
    assert main(["import", str(target), str(csv)]) == 0
    return target, export


@pytest.fixture
def step(qtbot, project_path):
    from kcdesk.gui.session import Session
    from kcdesk.gui.steps.content import ContentStep

    session = Session()
    widget = ContentStep(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        session.open(Project.open(project_path[0]))
    widget.load(session)
    yield widget
    session.runner.wait()
    session.close()


def _topic_counts(session) -> dict[str, int]:
    return {t.topic: t.count for t in session.analysis.by_topic}


def _stage1_table(stage1, session) -> dict[str, int]:
    """What the Stage 1 step's topic table shows (names as displayed, in Russian here)."""
    stage1.load(session)
    frame = stage1.topics.model_.frame
    return dict(zip(frame["topic"], frame["count"].astype(int), strict=True))


def _run(step, qtbot) -> None:
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=60000):
        assert step.run_analysis()


def test_run_accept_above_and_undo(step, qtbot) -> None:
    session = step.session
    assert step.state is not None and step.state.result is None  # nothing run yet, and said so
    assert step.heading.text()
    _run(step, qtbot)
    result = step.state.result
    with Project.open(session.project.path) as project:  # kept for the справка
        assert project.content(Q3)["quarter"] == "2026-Q3"
    suggestions = result["suggestions"]
    # 10 blank/"Прочее" per topic and the vague ones
    assert len(suggestions) == 30 + len(VAGUE) == step.suggestions.model_.rowCount()
    assert step.groups.model_.rowCount() == len(result["groups"]) > 0
    assert step.faq_page.table.model_.rowCount() == len(result["faq"])

    from kcdesk.gui.steps.stage1 import Stage1Step

    stage1 = Stage1Step(session)
    qtbot.addWidget(stage1)
    shown_before = _stage1_table(stage1, session)
    before = _topic_counts(session)
    floors = sorted({int(s["confidence"] * 100) / 100 for s in suggestions})
    step.confidence.setValue(floors[len(floors) // 2])  # a threshold that leaves some out when it can
    chosen = [s for s in suggestions if s["confidence"] >= step.confidence.value()]
    assert 0 < len(chosen) and (len(chosen) < len(suggestions) or len(floors) == 1)
    total = session.analysis.total.count
    expected = pd.Series([s["topic"] for s in chosen]).value_counts().to_dict()
    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        assert step.accept_all_above()
    after = _topic_counts(session)
    for topic in TEMPLATES:
        assert after[topic] == before[topic] + expected.get(topic, 0)
    assert session.analysis.total.count == total  # moved from blank/"Прочее", not added
    assert sum(after[t] - before[t] for t in TEMPLATES) == len(chosen)
    assert step.suggestions.model_.rowCount() == len(suggestions) - len(chosen)  # accepted ones leave the table
    assert step.batches.count() == 1
    shown = _stage1_table(stage1, session)
    assert sum(shown[t] - shown_before[t] for t in TEMPLATES) == len(chosen)

    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        assert step.undo_batch()
    assert _topic_counts(session) == before
    assert _stage1_table(stage1, session) == shown_before
    assert step.batches.count() == 0
    assert step.suggestions.model_.rowCount() == len(suggestions)


def test_accept_selected_rows_only(step, qtbot) -> None:
    _run(step, qtbot)
    session = step.session
    before = _topic_counts(session)
    assert not step.accept_selected.isEnabled()  # nothing chosen yet
    step.suggestions.selectRow(0)
    assert step.accept_selected.isEnabled()
    row = step.suggestions.source_row(0)
    topic = step.state.result["suggestions"]
    model = step.suggestions.model_
    shown = str(model.data(model.index(row, 0)))  # the request's id, as the table shows it
    picked = next(s for s in topic if str(s.get("id") or s["row_id"]) == shown)
    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        assert step.accept_chosen()
    after = _topic_counts(session)
    assert after[picked["topic"]] == before[picked["topic"]] + 1
    assert sum(after[t] - before.get(t, 0) for t in TEMPLATES) == 1

    # A second batch straight after (same second) is a batch of its own: undoing it keeps the first.
    step.suggestions.selectRow(0)
    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        assert step.accept_chosen()
    assert step.batches.count() == 2
    assert sum(_topic_counts(session)[t] - before.get(t, 0) for t in TEMPLATES) == 2
    step.batches.setCurrentRow(1)
    with qtbot.waitSignal(session.analysis_changed, timeout=30000):
        assert step.undo_batch()
    assert step.batches.count() == 1
    assert _topic_counts(session) == after


def test_candidate_named_or_dismissed_never_silently(step, qtbot) -> None:
    _run(step, qtbot)
    groups = step.state.result["groups"]
    candidates = [i for i, g in enumerate(groups) if g["candidate"]]
    assert candidates, "the question new in Q3 should be a candidate"
    index = candidates[0]
    gid = str(groups[index]["id"])
    column = list(step.groups.model_.frame.columns).index("decision")
    assert step.groups.model_.text(index, column) != ""  # marked "to decide"

    assert not step.dismiss_button.isEnabled()  # a decision needs a chosen group
    step.groups.selectRow(step.groups.proxy.mapFromSource(step.groups.model_.index(index, 0)).row())
    assert step.dismiss_button.isEnabled()
    step.name_edit.setText("Проездные карты для пенсионеров")
    step.name_group()
    project = step.session.project
    assert project.get_text(Q3, f"content:name:{gid}@ru") == "Проездные карты для пенсионеров"
    assert step.groups.model_.text(index, column) == "Проездные карты для пенсионеров"

    step.dismiss_group()
    assert project.get_text(Q3, f"content:dismiss:{gid}") == "1"
    assert project.get_text(Q3, f"content:name:{gid}@ru") is None
    step.clear_decision()
    assert project.get_text(Q3, f"content:dismiss:{gid}") is None


def test_search_counts_by_quarter_region_topic(step, qtbot, project_path) -> None:
    export = project_path[1]
    step.search_page.edit.setText("отопления")
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=30000):
        assert step.search_page.search()
    hits = export[export["Текст обращения"].str.contains("отопления", case=False)]
    assert step.search_page.result.total == len(hits) > 0
    counts = step.search_page.by_quarter.model_.frame["count"].tolist()
    assert sorted(counts) == sorted(hits.groupby(hits["Дата регистрации"].str[5:7]).size().tolist())
    assert step.search_page.by_region.model_.frame["count"].sum() == len(hits)
    assert step.search_page.by_topic.model_.rowCount() >= 1
    assert step.search_page.examples.model_.rowCount() == min(50, len(hits))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_screenshot_translated(step, qtbot, tmp_path, language) -> None:
    from PySide6.QtWidgets import QApplication

    from kcdesk.gui import lang

    _run(step, qtbot)
    tabs = lambda: [step.tabs.tabText(i) for i in range(step.tabs.count())]  # noqa: E731
    seen = {"ru": tabs()}  # the conftest starts in Russian; the step was built in it
    lang.install("kk", remember=False)
    qtbot.waitUntil(lambda: tabs() != seen["ru"], timeout=5000)  # LanguageChange is posted, then delivered
    seen["kk"] = tabs()
    if language == "ru":
        lang.install("ru", remember=False)
        qtbot.waitUntil(lambda: tabs() == seen["ru"], timeout=5000)
    assert seen["kk"] != seen["ru"]
    for code, shown in seen.items():
        assert not {"Topic suggestions", "Question groups", "Search"} & set(shown), (code, shown)
    assert step.run_button.text() != "Run the content analysis"
    for _ in range(3):  # the relayout after the new texts is posted too
        QApplication.processEvents()
    target = Path(os.environ.get("KCDESK_SHOTS") or tmp_path) / f"2d_content_{language}.png"
    assert step.grab().save(str(target))
    assert target.stat().st_size > 10_000


def test_cancel_leaves_nothing_kept(step, qtbot) -> None:
    session = step.session
    with qtbot.waitSignal(session.runner.failed, timeout=60000) as failed:
        assert step.run_analysis()
        session.runner.cancel()  # the analysis checks the flag between its phases
    assert failed.args[2] is True  # cancelled, not an error
    assert step.state.result is None
    with Project.open(session.project.path) as project:
        assert project.content(Q3) is None


def test_long_list_shows_the_most_confident_and_says_so(step, qtbot, monkeypatch) -> None:
    from kcdesk.core.usecases import content

    monkeypatch.setattr(content, "SHOWN", 10)
    _run(step, qtbot)
    suggestions = step.state.result["suggestions"]
    assert step.suggestions.model_.rowCount() == 10 < len(suggestions)
    assert not step.shown_note.isHidden() and str(len(suggestions)) in step.shown_note.text()
    tenth = sorted((s["confidence"] for s in suggestions), reverse=True)[9]
    assert step.suggestions.model_.frame["confidence"].min() == tenth  # the ten most confident
    step.confidence.setValue(0.0)
    with qtbot.waitSignal(step.session.analysis_changed, timeout=30000):
        assert step.accept_all_above()  # takes the rows the table does not list too
    assert step.state.accepted == len(suggestions)
    assert step.suggestions.model_.rowCount() == 0 and step.shown_note.isHidden()


def test_double_click_on_a_phrase_searches_it(step, qtbot, project_path) -> None:
    _run(step, qtbot)
    step.rising.set_frame(pd.DataFrame({"phrase": ["батареи отопления"], "count": [1], "previous": [0],
                                        "change_pct": [None]}))
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=30000):
        assert step.search_phrase(step.rising, 0)
    assert step.tabs.currentWidget() is step.search_page
    texts = project_path[1]["Текст обращения"].str.casefold()
    expected = int((texts.str.contains("батареи") & texts.str.contains("отопления")).sum())
    assert step.search_page.result.total == expected > 0


def test_faq_entries_accepted_edited_or_dropped_and_the_spravka_quotes_the_accepted(step, qtbot) -> None:
    from kcdesk.core.usecases.content import report_content

    _run(step, qtbot)
    page = step.faq_page
    items = page.items
    assert len(items) >= 2 and all(f["status"] is None for f in items)
    assert not page.accept_button.isEnabled()  # a decision needs a chosen entry
    page.table.selectRow(page.table.proxy.mapFromSource(page.table.model_.index(0, 0)).row())
    assert page.accept_button.isEnabled() and page.edit.text() == items[0]["question"]
    page.edit.setText("Когда отремонтируют дороги во дворах?")
    assert page.decide("accepted")
    page.table.selectRow(page.table.proxy.mapFromSource(page.table.model_.index(1, 0)).row())
    assert page.decide("dropped")
    project = step.session.project
    assert [f["status"] for f in page.items[:2]] == ["accepted", "dropped"]
    quoted = report_content(project, Q3).faq
    assert [f.question for f in quoted] == ["Когда отремонтируют дороги во дворах?"]


def test_a_groups_requests_exported_to_xlsx(step, qtbot, tmp_path) -> None:
    _run(step, qtbot)
    assert not step.export_button.isEnabled()
    step.groups.selectRow(step.groups.proxy.mapFromSource(step.groups.model_.index(0, 0)).row())
    assert step.export_button.isEnabled()
    out = tmp_path / "group.xlsx"
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=60000):
        assert step.export_group(out)
    table = pd.read_excel(out, dtype=str)
    group = step.state.result["groups"][0]
    assert len(table) == group["count"] and set(table["group"]) == {group["id"]}


def test_a_groups_requests_open_in_a_window_and_export_to_xlsx(step, qtbot, tmp_path) -> None:
    from kcdesk.gui.steps.content_members import GroupRequestsDialog

    _run(step, qtbot)
    assert not step.open_button.isEnabled()  # a group must be chosen first
    step.groups.selectRow(step.groups.proxy.mapFromSource(step.groups.model_.index(0, 0)).row())
    assert step.open_button.isEnabled()
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=60000):
        assert step.open_group()
    dialog = step.members_dialog
    assert isinstance(dialog, GroupRequestsDialog) and dialog.isVisible()
    group = step.state.result["groups"][0]
    shown = dialog.table.model_.frame
    assert len(shown) == group["count"] and dialog.table.model_.columnCount() == 4
    assert "—" not in set(shown["region"]) and shown["region"].nunique() == 2  # ВКО and Astana, by name
    assert shown["date"].str.match(r"2026-(07|08|09)-\d\d").all()  # the quarter's registration dates
    assert shown["id"].str.startswith("KC-").all()
    # the same analysis: the second window reuses the membership (no second run of the analysis)
    calls = []
    from kcdesk.core.usecases import content as uc

    original = uc.group_membership
    uc.group_membership = lambda *a, **k: calls.append(1) or original(*a, **k)
    try:
        with qtbot.waitSignal(step.session.runner.succeeded, timeout=60000):
            assert step.open_group()
    finally:
        uc.group_membership = original
    assert calls == [] and len(step.members_dialog.table.model_.frame) == group["count"]
    out = tmp_path / "opened.xlsx"
    with qtbot.waitSignal(step.session.runner.succeeded, timeout=60000):
        assert step.members_dialog.export(out)
    table = pd.read_excel(out, dtype=str)
    assert list(table.columns) == step.members_dialog.headers() and len(table) == group["count"]
    assert set(table.iloc[:, 0]) == set(shown["id"])


def test_group_requests_mask_personal_data(project_path) -> None:
    from kcdesk.core.usecases import content as uc

    with Project.open(project_path[0]) as project:
        membership = uc.group_membership(project, Q3)
        group = str(project.content(Q3)["groups"][0]["id"])
        mine = membership[membership["group"] == group]
        row_id = int(mine["row_id"].iloc[0])
        with project.transaction() as tx:  # a name and a flat typed in after the import's masking
            tx.execute("UPDATE requests SET question = question || ' Иванов Иван Иванович, кв. 178' WHERE id = ?",
                       (row_id,))
        rows = uc.group_requests(project, membership, group)
    assert list(rows.columns) == list(uc.GROUP_REQUESTS_COLUMNS)
    assert len(rows) == len(mine)
    text = rows.loc[rows["id"] == str(mine["id"].iloc[0]), "question"].iloc[0]
    assert "Иванович" not in text and "178" not in text
