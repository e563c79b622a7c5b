"""Run the hardening tests and write docs/HARDENING.md from their results (every row is a test that can fail).

    .venv/bin/python -m tests.hostile.write_hardening            # run the tests, write the doc
    .venv/bin/python -m tests.hostile.write_hardening --junit X  # write the doc from an existing JUnit XML
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tests.hostile.make_corpus import CASES

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "HARDENING.md"
TESTS = [
    "tests/hostile",
    "tests/core/store/test_crash_kill.py",
    "tests/core/store/test_locking.py",
    "tests/core/store/test_project.py",
    "tests/test_personal_data.py",
    "tests/test_no_network.py",
    "tests/core/test_logs.py",
    "tests/gui/test_report_guard.py",
    "tests/core/normalise/test_columns.py",
    "tests/core/importing/test_pipeline.py",
]
# Issue 13 (the second round): item → (what, [(test-id prefix, words one of which the test name holds)]).
# A prefix ending in "::" takes every test of that file; words narrow a shared file to the item's tests.
ROUND2 = {
    1: ("A template runs code: sandboxed render, only documented placeholders, bounded loops and output",
        [("tests/hostile/test_template_sandbox.py::", ()),
         ("tests/gui/test_report_guard.py::", ("template",))]),
    2: ("Outputs never replace the project, an import, an input, a device, a pipe, a link; no missing folder",
        [("tests/hostile/test_output_guard.py::", ()), ("tests/gui/test_report_guard.py::", ("save_dialog", "chart"))]),
    3: ("A header that starts like another wins (whole words; IIN/phone columns never the request id)",
        [("tests/hostile/test_hostile_imports.py::", ("request_id", "number_header", "counter")),
         ("tests/core/normalise/test_columns.py::", ("headers_match", "iins", "counter", "number",
                                                      "personal", "sentence"))]),
    4: ("The project path goes into the SQLite URI quoted (%, #, ?, spaces, Cyrillic, Kazakh, drive letter)",
        [("tests/hostile/test_project_paths.py::", ())]),
    5: ("A 47 kB workbook (one huge shared string) cannot kill the process",
        [("tests/hostile/test_hostile_imports.py::", ("shared_string_40mb",)),
         ("tests/core/importing/test_pipeline.py::", ("bomb", "reader_that_dies", "dead_reader", "child_process"))]),
    6: ("A project altered outside kcdesk (triggers, views, versions, values, damaged pages) is refused",
        [("tests/hostile/test_project_trust.py::", ("altered", "damaged", "values", "quarter_altered",
                                                    "bundled_demo"))]),
    7: ("A stray journal is not replayed into a restored backup",
        [("tests/hostile/test_project_trust.py::", ("journal",))]),
    8: ("Copy for Excel pastes text, never live formulas", [("tests/hostile/test_formulas.py::", ())]),
    9: ("Personal data: dotted/slashed phones and IINs, names in categories, file and sheet names, the log",
        [("tests/hostile/test_personal_data_round2.py::", ())]),
    10: ("Full disk, ulimit -f, read-only project file or folder, full log disk: one clear line",
         [("tests/hostile/test_storage_failures.py::", ())]),
    11: ("Texts JSON: types, sizes, unknown keys by name, deep nesting, lone surrogates, bidi controls",
         [("tests/hostile/test_texts_json.py::", ("bad_texts", "names_the_key", "bidi"))]),
    12: ("Windows consoles: --dump writes UTF-8 whatever the console; --load reads UTF-8, BOM, UTF-16",
         [("tests/hostile/test_texts_json.py::", ("dump", "load_reads"))]),
    13: ("Many small sheets", [("tests/hostile/test_hostile_imports.py::", ("sheets_3000",)),
                               ("tests/core/importing/test_pipeline.py::", ("small_sheets",))]),
}
KIND_TEST = {"refused": "test_refused", "survived": "test_survived", "read_right": "test_read_right"}
KIND_TITLE = {
    "refused": "Refused (exit 2, one line naming the file, project byte-for-byte unchanged)",
    "survived": "Survived (child process < 60 s and < 1 GB peak memory; exit 0 with the expected rows, "
                "or exit 2 with a clear line and the project unchanged)",
    "read_right": "Read right (the expected rows and figures in the project)",
}


MASKING = [
    "## How personal data is kept out",
    "",
    "- Phones and IINs are found also when written with dots or slashes (`8.701.123.45.67`, `8/701/1234567`, "
    "`880101.300123`). Names of people (a patronymic with one or two capitalised words, or a surname with "
    "initials) are masked as `[ФИО]` in category columns, in file, sheet and source names and in headers kept "
    "in the project, and in the support log; the contact centre's phone setting refuses an IIN.",
    "- The IIN, name and applicant-phone columns are read at import (the IIN gives age and gender) and "
    "never stored: the project schema has no column for them.",
    "- Question texts, topics, sub-topics, channels and the other category columns, values that could not be "
    "resolved (e.g. a phone typed into the region column) and unreadable dates are masked before they are "
    "stored (`kcdesk/core/normalise/masking.py`): e-mail addresses → `[EMAIL]`; 12-digit IIN-like numbers, "
    "also written in groups with spaces or dashes → `[ИИН]`; Kazakhstan phone numbers (+7/8/7 prefix, "
    "spaces, dashes, brackets) and short numbers after a phone word (`тел.`, `моб.`, `ұялы`) → `[ТЕЛ]`. "
    "Dates, sums in tenge, house numbers and longer account numbers are left alone.",
    "- Names inside free texts are not masked (they cannot be told from other words reliably).",
    "- The support log (`kcdesk/core/logs.py`; `%LOCALAPPDATA%\\kcdesk\\logs` on Windows, "
    "`~/.local/state/kcdesk/logs` elsewhere) holds the version, commands, file names, counts and error codes; "
    "never a value from the rows. An unexpected error logs its type and code location, not its message.",
]


def run_tests(junit: Path) -> int:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}",
               "-o", "junit_family=legacy",  # keeps the recorded answers (xunit2 drops properties)
               "--ignore=tests/hostile/test_hardening_doc.py", *TESTS]  # that test checks this very doc
    return subprocess.run(command, cwd=ROOT).returncode


def answers(junit: Path) -> dict[str, str]:
    """Test id → what kcdesk answered (the `answer` property the hostile tests record)."""
    found: dict[str, str] = {}
    for case in ElementTree.parse(junit).iter("testcase"):
        for prop in case.iter("property"):
            if prop.get("name") == "answer":
                found[_key(case)] = prop.get("value", "")
    return found


def _key(case: ElementTree.Element) -> str:
    return f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"


def outcomes(junit: Path) -> dict[str, str]:
    """Test id (file::name[param]) → passed | failed | skipped."""
    results: dict[str, str] = {}
    for case in ElementTree.parse(junit).iter("testcase"):
        key = _key(case)
        if case.find("failure") is not None or case.find("error") is not None:
            results[key] = "failed"
        elif case.find("skipped") is not None:
            results[key] = "skipped"
        else:
            results[key] = "passed"
    return results


def _status(results: dict[str, str], prefix: str) -> str:
    found = [v for k, v in results.items() if k.startswith(prefix)]
    if not found:
        return "not run"
    if "failed" in found:
        return "FAILED"
    if all(v == "skipped" for v in found):
        return "skipped"
    return "passed"


def _group(results: dict[str, str], prefix: str) -> tuple[int, int, list[str]]:
    """(tried, passed, names) of the parametrised tests under `prefix`."""
    items = {k: v for k, v in results.items() if k.startswith(prefix + "[")}
    names = [k[len(prefix) + 1:-1] for k in items]
    return len(items), sum(v == "passed" for v in items.values()), names


def render(results: dict[str, str], said: dict[str, str] | None = None) -> str:
    hostile = "tests/hostile/test_hostile_imports.py::"
    crash = "tests/core/store/test_crash_kill.py::"
    locking = "tests/core/store/test_locking.py::"
    lines = [
        "# Hardening: hostile files, crashes, locks, personal data, network",
        "",
        f"Generated by `python -m tests.hostile.write_hardening` from a test run on "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Every row is a pytest test that fails when the "
        "behaviour breaks; the inputs are generated at test time by `tests/hostile/make_corpus.py`.",
        "",
        "## Summary",
        "",
        "| What | Tried | Handled |",
        "|---|---:|---:|",
    ]
    for kind, test in KIND_TEST.items():
        tried, passed, _ = _group(results, hostile + test)
        lines.append(f"| Hostile inputs: {kind.replace('_', ' ')} | {tried} | {passed} |")
    tried, passed, _ = _group(results, crash + "test_kill_during_import")
    lines.append(f"| kill -9 points during a 200 000-row import (of kcdesk, or of its reader process) | {tried} | {passed} |")
    for label, test in (("kill -9 during a справка save (7 kills)", "test_kill_during_report_save"),
                        ("Ctrl-C during an import (exit 130, project unchanged)", "test_ctrl_c_during_import")):
        status = _status(results, crash + test)
        lines.append(f"| {label} | 1 | {1 if status == 'passed' else 0} |")
    tried, passed, _ = _group(results, locking + "test_bad_project_file_is_never_overwritten")
    lines.append(f"| Bad project files × commands (never overwritten) | {tried} | {passed} |")
    lines += [
        "",
        "| Check | Result | Test |",
        "|---|---|---|",
        f"| Personal data (IIN, phones, names) in any byte written | "
        f"{'none found' if _status(results, 'tests/test_personal_data.py::') == 'passed' else _status(results, 'tests/test_personal_data.py::')} "
        "| `tests/test_personal_data.py` |",
        f"| Network attempts by import/analyze/texts/report/map | "
        f"{'none' if _status(results, 'tests/test_no_network.py::test_cli') == 'passed' else _status(results, 'tests/test_no_network.py::test_cli')} "
        "| `tests/test_no_network.py` |",
        f"| Network attempts by the GUI start (`--smoke`) | "
        f"{'none' if _status(results, 'tests/test_no_network.py::test_gui') == 'passed' else _status(results, 'tests/test_no_network.py::test_gui')} "
        "| `tests/test_no_network.py` |",
        f"| Second writer waits, or gets a clear message; no lost write | "
        f"{_status(results, locking + 'test_second_writer')}, {_status(results, locking + 'test_writer_held')}, "
        f"{_status(results, locking + 'test_two_imports')} | `tests/core/store/test_locking.py` |",
        f"| Support log: version, files, counts, codes; no personal data | {_status(results, 'tests/core/test_logs.py::')} "
        "| `tests/core/test_logs.py` |",
        "",
    ]
    for kind, test in KIND_TEST.items():
        lines += [f"## {KIND_TITLE[kind]}", "", "| Input | File | Accepted answers | kcdesk answered | Result |",
                  "|---|---|---|---|---|"]
        for case in (c for c in CASES if c.kind == kind):
            key = f"{hostile}{test}[{case.name}]"
            status = results.get(key, "not run")
            answers = ", ".join(f"`{c}`" for c in case.codes) if case.codes else "—"
            if case.stored is not None and kind != "refused":
                answers += f"; {case.stored} rows" if answers != "—" else f"{case.stored} rows"
            note = f" ({case.notes})" if case.notes else ""
            lines.append(f"| {case.name.replace('_', ' ')}{note} | `{case.filename}` | {answers} | "
                         f"{(said or {}).get(key, '—')} | {status} |")
        lines.append("")
    lines += ["## Kill points", "", "| Point | What happened | Result |", "|---|---|---|"]
    for key, value in results.items():
        if key.startswith(crash):
            lines.append(f"| {key[len(crash):]} | {(said or {}).get(key, '—')} | {value} |")
    lines += ["", "## Other hostile-input checks", "", "| Test | Result |", "|---|---|"]
    for key, value in results.items():
        if key.startswith(hostile) and not any(key.startswith(hostile + t + "[") for t in KIND_TEST.values()):
            lines.append(f"| {key[len(hostile):]} | {value} |")
    lines += _round2(results, said or {})
    lines += ["", *MASKING]
    counts = Counter(results.values())
    lines += ["", f"Run totals: {counts.get('passed', 0)} passed, {counts.get('failed', 0)} failed, "
              f"{counts.get('skipped', 0)} skipped.", ""]
    return "\n".join(lines)


def _round2_tests(results: dict[str, str], item: int) -> list[str]:
    found = []
    for prefix, words in ROUND2[item][1]:
        for key in results:
            name = key[len(prefix):] if key.startswith(prefix) else None
            if name is not None and (not words or any(w in name for w in words)) and key not in found:
                found.append(key)
    return found


def _round2(results: dict[str, str], said: dict[str, str]) -> list[str]:
    """Issue 13: one row per item (tests tried and passed), then every test with what kcdesk answered."""
    lines = ["", "## Second round (issue 13): what a hostile colleague or a careless user tried", "",
             "| Item | What | Tests | Passed |", "|---:|---|---:|---:|"]
    detail: list[str] = []
    for item, (what, _places) in ROUND2.items():
        keys = _round2_tests(results, item)
        passed = sum(results[k] == "passed" for k in keys)
        lines.append(f"| {item} | {what} | {len(keys)} | {passed} |")
        for key in keys:
            answer = said.get(key, "").replace("|", "\\|")
            detail.append(f"| {item} | `{key.split('::', 1)[1]}` | {answer or '—'} | {results[key]} |")
    lines += ["", "| Item | Test | kcdesk answered | Result |", "|---:|---|---|---|", *detail]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--junit", type=Path, help="use this JUnit XML instead of running the tests")
    args = parser.parse_args(argv)
    if args.junit:
        results, said = outcomes(args.junit), answers(args.junit)
        code = 0
    else:
        with tempfile.TemporaryDirectory() as scratch:
            junit = Path(scratch) / "junit.xml"
            code = run_tests(junit)
            results, said = outcomes(junit), answers(junit)
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render(results, said), encoding="utf-8")
    print(f"wrote {DOC} ({len(results)} test results)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
