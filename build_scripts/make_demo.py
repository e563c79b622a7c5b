"""Regenerate the bundled demo project resources/demo/demo.kcdesk from the fixed seed.

    python build_scripts/make_demo.py

Run it whenever the demo generator, the importer or the schema changes; the test
tests/core/demo/test_demo_project.py fails while the bundled file is stale.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kcdesk.core.demo import DEMO_SEED, build_demo_project  # noqa: E402

TARGET = ROOT / "resources" / "demo" / "demo.kcdesk"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--seed", type=int, default=DEMO_SEED)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    fresh = args.out.with_name(args.out.name + ".new")
    fresh.unlink(missing_ok=True)
    build_demo_project(fresh, seed=args.seed)
    fresh.replace(args.out)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
