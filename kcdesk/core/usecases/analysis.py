"""Analyse a quarter (the three stages) and the region counts behind the map."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kcdesk.core.errors import KcError
from kcdesk.core.model import Analysis
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import Progress

POPULATION_SETTING = "population"  # {region code: residents}, for the map's rate per 10,000


def analyse_quarter(project: Project, quarter: Quarter, progress: Progress | None = None,
                    rule: str | None = None, basis: str | None = None) -> Analysis:
    """The three stages of a quarter (Analysis.to_json() is docs/ANALYSIS_JSON.md); a given quarter
    rule ("registered" / "processed") and comparison basis ("previous" / "year_ago") are remembered
    in the project first."""
    from kcdesk.core.analyse.analysis import analyse
    from kcdesk.core.vocabulary import as_basis

    if rule and rule != project.quarter_rule():
        project.set_quarter_rule(rule)
    if basis and as_basis(basis) != project.comparison_basis():
        project.set_comparison_basis(basis)
    return Analysis.from_json(analyse(project, quarter, progress))


@dataclass(frozen=True)
class MapInput:
    """What the map is drawn from: the 20 regions' counts, the population and the topic's shown name."""

    table: pd.DataFrame  # region, count, previous, change_pct (all 20 regions and "unknown")
    population: dict[str, int]
    topic: str | None  # the topic's name in the map's language, None for all topics


def population(project: Project) -> dict[str, int]:
    """The project's population setting ({region code: residents}); anything unusable is left out."""
    value = project.get_setting(POPULATION_SETTING)
    if not isinstance(value, dict):
        return {}
    out = {}
    for code, people in value.items():
        try:
            number = int(people)
        except (TypeError, ValueError):
            continue
        if number > 0:
            out[str(code)] = number
    return out


def find_topic(topics: pd.DataFrame, text: str, lang: str) -> tuple[str, str]:
    """The topic's catalogue name (what the counts filter on) and its name in `lang`, from any of its
    names (catalogue, kk or ru), case and spacing ignored."""
    wanted = " ".join(text.split()).casefold()
    for row in topics.to_dict("records"):
        names = [row.get("name"), row.get("name_kk"), row.get("name_ru")]
        if any(isinstance(n, str) and " ".join(n.split()).casefold() == wanted for n in names):
            shown = row.get(f"name_{lang}")
            return row["name"], shown if isinstance(shown, str) and shown.strip() else row["name"]
    raise KcError("unknown_topic", value=text)


def region_counts(project: Project, quarter: Quarter, topic: str | None = None) -> pd.DataFrame:
    """All 20 regions (0 where none) with count, previous and change, for one catalogue topic or all."""
    from kcdesk.core.analyse.analysis import region_counts as counts

    return counts(project, quarter, topic)


def map_input(project: Project, quarter: Quarter, topic: str | None, by: str, lang: str) -> MapInput:
    """Everything `kcdesk map` draws; the topic may be given by any of its names."""
    if not project.has_data(quarter):
        raise KcError("no_data_for_quarter" if project.quarters() else "no_data", value=str(quarter))
    people = population(project)
    if by == "rate" and not people:
        raise KcError("map_no_population")
    name, shown = find_topic(project.catalogue.topics(), topic, lang) if topic else (None, None)
    return MapInput(region_counts(project, quarter, name), people, shown)
