"""kcdesk.core.lazy: a module imported when one of its attributes is first read."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kcdesk.core.lazy import LazyModule


def test_imports_on_first_attribute_and_keeps_it() -> None:
    code = """
import sys
from kcdesk.core.lazy import LazyModule
fractions = LazyModule("fractions")
assert "fractions" not in sys.modules, "imported too early"
assert fractions.Fraction(1, 2) + fractions.Fraction(1, 2) == 1
assert "fractions" in sys.modules and "Fraction" in vars(fractions)
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_dunders_do_not_import_and_missing_names_raise() -> None:
    lazy = LazyModule("kcdesk_no_such_module")
    assert not hasattr(lazy, "__wrapped__")  # inspect/copy probes: no import attempted
    with pytest.raises(ModuleNotFoundError):
        getattr(lazy, "anything")  # noqa: B009 - the attribute read is what is tested
    assert "kcdesk_no_such_module" in repr(lazy)
