"""Render the bundled demo's справка in Kazakh and Russian to page images in docs/spravka/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build_scripts/spravka_pages.py [--quarter 2026-Q3] [--out docs/spravka]

The demo project is copied to a temporary folder (the bundled file is never written); each language's
справка (with its charts) is written as .docx, converted to PDF by LibreOffice (soffice --headless) and
split into PNG pages by pdftoppm (poppler-utils): docs/spravka/spravka_<lang>-<page>.png, plus the PDFs.
Run it again after the demo is regenerated (build_scripts/make_demo.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarter", default="2026-Q3")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "spravka")
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args(argv)

    from kcdesk.charts.report_charts import render_report_charts
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.report.pdf import to_pdf
    from kcdesk.core.resources import resource
    from kcdesk.core.store.project import Project
    from kcdesk.core.usecases.analysis import analyse_quarter
    from kcdesk.core.usecases.report import ReportRequest, readiness, write_report

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm not found: apt-get install poppler-utils")
    quarter = Quarter.parse(args.quarter)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("spravka_*"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="kcdesk-spravka-") as folder:
        work = Path(folder)
        project_path = work / "demo.kcdesk"
        shutil.copyfile(resource("demo", "demo.kcdesk"), project_path)
        with Project.open(project_path) as project:
            from kcdesk.core.demo import DEMO_SETTINGS

            for key, value in DEMO_SETTINGS.items():  # the demo as make_demo.py builds it today
                if not project.get_setting(key):
                    project.set_setting(key, value)
            analysis = analyse_quarter(project, quarter)
            for lang in ("kk", "ru"):
                charts = render_report_charts(analysis, lang, work / f"charts_{lang}")
                docx = work / f"spravka_{lang}.docx"
                for item in readiness(project, quarter, lang, analysis):
                    print(f"{lang}: warning: {item.english()}")
                write_report(project, ReportRequest(quarter, lang, docx=docx), analysis, charts)
                pdf = to_pdf(docx, out / f"spravka_{lang}.pdf")
                subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), str(pdf), str(out / f"spravka_{lang}")],
                               check=True)
                pages = sorted(out.glob(f"spravka_{lang}-*.png"))
                print(f"{lang}: {len(pages)} pages -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
