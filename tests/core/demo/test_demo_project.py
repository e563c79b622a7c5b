"""The demo project built through the real importer: figures, catalogue, no personal data, bundled copy."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from kcdesk.core.analyse.analysis import analyse, quarter_summary
from kcdesk.core.demo import DEMO_SETTINGS, build_demo_project
from kcdesk.core.demo.generate import QUARTERS, REGION_WEIGHTS, generate_requests
from kcdesk.core.demo.topics import BY_KEY, TOPICS
from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
from kcdesk.core.resources import resource
from kcdesk.core.store.project import Project

LAST = Quarter(2026, 3)


@pytest.fixture(scope="module")
def requests() -> pd.DataFrame:
    """The generated requests, each in the quarter §9 counts it in (the quarter it was processed)."""
    frame = generate_requests(2026)
    processed = pd.to_datetime(frame["processed"])
    frame["quarter"] = [str(Quarter(d.year, (d.month - 1) // 3 + 1)) for d in processed]
    return frame


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return build_demo_project(tmp_path_factory.mktemp("demo") / "demo.kcdesk")


@pytest.fixture(scope="module")
def analysis(demo_path):
    with Project.open(demo_path) as project:
        return analyse(project, LAST)


def _expected_topic_counts(requests: pd.DataFrame, quarter: str) -> dict[str, int]:
    kept = requests[(requests["quarter"] == quarter) & ~requests["topic_blank"]]
    return {BY_KEY[k].ru: int(n) for k, n in kept["topic"].value_counts().items()}


def test_eight_quarters_with_every_generated_request(demo_path, requests):
    with Project.open(demo_path) as project:
        assert project.quarters() == list(QUARTERS)
        summary = quarter_summary(project)
    expected = requests.groupby("quarter").size()
    assert dict(zip(summary["quarter"], summary["count"], strict=True)) == expected.to_dict()


def test_last_quarter_figures(analysis, requests):
    assert analysis["total"]["count"] == int((requests["quarter"] == str(LAST)).sum())
    regions = {r["region"] for r in analysis["by_region"] if r["count"] > 0}
    assert set(REGION_WEIGHTS) <= regions
    topics = {t["topic"]: t for t in analysis["by_topic"]}
    counts = {name: t["count"] for name, t in topics.items() if t["count"] > 0}
    assert counts == _expected_topic_counts(requests, str(LAST))
    assert 22 <= len(counts) <= 30


def test_flags_new_and_fallen_topics(analysis):
    topics = {t["topic"]: t for t in analysis["by_topic"]}
    flagged = {name for name, t in topics.items() if t["flag_over_30"]}
    assert len(flagged) >= 2
    assert {BY_KEY[k].ru for k in ("water", "egov", "school_places", "military")} <= flagged
    assert [name for name, t in topics.items() if t["new"]] == [BY_KEY["zhaily_mektep"].ru]
    small = topics[BY_KEY["military"].ru]
    assert (small["previous"], small["count"]) == (3, 4)
    assert small.get("caution", True) is True
    assert not topics[BY_KEY["water"].ru].get("caution", False)
    fallen = topics[BY_KEY["flood"].ru]
    assert fallen["count"] == 0 and fallen["previous"] > 0


def test_drivers_point_at_the_generated_causes(analysis):
    water = analysis["drivers"][BY_KEY["water"].ru]
    assert water["regions"][0]["region"] in {"turkistan", "kyzylorda", "zhambyl"}
    assert water["channels"][0]["channel"] == "whatsapp"
    egov = analysis["drivers"][BY_KEY["egov"].ru]
    assert egov["channels"][0]["channel"] == "telegram"


def test_dirt_is_counted_not_guessed(demo_path, analysis, requests):
    last = requests[requests["quarter"] == str(LAST)]
    assert analysis["data_quality"]["unmapped_region"] >= int((last["region_unknown"] != "").sum())
    assert analysis["data_quality"]["unmapped_topic"] == int(last["topic_blank"].sum())
    assert analysis["data_quality"]["duplicates"] == int(last["also_in_eotinish"].sum())
    assert analysis["portrait"]["age"]["unknown"] > 0
    with Project.open(demo_path) as project:
        unresolved = project.catalogue.unresolved()
    regions = unresolved[unresolved["field"] == "region"].set_index("value")["count"]
    generated = requests.loc[requests["region_unknown"] != "", "region_unknown"].value_counts()
    # "не указан" and "-" may count as blank; real places outside Kazakhstan must be listed.
    for value in ("Москва", "Бишкек", "г. Ташкент"):
        assert regions[value] == generated[value]


def test_portrait_sums_and_extra_dimensions(analysis):
    total = analysis["total"]["count"]
    for dimension in ("age", "gender", "social_status"):
        assert sum(analysis["portrait"][dimension].values()) == total
    assert analysis["portrait"]["age"]["under_18"] > 0
    assert analysis["portrait"]["age"]["over_90"] > 0
    for dimension in ("marital_status", "education", "occupation"):
        assert analysis["portrait"][dimension]
    assert {c["phone"] for c in analysis["contact_centres"]} == {"1414", "109"}


def test_catalogue_merged_with_both_names_and_settings(demo_path):
    with Project.open(demo_path) as project:
        topics = project.catalogue.topics()
        settings = project.settings()
    assert set(topics["name"]) == {t.ru for t in TOPICS}
    names = {t.ru: t for t in TOPICS}
    for row in topics.itertuples():
        assert (row.name_ru, row.name_kk) == (names[row.name].ru, names[row.name].kk)
    for key, value in DEMO_SETTINGS.items():
        assert settings[key] == value


def test_no_personal_data_in_the_file(demo_path, requests):
    text = demo_path.read_bytes().decode("utf-8", errors="replace")
    iins = set(requests["iin"])
    assert iins and not iins & set(re.findall(r"(?<!\d)\d{12}(?!\d)", text))
    phones = set(requests["phone_digits"])
    found = {re.sub(r"\D", "", m)[-10:] for m in re.findall(r"[+\d][\d ()\-]{9,20}\d", text)}
    assert not phones & found
    names = set(requests["name"])
    words = set(re.findall(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+ [А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+", text))
    assert not names & words
    # The scan itself works: it finds what a careless store would have kept.
    leaked = f"x {requests['iin'].iloc[0]} {requests['phone'].iloc[0]} {requests['name'].iloc[0]}"
    assert set(re.findall(r"(?<!\d)\d{12}(?!\d)", leaked)) & iins


def test_size_and_refuses_to_overwrite(demo_path):
    assert demo_path.stat().st_size <= 8 * 1024 * 1024
    with pytest.raises(KcError) as error:
        build_demo_project(demo_path)
    assert error.value.code == "demo_exists"


def test_bundled_demo_is_not_stale(demo_path, analysis, tmp_path):
    bundled = resource("demo", "demo.kcdesk")
    assert bundled.is_file(), "run build_scripts/make_demo.py"
    copy = tmp_path / "bundled.kcdesk"  # the resource itself is never opened for writing
    shutil.copyfile(bundled, copy)
    with Project.open(copy) as project, Project.open(demo_path) as fresh:
        assert project.quarters() == list(QUARTERS)
        assert analyse(project, LAST) == analysis, "stale: run build_scripts/make_demo.py"
        assert analyse(project, QUARTERS[0]) == analyse(fresh, QUARTERS[0])
        assert project.settings() == fresh.settings()
        pd.testing.assert_frame_equal(project.catalogue.topics(), fresh.catalogue.topics())
