"""`kcdesk content` and `kcdesk search` on a small imported project; accepting suggestions and undoing them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcdesk.cli.main import main
from kcdesk.core.analyse.content import accept_suggestions, run_content
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.store.search import ensure_index, fts_query, search
from tests.helpers import db

Q3 = Quarter.parse("2026-Q3")
TEMPLATES = {
    "Отопление": ["В квартире холодно, батареи отопления еле теплые, улица {s}",
                  "Нет отопления в доме по улице {s}, прошу принять меры",
                  "Пәтерде жылу жоқ, {s} көшесі, батареялар суық"],
    "Дороги": ["На улице {s} огромные ямы на дороге, отремонтируйте асфальт",
               "Прошу провести ремонт дорожного покрытия на улице {s}",
               "{s} көшесіндегі жолда шұңқырлар көп, жөндеуді өтінемін"],
    "Пособия": ["Как оформить пособие по уходу за ребенком, какие документы нужны",
                "Не пришло пособие на ребенка за прошлый месяц",
                "Балаға арналған жәрдемақы келмеді, тексеруді сұраймын"],
}
STREETS = ["Абая", "Сейфуллина", "Кенесары", "Достык", "Мира"]


def _export(seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for month, quarter in ((5, "2026-Q2"), (8, "2026-Q3")):
        for topic, texts in TEMPLATES.items():
            for i in range(40):
                text = texts[i % 3].format(s=STREETS[int(rng.integers(0, len(STREETS)))])
                shown = topic
                if quarter == "2026-Q3" and i % 4 == 0:
                    shown = "" if i % 8 == 0 else "Прочее"
                rows.append({"№ обращения": f"KC-{len(rows) + 1:05d}", "Дата регистрации": f"2026-{month:02d}-{1 + i % 27:02d}",
                             "Регион": "г. Астана", "Тема": shown, "Текст обращения": text,
                             "quarter": quarter, "truth": topic})
    return pd.DataFrame(rows)


@pytest.fixture()
def project(tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    export = _export()
    path = tmp_path / "export.csv"
    export.drop(columns=["quarter", "truth"]).to_csv(path, index=False)
    target = tmp_path / "p.kcdesk"
    assert main(["import", str(target), str(path)]) == 0
    return target, export


def _open_rows(project: Project) -> int:
    return int(db.value(
        project, "SELECT COUNT(*) FROM requests r LEFT JOIN topics t ON t.id = r.topic_id "
        "WHERE r.quarter = ? AND (t.name IS NULL OR t.name = 'Прочее')", (Q3.index,)))


def test_content_json_and_summary(project, tmp_path, capsys):
    path, export = project
    out = tmp_path / "content.json"
    assert main(["content", str(path), "--quarter", "2026-Q3", "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["schema"] == "kcdesk.content/1"
    q3 = export[export["quarter"] == "2026-Q3"]
    open_ids = set(q3.loc[q3["Тема"].isin(["", "Прочее"]), "№ обращения"])
    assert {s["id"] for s in result["suggestions"]} == open_ids
    truth = export.set_index("№ обращения")["truth"]
    right = np.mean([truth[s["id"]] == s["topic"] for s in result["suggestions"]])
    assert right >= 0.9
    assert sum(g["count"] for g in result["groups"]) + result["other"]["count"] == len(q3)
    assert main(["content", str(path), "--quarter", "2026-Q3"]) == 0
    text = capsys.readouterr().out
    assert "Question groups" in text and "Most asked" in text
    with Project.open(path) as opened:  # kept for the справка
        assert opened.content(Q3)["faq"] == result["faq"]


def test_accept_and_undo(project, capsys):
    path, export = project
    with Project.open(path) as opened:
        before = _open_rows(opened)
        assert before == 30
    assert main(["content", str(path), "--quarter", "2026-Q3", "--accept", "0"]) == 0
    assert "Accepted 30 topic suggestions" in capsys.readouterr().out
    with Project.open(path) as opened:
        assert _open_rows(opened) == 0
        fixes = opened.catalogue.topic_fixes()
        assert len(fixes) == 1 and fixes["provenance"][0].startswith("content:2026-Q3:")
        # accepted again: nothing left to accept
        assert accept_suggestions(opened, run_content(opened, Q3), 0.0) == 0
        opened.catalogue.unassign_topics(fixes["provenance"][0])
        assert _open_rows(opened) == before


def test_accept_respects_min_confidence(project):
    path, _ = project
    with Project.open(path) as opened:
        result = run_content(opened, Q3)
        above = sum(s["confidence"] >= 0.99 for s in result["suggestions"])
        assert accept_suggestions(opened, result, 0.99, provenance="content:test") == above
        assert _open_rows(opened) == 30 - above


def test_bad_confidence_is_a_user_error(project, capsys):
    path, _ = project
    assert main(["content", str(path), "--quarter", "2026-Q3", "--accept", "high"]) == 2
    assert "confidence" in capsys.readouterr().err


def test_search_counts_and_stays_in_step(project, capsys):
    path, export = project
    expected = export["Текст обращения"].str.contains("отоплен", case=False)
    with Project.open(path) as opened:
        result = search(opened, "Отоплен")
        assert result.total == expected.sum()
        by_quarter = dict(zip(result.by_quarter["quarter"], result.by_quarter["count"], strict=True))
        assert by_quarter == export[expected].groupby("quarter").size().to_dict()
        assert result.by_region["count"].sum() == result.total
        assert result.by_topic["count"].sum() == result.total
        assert result.examples and all("отоплен" in e["question"].lower() for e in result.examples)
        # Kazakh letters are kept: "жылу" is found, "жолда" is not "жылу"
        assert search(opened, "жылу").total == (export["Текст обращения"].str.contains("жылу")).sum()
        # a phrase, and words in any order
        assert search(opened, '"батареи отопления"').total == export["Текст обращения"].str.contains(
            "батареи отопления").sum()
        # rows removed (an undone import): the index is rebuilt, counts follow
        with opened.transaction() as con:
            con.execute("DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE question LIKE '%отоплен%' "
                        "ORDER BY id DESC LIMIT 5)")
        assert search(opened, "отоплен").total == expected.sum() - 5
        assert ensure_index(opened) == 0  # nothing to do when nothing changed
    assert main(["search", str(path), "пособие"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{export['Текст обращения'].str.contains('пособие').sum()} requests match")


def test_search_index_takes_new_imports(project, tmp_path):
    path, export = project
    with Project.open(path) as opened:
        first = search(opened, "асфальт").total
    more = export.head(10).assign(**{"№ обращения": [f"NEW-{i}" for i in range(10)]})
    extra = tmp_path / "more.csv"
    more.drop(columns=["quarter", "truth"]).to_csv(extra, index=False)
    assert main(["import", str(path), str(extra)]) == 0
    with Project.open(path) as opened:
        assert search(opened, "асфальт").total == first + more["Текст обращения"].str.contains("асфальт").sum()


def test_fts_query_never_passes_syntax_through():
    # Latin words are also searched as their Cyrillic reading (Kazakh typed in Latin): still only quoted terms
    assert fts_query('отопление OR "нет света" NEAR(') == ('"нет света" AND "отоплен"* AND ("or"* OR "ор"*) AND '
                                                            '("near"* OR "неар"*)')
    assert fts_query("  ") == ""


def test_earlier_quarters_are_read_as_a_scaled_sample(project, monkeypatch):
    from kcdesk.core.analyse.content import project as content_project

    path, export = project
    monkeypatch.setattr(content_project, "PREVIOUS_ROWS", 40)
    with Project.open(path) as opened:
        frame = content_project._earlier_frame(opened, [Quarter.parse("2026-Q2")], Quarter.parse("2026-Q2"))
        assert 0 < len(frame) < (export["quarter"] == "2026-Q2").sum()
        # counts scaled back to the quarter's requests
        assert frame["count"].sum() == pytest.approx((export["quarter"] == "2026-Q2").sum())
        assert set(frame["quarter"]) == {"2026-Q2"}
        result = run_content(opened, Q3)
        assert result["baseline"] == ["2026-Q2"]
        assert sum(g["previous"] for g in result["groups"]) > 0


def test_catch_all_list_comes_from_the_project_setting(project):
    path, export = project
    with Project.open(path) as opened:
        opened.set_setting("content.catch_all", ["прочее", "Дороги"])
        result = run_content(opened, Q3)
    q3 = export[export["quarter"] == "2026-Q3"]
    expected = set(q3.loc[q3["Тема"].isin(["", "Прочее", "Дороги"]), "№ обращения"])
    assert {s["id"] for s in result["suggestions"]} == expected
    assert "Дороги" not in {s["topic"] for s in result["suggestions"]}  # a catch-all is never learned


def test_members_file_and_faq_decisions(project, tmp_path, capsys):
    path, export = project
    members = tmp_path / "members.csv"
    out = tmp_path / "content.json"
    assert main(["content", str(path), "--quarter", "2026-Q3", "--json", str(out), "--members", str(members)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "_members" not in result
    table = pd.read_csv(members, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    q3 = export[export["quarter"] == "2026-Q3"]
    assert list(table.columns) == ["id", "group", "label", "question"]
    assert set(table["id"]) == set(q3["№ обращения"])  # every request of the quarter, once
    counts = table["group"].value_counts()
    for group in result["groups"]:
        assert counts[group["id"]] == group["count"]
    assert counts.get("other", 0) == result["other"]["count"]
    first = result["faq"][0]["group"]
    assert main(["content", str(path), "--quarter", "2026-Q3", "--faq-accept", first]) == 0
    with Project.open(path) as opened:
        from kcdesk.core.usecases.content import report_content

        assert [f.group for f in report_content(opened, Q3).faq] == [first]
    assert main(["content", str(path), "--quarter", "2026-Q3", "--faq-accept", "g999"]) == 2
    assert "g999" in capsys.readouterr().err
    xlsx = tmp_path / "members.xlsx"
    assert main(["content", str(path), "--quarter", "2026-Q3", "--members", str(xlsx)]) == 0
    assert pd.read_excel(xlsx, dtype=str).shape[0] == len(q3)
