"""Shared fixtures: offscreen Qt, and a test fails when kcdesk logs an unexpected warning or error."""

from __future__ import annotations

import logging
import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests that run the doors in-process log to a scratch folder, never the developer's own log.
os.environ.setdefault("KCDESK_LOG_DIR", tempfile.mkdtemp(prefix="kcdesk-test-logs-"))
# … and keep their applicant-key secret in a scratch settings folder, never the developer's own.
os.environ.setdefault("KCDESK_SETTINGS_DIR", tempfile.mkdtemp(prefix="kcdesk-test-settings-"))


@pytest.fixture(autouse=True)
def fail_on_logged_errors(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest):
    """Like qutebrowser's logfail: kcdesk warnings/errors fail the test unless it expects them."""
    caplog.set_level(logging.WARNING, logger="kcdesk")
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.name.startswith("kcdesk") and r.levelno >= logging.WARNING]
    if bad:
        pytest.fail("unexpected kcdesk log records: " + "; ".join(r.getMessage() for r in bad))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_log_warnings: the test expects kcdesk to log warnings")
