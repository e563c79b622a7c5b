"""Typed results: from_json/to_json keep the documented JSON byte for byte; derived facts are properties."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from kcdesk.core.model import Analysis, ContentResult, TopicRow, needs_attention
from kcdesk.core.quarters import Quarter
from kcdesk.core.resources import resource
from kcdesk.core.store.project import Project


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The JSON `kcdesk analyze` writes and the content result kept for the bundled demo's latest quarter."""
    folder = tmp_path_factory.mktemp("model")
    project = folder / "demo.kcdesk"
    shutil.copy2(resource("demo", "demo.kcdesk"), project)
    assert main(["analyze", str(project), "--quarter", "2026-Q3", "--json", str(folder / "a.json")]) == 0
    with Project.open(project) as opened:  # the demo keeps its latest `kcdesk content` result
        content = json.dumps(opened.content(Quarter.parse("2026-Q3")), ensure_ascii=False)
    return Path(folder / "a.json").read_text(encoding="utf-8"), content


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_analysis_round_trip_is_byte_for_byte(written) -> None:
    text, _ = written
    analysis = Analysis.from_json(json.loads(text))
    assert _dumps(analysis.to_json()) == _dumps(json.loads(text))
    assert str(analysis.quarter) == "2026-Q3" and analysis.quarter.previous() == analysis.comparison.previous
    assert sum(analysis.portrait.age.values()) == analysis.total.count
    assert [t.topic for t in analysis.attention] == [t["topic"] for t in json.loads(text)["by_topic"]
                                                    if t["flag_over_30"] or t["new"]]


def test_content_round_trip_is_byte_for_byte(written) -> None:
    _, text = written
    result = ContentResult.from_json(json.loads(text))
    assert _dumps(result.to_json()) == _dumps(json.loads(text))
    assert all(g.candidate for g in result.candidates)
    assert result.groups[0].label == json.loads(text)["groups"][0]["label"]  # the readable label it was given


def test_unknown_keys_are_kept_and_written_last() -> None:
    row = {"topic": "Дороги", "count": 5, "previous": 3, "year_ago": None, "change_pct": 66.67,
           "flag_over_30": True, "new": False, "caution": True, "names": {"kk": "Жолдар", "ru": "Дороги"},
           "year_ago_flag": "later key"}
    topic = TopicRow.from_json(row)
    assert topic.to_json() == row and list(topic.to_json()) == list(row)
    assert topic.name("kk") == "Жолдар"


@pytest.mark.parametrize(("change", "new", "flag", "attention"), [
    (30.0, False, False, False),  # exactly +30 % is not over
    (30.01, False, True, True),
    (None, True, False, True),  # new: no change, still singled out
    (-50.0, False, False, False),
])
def test_the_30_percent_rule_is_written_once(change, new, flag, attention) -> None:
    topic = TopicRow("T", 4, 2, None, change, new=new)
    assert topic.flag_over_30 is flag and topic.needs_attention is attention
    assert topic.to_json()["flag_over_30"] is flag
    assert needs_attention(topic.to_json()) is attention
