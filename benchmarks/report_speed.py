"""Benchmark: the справка (.docx with charts) for one quarter of N requests in an eight-quarter project.

Target (issue 5): < 2 s. Timed in one process after Qt is up (the first chart pays for starting Qt
once; the app and `kcdesk report` pay it once too): analysis, the charts (pyqtgraph offscreen to
PNG, the map included), and the .docx from the template.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis_speed import fill  # noqa: E402

from kcdesk.charts.render import ensure_app  # noqa: E402
from kcdesk.charts.report_charts import render_report_charts  # noqa: E402
from kcdesk.core.analyse.analysis import analyse  # noqa: E402
from kcdesk.core.model import Analysis  # noqa: E402
from kcdesk.core.quarters import Quarter  # noqa: E402
from kcdesk.core.report.docx_builder import ReportInput, build_report  # noqa: E402
from kcdesk.core.store.project import Project  # noqa: E402

TARGET_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="requests per quarter")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    last = Quarter.parse("2026-Q3")
    quarters = [Quarter.from_index(last.index - i) for i in range(8)][::-1]
    ensure_app()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        fill(root / "bench.kcdesk", args.rows, quarters)
        for lang in ("ru", "kk"):
            times = []
            for run in range(args.runs):
                started = time.perf_counter()
                with Project.open(root / "bench.kcdesk") as project:
                    analysis = Analysis.from_json(analyse(project, last))
                    settings, texts = project.settings(), project.texts(last)
                charts = render_report_charts(analysis, lang, root / f"charts{run}")
                build_report(ReportInput(analysis, settings, texts, None, charts),
                             root / f"spravka_{lang}_{run}.docx", lang)
                times.append(time.perf_counter() - started)
            best = min(times)
            verdict = "OK" if best < TARGET_SECONDS else "MISSED"
            print(f"справка {lang} ({args.rows:,} rows a quarter): best of {args.runs} {best:.2f} s "
                  f"(target < {TARGET_SECONDS} s) {verdict}; runs " + ", ".join(f"{t:.2f}" for t in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
