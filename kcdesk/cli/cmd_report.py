"""`kcdesk report PROJECT --quarter Q --lang kk|ru --out FILE.docx [--xlsx] [--pdf] [--workplans DIR] [--template]`."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from kcdesk.cli.cmd_analyze import add_basis_option
from kcdesk.core.errors import KcError
from kcdesk.core.vocabulary import LANGS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write the справка (.docx, and .xlsx / .pdf / work plans) for a quarter",
        description="Write the справка for a quarter in Kazakh or Russian. The officer's texts and the "
                    "settings (signatory, contact centre…) are set with `kcdesk texts`.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", required=True, help="e.g. 2026-Q3")
    parser.add_argument("--lang", required=True, choices=LANGS, help="language of the справка")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.docx")
    parser.add_argument("--xlsx", type=Path, metavar="FILE.xlsx", help="also write the Appendix table as .xlsx")
    parser.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="also convert to PDF (needs LibreOffice)")
    parser.add_argument("--workplans", type=Path, metavar="DIR",
                        help="also write a draft work plan (§11) per topic over +30 %% into DIR")
    parser.add_argument("--template", type=Path, metavar="FILE.docx",
                        help="your own template with the same placeholders (resources/templates/README.md)")
    parser.add_argument("--content", type=Path, metavar="FILE.json",
                        help="content-analysis results to quote (groups, faq); default: the project's last content analysis of the quarter")
    parser.add_argument("--chart", action="append", default=[], metavar="KEY=FILE.png",
                        help="an extra chart image to include, e.g. map=map.png (repeatable)")
    parser.add_argument("--no-charts", action="store_true", help="leave the charts out")
    add_basis_option(parser)
    parser.set_defaults(run=run)


def _extra_charts(values: list[str]) -> dict[str, Path]:
    charts = {}
    for value in values:
        key, sep, path = value.partition("=")
        if not sep or not key.strip() or not Path(path).is_file():
            raise KcError("bad_chart_option", value=value)
        charts[key.strip()] = Path(path)
    return charts


def _content(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KcError("file_missing", file=str(path)) from None
    except (OSError, ValueError) as error:
        raise KcError("bad_content_file", file=str(path), reason=type(error).__name__) from None


def run(args: argparse.Namespace) -> int:
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.store.project import Project
    from kcdesk.core.usecases.analysis import analyse_quarter
    from kcdesk.core.usecases.report import ReportRequest, check_outputs, readiness, write_report

    quarter = Quarter.parse(args.quarter)
    extra = _extra_charts(args.chart)
    request = ReportRequest(quarter, args.lang, docx=args.out, xlsx=args.xlsx, pdf=args.pdf,
                            workplans=args.workplans, template=args.template, content=_content(args.content))
    with Project.open(args.project) as project, \
            tempfile.TemporaryDirectory(prefix="kcdesk-charts-") as folder:
        # Every output is checked before any work: never the project, an input, an import, a device, a link.
        check_outputs(project, request, [args.content, *extra.values()])
        analysis = analyse_quarter(project, quarter, basis=args.basis)
        charts: dict[str, Path] = {}
        if not args.no_charts:  # Qt is loaded only when charts are wanted
            from kcdesk.charts.report_charts import render_report_charts

            charts = render_report_charts(analysis, args.lang, Path(folder))
        charts.update(extra)
        open_items = readiness(project, quarter, args.lang, analysis)
        written = write_report(project, request, analysis, charts)
    # What a head would send back: printed, never blocking (the справка is written anyway).
    for item in open_items:
        print(f"warning: {item.english()} (fill in: {item.where[1]})", file=sys.stderr)
    for path in written:
        print(path)
    return 0
