"""The content use cases: a batch of suggestions is one transaction and one undo; the officer's group
decisions reach the справка's content input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.core.importing import import_files
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.usecases import content as uc

Q3 = Quarter.parse("2026-Q3")
ROWS = ["1;01.07.2026;ЮКО;Дороги;яма во дворе", "2;02.07.2026;ЮКО;;яма на улице",
        "3;03.07.2026;ЮКО;;нет воды", "4;04.07.2026;ЮКО;;нет света"]


@pytest.fixture
def project(tmp_path: Path):
    source = tmp_path / "a.csv"
    source.write_text("№;Дата регистрации;Регион;Тема;Текст\n" + "".join(r + "\n" for r in ROWS), encoding="utf-8")
    import_files(tmp_path / "p.kcdesk", [source])
    with Project.open(tmp_path / "p.kcdesk") as opened:
        yield opened


def _result(project: Project) -> dict:
    frame = project.catalogue.question_frame([Q3])
    ids = frame.set_index("question")["row_id"].astype(int)
    return {"quarter": str(Q3), "suggestions": [
        {"id": "2", "row_id": int(ids["яма на улице"]), "topic": "Дороги", "confidence": 0.9, "uncertain": False},
        {"id": "3", "row_id": int(ids["нет воды"]), "topic": "Вода", "confidence": 0.8, "uncertain": False},
        {"id": "4", "row_id": int(ids["нет света"]), "topic": "Свет", "confidence": 0.3, "uncertain": True}]}


def _topics(project: Project) -> dict[str, str | None]:
    frame = project.catalogue.question_frame([Q3])
    return dict(zip(frame["question"], frame["topic"], strict=True))


def test_a_batch_is_one_provenance_and_one_undo(project: Project) -> None:
    result = _result(project)
    assert uc.accept_suggestions(project, Q3, result, 0.5) == 2  # two topics, one batch
    batches = uc.batches(project)
    assert list(batches["requests"]) == [2]
    assert _topics(project)["нет воды"] == "Вода" and _topics(project)["нет света"] is None
    state = uc.content_state(project, Q3, result)
    assert state.open_rows == {int(result["suggestions"][2]["row_id"])}  # accepted rows drop out
    assert uc.accept_suggestions(project, Q3, result, 0.0, row_ids=[result["suggestions"][2]["row_id"]]) == 1
    assert len(uc.batches(project)) == 2  # a second batch in the same second gets its own provenance
    assert uc.undo_batch(project, str(batches["provenance"][0])) == 2
    assert _topics(project)["нет воды"] is None and _topics(project)["нет света"] == "Свет"


def test_a_failing_batch_changes_nothing(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from kcdesk.core.store import catalogue

    calls = {"n": 0}
    real = catalogue.topic_ids

    def second_topic_fails(con, names):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk gone")
        return real(con, names)

    monkeypatch.setattr(catalogue, "topic_ids", second_topic_fails)
    with pytest.raises(RuntimeError):
        uc.accept_suggestions(project, Q3, _result(project), 0.5)
    assert _topics(project)["яма на улице"] is None and _topics(project)["нет воды"] is None
    assert uc.batches(project).empty


def test_group_decisions_reach_the_report_content(project: Project) -> None:
    result = {"groups": [{"id": "g1", "key_phrases": ["яма"], "count": 3},
                         {"id": "g2", "key_phrases": ["вода"], "count": 2, "candidate": True},
                         {"id": "g3", "key_phrases": ["свет"], "count": 1}],
              "faq": [{"question": "яма?", "group": "g1"}, {"question": "вода?", "group": "g2"}]}
    project.save_content(Q3, result)
    # no decisions: the groups as they are, and no FAQ entry until the officer accepts one
    quoted = uc.report_content(project, Q3)
    assert [g.to_json() for g in quoted.groups] == result["groups"] and quoted.faq == ()
    uc.decide_faq(project, Q3, "g1", "accepted")
    uc.decide_faq(project, Q3, "g2", "accepted")
    uc.name_group(project, Q3, "g1", "  Ямы во дворах ")
    uc.dismiss_group(project, Q3, "g2")
    quoted = uc.report_content(project, Q3)
    assert [(g.id, g.label) for g in quoted.groups] == [("g1", "Ямы во дворах"), ("g3", "свет")]
    assert [f.question for f in quoted.faq] == ["яма?"]
    assert project.content(Q3) == result  # the stored analysis is not changed
    uc.name_group(project, Q3, "g2", "Вода")  # naming takes a dismissal back
    assert uc.group_decisions(project, Q3).decision("g2") == "named"
    uc.clear_decision(project, Q3, "g2")
    assert uc.group_decisions(project, Q3).decision("g2") is None
    given = {"groups": [{"id": "g1", "key_phrases": ["x"]}], "faq": []}
    assert uc.report_content(project, Q3, given).groups[0].label == "Ямы во дворах"


def test_the_spravka_quotes_the_accepted_faq_entries_in_the_officers_wording(project: Project) -> None:
    result = {"groups": [], "faq": [{"question": "Когда засыплют ямы?", "group": "g1", "count": 9},
                                    {"question": "Куда обращаться по вопросу «вода»?", "group": "g2", "count": 5,
                                     "drafted": True},
                                    {"question": "Где свет?", "group": "g3", "count": 2}]}
    project.save_content(Q3, result)
    uc.decide_faq(project, Q3, "g1", "accepted", "  Когда отремонтируют дороги во дворах, звонил Иванов Иван Иванович?  ")
    uc.decide_faq(project, Q3, "g2", "dropped")
    uc.decide_faq(project, Q3, "g3", "accepted")
    quoted = uc.report_content(project, Q3).faq
    assert [f.question for f in quoted] == ["Когда отремонтируют дороги во дворах, звонил [ФИО]?", "Где свет?"]
    listed = uc.faq_list(project.content(Q3), uc.group_decisions(project, Q3))
    assert [f["status"] for f in listed] == ["accepted", "dropped", "accepted"]
    assert listed[0]["proposed"] == "Когда засыплют ямы?"
    uc.decide_faq(project, Q3, "g3", None)  # taken back: no longer quoted
    assert [f.group for f in uc.report_content(project, Q3).faq] == ["g1"]
    with pytest.raises(ValueError):
        uc.decide_faq(project, Q3, "g1", "maybe")


def test_group_names_are_kept_per_language(project: Project) -> None:
    """A Russian and a Kazakh name for the same group live side by side; each справка quotes its own;
    a group named in one language only keeps that name where no language is asked for."""
    result = {"groups": [{"id": "g1", "key_phrases": ["яма"], "count": 3, "topic": "Дороги"},
                         {"id": "g2", "key_phrases": ["вода"], "count": 2, "topic": "Вода"}], "faq": []}
    project.save_content(Q3, result)
    uc.name_group(project, Q3, "g1", "Ямы во дворах")  # written in Russian: kept as the Russian name
    uc.name_group(project, Q3, "g1", "Аулалардағы шұңқырлар")  # Kazakh letters: the Kazakh name
    uc.name_group(project, Q3, "g2", "Нет воды")
    decisions = uc.group_decisions(project, Q3)
    assert decisions.name("g1", "kk") == "Аулалардағы шұңқырлар" and decisions.name("g1", "ru") == "Ямы во дворах"
    labels = {lang: {g.id: g.label for g in uc.report_content(project, Q3, lang=lang).groups}
              for lang in ("kk", "ru")}
    assert labels["kk"]["g1"] == "Аулалардағы шұңқырлар" and labels["ru"]["g1"] == "Ямы во дворах"
    # Named in Russian only: the Kazakh справка gets the Russian name, which it replaces by the topic's.
    assert labels["kk"]["g2"] == "Нет воды" == labels["ru"]["g2"]
    uc.name_group(project, Q3, "g1", None, lang="kk")  # clearing one language keeps the other
    assert uc.group_decisions(project, Q3).name("g1", "ru") == "Ямы во дворах"
    assert uc.group_decisions(project, Q3).name("g1", "kk") is None
    uc.clear_decision(project, Q3, "g1")
    assert uc.group_decisions(project, Q3).decision("g1") is None
