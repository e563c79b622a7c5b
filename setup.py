"""pyproject.toml declares the package; this file only adds its data to the wheel.

The run-time data stay where they are in the repository (the top-level resources/ folder, the
compiled translations i18n/*.qm) and are copied into the built package as kcdesk/resources and
kcdesk/i18n, where kcdesk.core.resources finds them after a non-editable `pip install .`.
An editable install reads them from the checkout instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib) / "kcdesk"
        target = package / "resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "resources", target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))
        i18n = package / "i18n"
        i18n.mkdir(parents=True, exist_ok=True)
        for qm in sorted((ROOT / "i18n").glob("*.qm")):
            shutil.copy2(qm, i18n / qm.name)


setup(cmdclass={"build_py": BuildPyWithResources})
