"""The import pipeline: exports read in a child process → mapped → normalised → stored.

`import_files` and `preview_file` (pipeline.py) are what the doors call; reader.py holds the only
concurrency in the core (the reader process), mapping.py the column → field choice."""

from kcdesk.core.importing.mapping import IGNORE, column_mapping
from kcdesk.core.importing.pipeline import (
           FilePreview,
           FileResult,
           ImportResult,
           import_files,
           preview_file,
)

__all__ = ["IGNORE", "FilePreview", "FileResult", "ImportResult", "column_mapping", "import_files",
           "preview_file"]
