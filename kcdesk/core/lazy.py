"""pandas and numpy imported on first use, so that the app's first window does not wait for them.

Opening the main window imports every step's module, and most of them name pandas only inside
methods that run once a project is open. `import pandas` at the top of those modules cost the first
window about half of its start-up (pandas with numpy: ~0.4 s CPU of ~0.8 s from an installed
build, more from the one-file build's fresh files); tests/test_startup_imports.py keeps it out.

    if TYPE_CHECKING:
        import pandas as pd
    else:
        from kcdesk.core.lazy import pandas as pd

Each attribute is looked up in the real module once, then kept on the stand-in, so a hot loop's
`pd.isna` costs a plain attribute read.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """A stand-in for a module that imports it when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._lazy_name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):  # copy/pickle/inspect probe dunders: no reason to import
            raise AttributeError(attribute)
        value = getattr(importlib.import_module(self._lazy_name), attribute)
        setattr(self, attribute, value)
        return value

    def __repr__(self) -> str:
        return f"<lazy module {self._lazy_name!r}>"


pandas = LazyModule("pandas")
numpy = LazyModule("numpy")
