"""Content analysis as the officer uses it: run and keep it, accept or undo suggestions, name or dismiss groups."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcdesk.core.model import ContentResult
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project
from kcdesk.core.tasks import Progress

if TYPE_CHECKING:
    import pandas as pd
else:
    from kcdesk.core.lazy import pandas as pd

PROVENANCE_PREFIX = "content:"  # content:<quarter>:<UTC stamp>[-n], one per accepted batch
NAME_KEY = "content:name:"  # project text content:name:<group id> = the officer's name for the group
DISMISS_KEY = "content:dismiss:"  # project text content:dismiss:<group id> = "1"
FAQ_KEY = "content:faq:"  # project text content:faq:<group id> = JSON {"status": "accepted"|"dropped", "question"?}
FAQ_STATUSES = ("accepted", "dropped")
CONTENT_SCHEMA = "kcdesk.content/1"
SHOWN = 2000  # open suggestions whose question is fetched for display (the most confident)


@dataclass(frozen=True)
class GroupDecisions:
    """The officer's names for question groups and the groups she dismissed, for one quarter."""

    names: dict[str, str] = field(default_factory=dict)
    dismissed: frozenset[str] = frozenset()
    faq: dict[str, dict[str, str]] = field(default_factory=dict)  # group -> {"status", "question"?}
    # group -> {"kk": name, "ru": name}: the names she gave in each language (a name is kept under the
    # language it is written in, so a Kazakh and a Russian name live side by side)
    names_by_lang: dict[str, dict[str, str]] = field(default_factory=dict)

    def name(self, group: str, lang: str | None = None) -> str | None:
        """The officer's name for the group in `lang` (else a name written in no particular language)."""
        own = self.names_by_lang.get(group) or {}
        if lang is not None:
            return own.get(lang) or own.get("")
        return own.get("") or next(iter(own.values()), None)

    def decision(self, group: str) -> str | None:
        """"named", "dismissed" or None (still to decide when it is a candidate)."""
        if group in self.names:
            return "named"
        return "dismissed" if group in self.dismissed else None


@dataclass
class ContentState:
    """What the content step shows: the quarter's last analysis, its still-open suggestions and the
    accepted batches."""

    quarter: Quarter
    result: dict[str, Any] | None
    open_rows: set[int] = field(default_factory=set)  # suggestion rows whose topic is still blank/catch-all
    questions: dict[int, str] = field(default_factory=dict)  # the SHOWN most confident open rows -> question
    batches: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["provenance", "requests"]))
    accepted: int | None = None  # rows changed by the action that produced this state


# --- reading ---------------------------------------------------------------------------------
def saved_result(project: Project, quarter: Quarter) -> dict[str, Any] | None:
    """The quarter's last content analysis, or None. (A file without the results table is refused
    when it is opened, as altered outside kcdesk: no fallback is needed here.)"""
    return project.content(quarter)


def batches(project: Project) -> pd.DataFrame:
    """Accepted suggestion batches (provenance content:<quarter>:<stamp>) with their request counts."""
    fixes = project.catalogue.topic_fixes()
    return fixes[fixes["provenance"].astype(str).str.startswith(PROVENANCE_PREFIX)].reset_index(drop=True)


def _open_rows(project: Project, result: dict[str, Any] | None) -> tuple[set[int], dict[int, str]]:
    """Suggested rows still without a real topic (accepted ones drop out of the table), and the questions
    of the SHOWN most confident of them (a big quarter can have far more than a table should hold)."""
    from kcdesk.core.analyse.content import catch_all_topics
    from kcdesk.core.analyse.content.analyse import clean_topics

    suggestions = [s for s in (result or {}).get("suggestions") or [] if s.get("row_id") is not None]
    rows = project.catalogue.row_topics([int(s["row_id"]) for s in suggestions])
    if rows.empty:
        return set(), {}
    still = set(rows.loc[clean_topics(rows["topic"], catch_all_topics(project)).isna(), "row_id"].astype(int))
    if not still:
        return still, {}
    ranked = sorted((s for s in suggestions if int(s["row_id"]) in still), key=lambda s: -float(s["confidence"]))
    shown = project.catalogue.row_questions([int(s["row_id"]) for s in ranked[:SHOWN]])
    return still, {int(r): q for r, q in zip(shown["row_id"], shown["question"], strict=True)}


def content_state(project: Project, quarter: Quarter, result: dict[str, Any] | None = None,
                  accepted: int | None = None) -> ContentState:
    """The content step's view of a quarter (a few indexed queries); the saved analysis when none is given."""
    if result is None:
        result = saved_result(project, quarter)
    still, questions = _open_rows(project, result)
    return ContentState(quarter, result, still, questions, batches(project), accepted)


def group_decisions(project: Project, quarter: Quarter) -> GroupDecisions:
    texts = project.texts(quarter)
    by_lang: dict[str, dict[str, str]] = {}
    for key, value in texts.items():
        if key.startswith(NAME_KEY) and value:
            group, _, lang = key[len(NAME_KEY):].partition("@")
            by_lang.setdefault(group, {})[lang if lang in ("kk", "ru") else ""] = value
    names = {g: own.get("") or own.get("ru") or own.get("kk") or "" for g, own in by_lang.items()}
    dismissed = frozenset(k[len(DISMISS_KEY):] for k, v in texts.items() if k.startswith(DISMISS_KEY) and v)
    faq = {}
    for key, value in texts.items():
        if key.startswith(FAQ_KEY) and value:
            try:
                decision = json.loads(value)
            except ValueError:
                continue
            if isinstance(decision, dict) and decision.get("status") in FAQ_STATUSES:
                faq[key[len(FAQ_KEY):]] = {k: str(v) for k, v in decision.items() if k in ("status", "question")}
    return GroupDecisions(names, dismissed, faq, by_lang)


def apply_decisions(result: dict[str, Any], decisions: GroupDecisions, lang: str | None = None) -> dict[str, Any]:
    """The content result as the справка quotes it: a named group is quoted by the officer's name (in
    `lang` where she gave one in it); a dismissed group (and the FAQ entries drawn from it) is left out;
    the FAQ list is the entries the officer accepted, in her wording when she edited one (none until
    she accepts any). The stored result is not changed."""
    groups = []
    for group in result.get("groups") or []:
        gid = str(group.get("id"))
        if gid in decisions.dismissed and gid not in decisions.names:
            continue
        name = decisions.name(gid, lang) if gid in decisions.names else None
        if gid in decisions.names and lang is not None and not name:
            # Named only in the other language: the справка names it itself (by its topic, in lang).
            name = decisions.names[gid]
        groups.append(dict(group, label=name) if name else group)
    faq = []
    for item in result.get("faq") or []:
        if not isinstance(item, dict):
            continue
        gid = str(item.get("group"))
        decision = decisions.faq.get(gid) or {}
        if decision.get("status") != "accepted" or (gid in decisions.dismissed and gid not in decisions.names):
            continue
        edited = decision.get("question")
        faq.append(dict(item, question=edited, edited=True) if edited else item)
    return dict(result, groups=groups, faq=faq)


def faq_list(result: dict[str, Any] | None, decisions: GroupDecisions) -> list[dict[str, Any]]:
    """Every proposed FAQ entry with the officer's decision ("accepted", "dropped" or None) and her
    wording when she edited it: what the content step lists."""
    out = []
    for item in (result or {}).get("faq") or []:
        if isinstance(item, dict):
            decision = decisions.faq.get(str(item.get("group"))) or {}
            out.append(dict(item, status=decision.get("status"), question=decision.get("question") or item.get("question"),
                            proposed=item.get("question")))
    return out


def report_content(project: Project, quarter: Quarter, given: dict[str, Any] | None = None,
                   lang: str | None = None) -> ContentResult | None:
    """The content result the справка quotes: the one given (`kcdesk report --content`), else the
    quarter's last run; with the officer's group names (in `lang` where she gave one: Group.label) and
    dismissals applied, and the FAQ entries she accepted. A given file may omit the schema and quarter:
    they are the quarter's."""
    result = given if given is not None else saved_result(project, quarter)
    if result is None:
        return None
    applied = apply_decisions(result, group_decisions(project, quarter), lang)
    return ContentResult.from_json({"schema": CONTENT_SCHEMA, "quarter": str(quarter), **applied})


# --- doing -----------------------------------------------------------------------------------
def run_content(project: Project, quarter: Quarter, progress: Progress | None = None,
                members: bool = False) -> dict[str, Any]:
    """Content analysis of the quarter, kept in the project for the справка (the last run of a quarter
    is the one quoted).
    members=True: the returned result also holds "_members" (see group_members), never kept."""
    from kcdesk.core.analyse.content import run_content as analyse_texts

    result = analyse_texts(project, quarter, progress, members=members)
    table = result.pop("_members", None)
    project.save_content(quarter, result)
    if table is not None:
        result["_members"] = group_members(project, result, table)
    return result


def group_members(project: Project, result: dict[str, Any], table: pd.DataFrame) -> pd.DataFrame:
    """Each request of the quarter: id, row_id, group ("other" when in no question group, "" when its
    text is blank), the group's label, and its question as kcdesk shows it (personal data masked)."""
    from kcdesk.core.analyse.content.normalise import display_text

    labels = {str(g["id"]): str(g.get("label") or "") for g in result.get("groups") or []}
    questions = project.catalogue.row_questions([int(r) for r in table["row_id"].dropna()])
    text = dict(zip(questions["row_id"].astype(int), questions["question"], strict=True))
    shown = [display_text(text.get(int(r)) or "") if pd.notna(r) else "" for r in table["row_id"]]
    return table.assign(label=[labels.get(g, "") for g in table["group"]], question=shown)


def group_membership(project: Project, quarter: Quarter, progress: Progress | None = None) -> pd.DataFrame:
    """Each request of the quarter with its group id (id, row_id, group): the analysis runs again (the
    same data gives the same groups) and is kept, like a run of the step. Only ids: no text is read."""
    from kcdesk.core.analyse.content import run_content as analyse_texts

    result = analyse_texts(project, quarter, progress, members=True)
    table = result.pop("_members")
    project.save_content(quarter, result)
    return table[["id", "row_id", "group"]].reset_index(drop=True)


GROUP_REQUESTS_COLUMNS = ("id", "date", "region", "question")


def group_requests(project: Project, membership: pd.DataFrame, group: str) -> pd.DataFrame:
    """The requests of one group (from group_membership): id, date (registration, YYYY-MM-DD), region
    (code, None when unknown) and the question as kcdesk shows it (HTML out, personal data masked), in
    the order they were imported."""
    from kcdesk.core.analyse.content.normalise import display_text

    mine = membership[membership["group"] == group]
    details = project.catalogue.row_details([int(r) for r in mine["row_id"].dropna()])
    details = details.sort_values("row_id", kind="stable")
    ids = dict(zip(mine["row_id"].astype("Int64"), mine["id"], strict=True))
    shown = pd.Series(details["question"], dtype=object).map(lambda t: display_text(t) if isinstance(t, str) else "")
    return pd.DataFrame({
        "id": [str(ids.get(int(r), r)) for r in details["row_id"]],
        "date": details["registered_at"].astype(object).map(lambda d: str(d)[:10] if isinstance(d, str) else None),
        "region": details["region"].astype(object).where(details["region"].notna(), None),
        "question": shown.to_numpy(dtype=object),
    }).reset_index(drop=True)


def write_requests(rows: pd.DataFrame, path: Path, headers: list[str] | None = None) -> int:
    """A table of requests (group_requests) as .xlsx (or .csv), cells a spreadsheet would read as a
    formula written as text; `headers` the column titles in the user's language. Returns rows."""
    return _write_table(rows, path, headers or list(rows.columns))


def write_members(members: pd.DataFrame, path: Path, group: str | None = None) -> int:
    """The requests of one group (or all) as .csv (UTF-8 with BOM, for Excel) or .xlsx; returns rows.
    Cells that a spreadsheet would read as a formula are written as text."""
    rows = members if group is None else members[members["group"] == group]
    return _write_table(rows[["id", "group", "label", "question"]], path, ["id", "group", "label", "question"])


def _write_table(rows: pd.DataFrame, path: Path, headers: list[str]) -> int:
    from kcdesk.core.formulas import looks_like_formula, neutralise
    from kcdesk.core.report.atomic import write_atomic

    rows = rows.astype(object).where(rows.notna(), "")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("requests")
        sheet.append(headers)
        for values in rows.itertuples(index=False):
            sheet.append([_cell(sheet, str(v), looks_like_formula) for v in values])
        write_atomic(path, book.save)
    else:
        safe = rows.map(lambda v: neutralise(str(v)))
        safe.columns = headers
        write_atomic(path, lambda target: safe.to_csv(target, index=False, encoding="utf-8-sig"))
    return len(rows)


def _cell(sheet: Any, value: str, looks_like_formula: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def new_provenance(project: Project, quarter: Quarter) -> str:
    """content:<quarter>:<UTC stamp>; a second batch within the same second gets a suffix, so each batch
    can be undone on its own."""
    base = f"{PROVENANCE_PREFIX}{quarter}:{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"
    taken = set(batches(project)["provenance"].astype(str))
    provenance, n = base, 1
    while provenance in taken:
        n += 1
        provenance = f"{base}-{n}"
    return provenance


def accept_suggestions(project: Project, quarter: Quarter, result: dict[str, Any], min_confidence: float,
                       row_ids: list[int] | None = None) -> int:
    """Accept the suggestions at or above a confidence, or exactly the chosen rows, as one batch (one
    transaction, one provenance to undo it by). Rows whose topic was set meanwhile are left alone.
    Returns the rows changed."""
    from kcdesk.core.analyse.content import accept_suggestions as accept

    chosen, minimum = result, float(min_confidence)
    if row_ids is not None:
        wanted = {int(r) for r in row_ids}
        chosen = dict(result, suggestions=[s for s in result.get("suggestions") or []
                                           if s.get("row_id") is not None and int(s["row_id"]) in wanted])
        minimum = 0.0
    return accept(project, chosen, minimum, new_provenance(project, quarter))


def undo_batch(project: Project, provenance: str) -> int:
    """Put back the topics a batch replaced; returns the rows changed."""
    return project.catalogue.unassign_topics(provenance)


def name_group(project: Project, quarter: Quarter, group: str, name: str | None, lang: str | None = None) -> None:
    """The officer's name for a question group (the справка quotes it); naming takes back a dismissal.
    The name is kept per language: under `lang`, else the language it is written in (Kazakh letters:
    kk, other Cyrillic: ru), so the Kazakh справка can quote a Kazakh name and the Russian one a
    Russian name. A blank name clears the group's names (in `lang` only, when given)."""
    from kcdesk.core.normalise.topics_dictionary import language_of

    name = name.strip() if name and name.strip() else None
    keys = [k for k in project.texts(quarter) if k == NAME_KEY + group or k.startswith(f"{NAME_KEY}{group}@")]
    if name is None:
        for key in keys:
            if lang is None or key.endswith(f"@{lang}"):
                project.set_text(quarter, key, None)
        return
    written = lang or language_of(name)
    key = NAME_KEY + group + (f"@{written}" if written in ("kk", "ru") else "")
    if NAME_KEY + group in keys and key != NAME_KEY + group:  # a name written before names had languages
        project.set_text(quarter, NAME_KEY + group, None)
    project.set_text(quarter, key, name)
    project.set_text(quarter, DISMISS_KEY + group, None)


def group_name(project: Project, quarter: Quarter, group: str, lang: str | None = None) -> str | None:
    """The officer's name for a group as the app shows it: in `lang` where she gave one, else any."""
    return group_decisions(project, quarter).name(group, lang) or group_decisions(project, quarter).name(group)


def dismiss_group(project: Project, quarter: Quarter, group: str, dismissed: bool = True) -> None:
    """Dismiss a candidate group (the справка leaves it out), or take a dismissal back."""
    project.set_text(quarter, DISMISS_KEY + group, "1" if dismissed else None)
    if dismissed:
        name_group(project, quarter, group, None)


def decide_faq(project: Project, quarter: Quarter, group: str, status: str | None,
               question: str | None = None) -> None:
    """Accept or drop the FAQ entry of a group (None takes the decision back); `question` is the
    officer's wording (trimmed, personal data masked; blank keeps the proposed one)."""
    if status is None:
        project.set_text(quarter, FAQ_KEY + group, None)
        return
    if status not in FAQ_STATUSES:
        raise ValueError(f"FAQ decision {status!r}")
    from kcdesk.core.analyse.content.normalise import display_text

    decision = {"status": status}
    wording = display_text(question) if question and question.strip() else ""
    if wording:
        decision["question"] = wording
    project.set_text(quarter, FAQ_KEY + group, json.dumps(decision, ensure_ascii=False))


def clear_decision(project: Project, quarter: Quarter, group: str) -> None:
    name_group(project, quarter, group, None)
    dismiss_group(project, quarter, group, False)
