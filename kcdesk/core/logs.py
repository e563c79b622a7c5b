"""A rotating support log in the user's data folder: version, file names, counts, error codes — never row values."""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from pathlib import Path

from kcdesk import __version__

LOG_NAME = "kcdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
_HANDLER_FLAG = "_kcdesk_support_log"


def log_folder() -> Path:
    """Where the support log lives: KCDESK_LOG_DIR, else %LOCALAPPDATA%\\kcdesk\\logs on Windows,
    else $XDG_STATE_HOME/kcdesk/logs or ~/.local/state/kcdesk/logs (not created here)."""
    override = os.environ.get("KCDESK_LOG_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kcdesk" / "logs"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "kcdesk" / "logs"


def log_file() -> Path:
    return log_folder() / LOG_NAME


def _existing_handler(logger: logging.Logger) -> logging.FileHandler | None:
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and getattr(handler, _HANDLER_FLAG, False):
            return handler
    return None


def setup_logging(level: int | str = logging.INFO) -> Path | None:
    """Attach the rotating file handler to the "kcdesk" logger (once per process) and note the
    version and platform; returns the log file, or None when the folder cannot be written
    (a read-only profile must not stop the app)."""
    logger = logging.getLogger("kcdesk")
    if isinstance(level, str):
        level = logging.getLevelName(level.upper())
        if not isinstance(level, int):
            level = logging.INFO
    existing = _existing_handler(logger)
    if existing is not None:
        existing.setLevel(level)
        return Path(existing.baseFilename)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.handleError = _QuietFailure(logger, handler)  # type: ignore[method-assign]
    handler.addFilter(_MaskPersonal())
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    setattr(handler, _HANDLER_FLAG, True)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    logging.getLogger("kcdesk.session").info(
        "kcdesk %s, Python %s, %s", __version__, platform.python_version(), platform.platform(terse=True)
    )
    return path


class _MaskPersonal(logging.Filter):
    """File and sheet names reach the log: an IIN, a phone, an e-mail or a person's name in them is
    masked as in the project (the log goes to support)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from kcdesk.core.normalise.masking import mask_all

        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_all(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


class _QuietFailure:
    """A support log that cannot be written (a full disk, a quota, a read-only profile) is dropped after
    one line on stderr, instead of a logging traceback on every record of every command."""

    def __init__(self, logger: logging.Logger, handler: logging.Handler) -> None:
        self.logger, self.handler = logger, handler

    def __call__(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or type(error).__name__
        self.logger.removeHandler(self.handler)
        try:
            self.handler.close()
        except OSError:
            pass
        try:
            sys.stderr.write(f"kcdesk: warning: the support log {log_file()} cannot be written ({reason}); "
                             "continuing without it\n")
        except (OSError, ValueError, AttributeError):
            pass


def shutdown_logging() -> None:
    """Detach and close the support log handler (tests, and the GUI on exit)."""
    logger = logging.getLogger("kcdesk")
    handler = _existing_handler(logger)
    if handler is not None:
        logger.removeHandler(handler)
        handler.close()
