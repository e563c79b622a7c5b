"""`kcdesk content PROJECT --quarter Q [--json OUT] [--accept MIN] [--members FILE] [--faq-accept G] [--faq-drop G]`:
what people asked, as JSON or a summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kcdesk.cli.progress import ConsoleProgress, print_or_write_json
from kcdesk.core.errors import KcError
from kcdesk.core.quarters import Quarter
from kcdesk.core.store.project import Project


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise KcError("bad_confidence", value=text) from None
    if not 0.0 <= value <= 1.0:
        raise KcError("bad_confidence", value=text)
    return value


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("content", help="content analysis of the question texts of a quarter")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the content JSON here ('-' for stdout)")
    parser.add_argument("--accept", metavar="MIN_CONFIDENCE",
                        help="store the topic suggestions with at least this confidence (0-1) as fixes")
    parser.add_argument("--members", type=Path, metavar="FILE.csv",
                        help="write each request of the quarter with its question group (id, group, label, "
                             "question; .csv or .xlsx) so that an analyst can check a group")
    parser.add_argument("--faq-accept", metavar="GROUPS",
                        help="accept the FAQ entries of these groups for the справка (g1,g3 or 'all')")
    parser.add_argument("--faq-drop", metavar="GROUPS", help="drop the FAQ entries of these groups (g2,g5)")
    parser.set_defaults(run=run)


def _groups(text: str | None, result: dict[str, Any]) -> list[str]:
    if not text:
        return []
    proposed = [str(f["group"]) for f in result.get("faq") or []]
    if text.strip().lower() == "all":
        return proposed
    wanted = [g.strip() for g in text.split(",") if g.strip()]
    unknown = [g for g in wanted if g not in proposed]
    if unknown:
        raise KcError("bad_faq_group", value=", ".join(unknown))
    return wanted


def run(args: argparse.Namespace) -> int:
    # scikit-learn loads here, not when the parser is built: every other command starts faster.
    from kcdesk.core.usecases.content import (
        accept_suggestions,
        decide_faq,
        run_content,
        write_members,
    )

    quarter = Quarter.parse(args.quarter)
    minimum = None if args.accept is None else _confidence(args.accept)
    with Project.open(args.project) as project:
        if args.json is not None and str(args.json) != "-":
            project.output_guard().check(args.json)
        if args.members is not None:
            project.output_guard().check(args.members)
        # kept: the справка quotes the last run
        result = run_content(project, quarter, ConsoleProgress(), members=args.members is not None)
        members = result.pop("_members", None)
        for status, ids in (("accepted", _groups(args.faq_accept, result)), ("dropped", _groups(args.faq_drop, result))):
            for group in ids:
                decide_faq(project, quarter, group, status)
        accepted = None
        if minimum is not None:
            accepted = accept_suggestions(project, quarter, result, minimum)
    if members is not None:
        written = write_members(members, args.members)
        print(f"Wrote {written} requests with their question group to {args.members}.")
    print_or_write_json(result, args.json, lambda: summary(result))
    if accepted is not None:
        print(f"Accepted {accepted} topic suggestions with confidence >= {minimum:g}.")
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0f} %"


def _cut(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(result: dict[str, Any]) -> str:
    totals, model = result["totals"], result["model"]
    lines = [
        f"Quarter {result['quarter']}: {totals['requests']} requests, {totals['distinct_texts']} distinct texts"
        + (f"; compared with {', '.join(result['baseline'])}" if result["baseline"] else ""),
    ]
    if result["suggestions"]:
        certain = sum(not s["uncertain"] for s in result["suggestions"])
        accuracy = "—" if model["holdout_accuracy"] is None else f"{model['holdout_accuracy']:.2f}"
        lines.append(f"Topic suggestions: {len(result['suggestions'])} requests without a topic, {certain} "
                     f"confident (>= {model['threshold']}); learned from {model['trained_on']} texts, "
                     f"{model['classes']} topics, held-out accuracy {accuracy}")
        if model.get("uncertain_share") is not None:
            lines.append(f"Uncertain (confidence below {model['threshold']}): {model['uncertain_share']:.0%} of the suggestions")
    else:
        lines.append(f"Topic suggestions: none ({totals['to_suggest']} requests without a topic)")
    days = result.get("days") or {}
    if days.get("scaled"):
        lines.append(f"The quarter covers {days['quarter']} days, its baseline {days['baseline']}: earlier counts "
                     f"scaled by days (x{days['factor']})")
    other = result.get("other") or {}
    lines += ["", f"Question groups (count, previous, change); {other.get('count', 0)} requests in no group:"]
    for group in result["groups"][:15]:
        mark = " NEW" if group["new"] else (" GREW" if group["grew"] else "")
        lines.append(f"  {group['count']:6} {group['previous']:7} {_pct(group['change_pct']):>8}{mark}  "
                     f"{group['id']:>4} [{group['topic'] or '—'}] {group.get('label') or ''}: "
                     f"{', '.join(group['key_phrases'])}")
        lines.append(f"         e.g. {_cut(group['example'])}")
    for title, rows in (("Rising", result["rising"]), ("Falling", result["falling"])):
        lines += ["", f"{title} phrases (count, previous):"]
        lines += [f"  {r['count']:6} {r['previous']:7}  {r['phrase']}" for r in rows[:10]] or ["  —"]
    lines += ["", "Most asked (FAQ draft):"]
    lines += [f"  {f['count']:6}  {f['group']:>4} [{f['topic'] or '—'}] {'(drafted) ' if f.get('drafted') else ''}"
              f"{_cut(f['question'])}" for f in result["faq"][:20]] or ["  —"]
    lines.append("  (the справка quotes only the entries accepted: --faq-accept g1,g3 or all)")
    dup = result["duplicates"]
    lines += ["", f"Repeated requests (the same wording by the same applicant or about the same place): "
                  f"{dup['repeated_requests']} repeats in {dup['repeated_groups']} groups ({dup['requests_in_groups']} "
                  f"requests, {dup.get('by_applicant', 0)} of them held together by their applicant); "
                  f"{dup['same_wording_no_place']} requests share a wording that names no place and no applicant "
                  f"(not counted); {dup.get('with_applicant', 0)} requests came with an IIN or phone (kept only as an "
                  "opaque key)"]
    return "\n".join(lines)
