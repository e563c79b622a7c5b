"""No network, ever: import, analyze, report, map and the GUI's start run with every socket call blocked
(patched before kcdesk is imported, in a real child process), and nothing even tries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.make_corpus import HEADER, plain_xlsx, rows, write_csv

ROOT = Path(__file__).resolve().parents[1]
Q = "2026-Q3"

# Every way Python code reaches the network goes through these names of the socket module.
WRAPPER = r"""
import os, socket, sys
ATTEMPTS = os.environ["KC_NET_ATTEMPTS"]

def _blocked(name):
    def refuse(*args, **kwargs):
        with open(ATTEMPTS, "a", encoding="utf-8") as log:
            log.write(f"{name} {args[:2]!r}\n")
        raise OSError(f"network blocked by the test: {name}")
    return refuse

class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _blocked("socket.socket")(*args)

socket.socket = _NoSocket
for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo", "socketpair", "fromfd"):
    setattr(socket, _name, _blocked("socket." + _name))

from kcdesk.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


def _run(args: list[str], tmp_path: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    env = {**os.environ, "KC_NET_ATTEMPTS": str(tmp_path / "attempts.txt"), "KCDESK_LOG_DIR": str(tmp_path / "logs"),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", WRAPPER, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _attempts(tmp_path: Path) -> str:
    path = tmp_path / "attempts.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_wrapper_really_blocks(tmp_path: Path) -> None:
    """The harness can fail: a command that does touch the network is caught and recorded."""
    env = {**os.environ, "KC_NET_ATTEMPTS": str(tmp_path / "attempts.txt")}
    probe = WRAPPER.replace("from kcdesk.cli.main import main\nraise SystemExit(main(sys.argv[1:]))",
                            "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.invalid', timeout=1)\n"
                            "except OSError:\n    pass")
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=60)
    assert "socket." in _attempts(tmp_path)


def test_cli_commands_make_no_network_attempt(tmp_path: Path) -> None:
    project = tmp_path / "p.kcdesk"
    csv_file = write_csv(tmp_path / "a.csv", [HEADER, *rows("NET", 40)])
    xlsx_file = plain_xlsx(tmp_path / "b.xlsx", [HEADER, *rows("NETX", 30, region="г. Алматы", topic="Образование")])
    commands = [
        ["import", str(project), str(csv_file), str(xlsx_file)],
        ["analyze", str(project), "--quarter", Q, "--json", str(tmp_path / "a.json")],
        ["texts", str(project), "--quarter", Q, "--set", "conclusions=Выводы"],
        ["report", str(project), "--quarter", Q, "--lang", "kk", "--out", str(tmp_path / "r.docx"),
         "--xlsx", str(tmp_path / "r.xlsx"), "--workplans", str(tmp_path / "plans")],
        ["map", str(project), "--quarter", Q, "--out", str(tmp_path / "map.png")],
    ]
    for args in commands:
        done = _run(args, tmp_path)
        assert done.returncode == 0, (args[0], done.stderr[-2000:])
    assert (tmp_path / "r.docx").stat().st_size > 0 and (tmp_path / "map.png").stat().st_size > 0
    assert _attempts(tmp_path) == ""


def test_gui_start_makes_no_network_attempt(tmp_path: Path) -> None:
    app = ROOT / "kcdesk" / "gui" / "app.py"
    if not app.exists() or "--smoke" not in app.read_text(encoding="utf-8"):
        pytest.skip("the GUI's --smoke has not landed yet")
    done = _run(["--smoke"], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "smoke: ok" in done.stdout, done.stdout[-2000:]
    assert _attempts(tmp_path) == ""
