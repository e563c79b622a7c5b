"""Wall time and peak memory of `kcdesk import` against a plain python-calamine read of the same xlsx.

    python benchmarks/import_speed.py --rows 1000000

Targets at 1M rows: import time ≤ 1.5 × the calamine read, peak memory ≤ 1 GB. The N-row file is
written once and cached in the temp folder, keyed by N.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.5
PEAK_TARGET_MB = 1024
CALAMINE_READ = ("import sys; from python_calamine import CalamineWorkbook; "
                 "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()")


def cached_file(rows: int, folder: Path) -> Path:
    """The N-row benchmark xlsx, generated on first use."""
    path = folder / f"kcdesk-bench-{rows}.xlsx"
    if not path.exists():
        print(f"writing {rows} rows to {path} (once; later runs reuse it) …", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "datagen.py"), "--rows", str(rows),
                        "--out", str(path)], check=True)
    return path


def measure(command: list[str]) -> dict[str, float]:
    """Run command in a child of a fresh helper process, so the peak is the command's own."""
    helper = [sys.executable, __file__, "--_child", "--", *command]
    output = subprocess.run(helper, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _child(command: list[str]) -> int:
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - began
    if done.returncode:
        sys.stderr.write(done.stderr)
        return done.returncode
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = usage.ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)
    # CPU time too: on a busy machine it is the steadier figure.
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_mb": round(peak_mb, 1)}))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["--_child", "--"]:
        return _child(argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()),
                        help="folder for the generated xlsx (default: the temp folder)")
    args = parser.parse_args(argv)
    data = cached_file(args.rows, args.cache)
    python = sys.executable
    read = measure([python, "-c", CALAMINE_READ, str(data)])
    with tempfile.TemporaryDirectory(prefix="kcdesk-bench-") as scratch:
        project = Path(scratch) / "bench.kcdesk"
        imported = measure([python, "-m", "kcdesk", "import", str(project), str(data)])
        size_mb = project.stat().st_size / 1e6
    ratio = imported["wall_s"] / read["wall_s"] if read["wall_s"] else float("inf")
    ok_ratio = ratio <= RATIO_TARGET
    ok_peak = imported["peak_mb"] <= PEAK_TARGET_MB
    print(f"rows: {args.rows}  file: {data.stat().st_size / 1e6:.1f} MB  project: {size_mb:.1f} MB")
    cpu_ratio = imported["cpu_s"] / read["cpu_s"] if read["cpu_s"] else float("inf")
    print(f"calamine read : {read['wall_s']:8.2f} s wall {read['cpu_s']:8.2f} s cpu  "
          f"peak {read['peak_mb']:7.1f} MB")
    print(f"kcdesk import : {imported['wall_s']:8.2f} s wall {imported['cpu_s']:8.2f} s cpu  "
          f"peak {imported['peak_mb']:7.1f} MB [{'ok' if ok_peak else 'OVER'} ≤ {PEAK_TARGET_MB} MB]")
    print(f"ratio import/read: {ratio:.2f} wall, {cpu_ratio:.2f} cpu  "
          f"[{'ok' if ok_ratio else 'OVER'} ≤ {RATIO_TARGET}, on wall time]")
    return 0 if ok_ratio and ok_peak else 1


if __name__ == "__main__":
    raise SystemExit(main())
