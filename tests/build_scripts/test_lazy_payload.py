"""The one-file build's deferred libraries: which files go to the zip, and the run-time hook that
unpacks it on the first import of one of them, once, across threads and processes."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

BUILD_SCRIPTS = Path(__file__).resolve().parents[2] / "build_scripts"
sys.path.insert(0, str(BUILD_SCRIPTS))

import lazy_payload  # noqa: E402

HOOK_PATH = BUILD_SCRIPTS / "pyi_rth_lazy_payload.py"


def load_hook():
    """The run-time hook as a module (outside a frozen build it installs nothing on import)."""
    spec = importlib.util.spec_from_file_location("pyi_rth_lazy_payload_under_test", HOOK_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("dest", [
    "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so",
    "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
    "scipy.libs/libscipy_openblas-6cdc3b4a.so",
    "scipy\\sparse\\_sparsetools.cp311-win_amd64.pyd",
    "sklearn/.libs/vcomp140.dll",
    "pandas/_libs/tslibs/parsing.cpython-311-x86_64-linux-gnu.so",
    "lxml/etree.cpython-311-x86_64-linux-gnu.so",
    "python_calamine/_python_calamine.cpython-311-x86_64-linux-gnu.so",
])
def test_the_libraries_the_first_window_never_loads_are_deferred(dest):
    assert lazy_payload.is_deferred(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/QtWidgets.pyd",
    "libpython3.11.so.1.0",
    "libstdc++.so.6",  # shared with Qt
    "numpy-2.4.6.dist-info/METADATA",  # importlib.metadata reads it without importing numpy
    "resources/templates/spravka_kk.docx",
    "i18n/kcdesk_kk.qm",
    "pyqtgraph/icons/auto.png",
    "numpy",  # a bare name at the root is not a file of the folder
])
def test_what_the_first_window_needs_stays_in_the_bundle(dest):
    assert not lazy_payload.is_deferred(dest)


def test_split_keeps_symbolic_links_in_the_table():
    entries = [("numpy/a.so", "/x/a.so", "EXTENSION"), ("numpy.libs/b.so", "b.so.1", "SYMLINK"),
               ("PySide6/c.so", "/x/c.so", "BINARY")]
    kept, deferred = lazy_payload.split(entries)
    assert deferred == entries[:1]
    assert kept == entries[1:]


def make_payload(tmp_path: Path, files: dict[str, bytes]) -> Path:
    sources = tmp_path / "sources"
    entries = []
    for dest, content in files.items():
        source = sources / dest.replace("/", "__")
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(content)
        entries.append((dest, str(source), "DATA"))
    base = tmp_path / "bundle"
    base.mkdir()
    lazy_payload.write_payload(entries, base / lazy_payload.PAYLOAD_NAME)
    return base


def test_the_zip_names_its_triggers_and_unpacks_byte_for_byte(tmp_path):
    files = {"numpy/_core/x.so": b"\x7fELF" + bytes(range(256)) * 400, "scipy.libs/y.so": b"y" * 10}
    base = make_payload(tmp_path, files)
    with zipfile.ZipFile(base / lazy_payload.PAYLOAD_NAME) as archive:
        assert archive.comment == b"kcdesk-lazy:" + ",".join(lazy_payload.DEFERRED_PACKAGES).encode()
    hook = load_hook()
    hook.unpack(str(base))
    for dest, content in files.items():
        assert (base / dest).read_bytes() == content
    assert (base / hook.DONE_NAME).exists()
    assert not list(base.rglob("*.part")) and not (base / (hook.DONE_NAME + ".lock")).exists()


def test_unpacking_leaves_a_file_already_there_alone(tmp_path):
    base = make_payload(tmp_path, {"numpy/x.so": b"new"})
    (base / "numpy").mkdir()
    (base / "numpy" / "x.so").write_bytes(b"loaded by another process")
    load_hook().unpack(str(base))
    assert (base / "numpy" / "x.so").read_bytes() == b"loaded by another process"


def test_the_finder_unpacks_on_a_triggers_import_then_steps_aside(tmp_path, monkeypatch):
    """A package that exists only inside the zip imports because the finder unpacked it first."""
    base = make_payload(tmp_path, {"kcdesk_probe_pkg/__init__.py": b"VALUE = 42\n"})
    with zipfile.ZipFile(base / lazy_payload.PAYLOAD_NAME, "a") as archive:
        archive.comment = b"kcdesk-lazy:kcdesk_probe_pkg"  # the trigger names travel in the comment
    monkeypatch.syspath_prepend(str(base))
    hook = load_hook()
    finder = hook.install(str(base))
    assert finder is not None and sys.meta_path[0] is finder
    try:
        assert finder.find_spec("json") is None
        assert not (base / "kcdesk_probe_pkg").exists()  # nothing unpacked for another name
        module = importlib.import_module("kcdesk_probe_pkg")
        assert module.VALUE == 42
        assert finder not in sys.meta_path
        assert hook.install(str(base)) is None  # done: a second process sharing the folder skips it
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        sys.modules.pop("kcdesk_probe_pkg", None)


def test_without_the_zip_the_hook_does_nothing(tmp_path):
    assert load_hook().install(str(tmp_path)) is None


def test_two_processes_unpacking_at_once_both_find_every_file(tmp_path):
    files = {f"sklearn/m{i}.so": bytes([i]) * 200_000 for i in range(40)}
    base = make_payload(tmp_path, files)
    script = ("import importlib.util, sys\n"
              f"spec = importlib.util.spec_from_file_location('hook', {str(HOOK_PATH)!r})\n"
              "hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)\n"
              "hook.unpack(sys.argv[1])\n"
              "import pathlib\n"
              f"assert all((pathlib.Path(sys.argv[1]) / d).stat().st_size == 200_000 for d in {list(files)!r})\n")
    runs = [subprocess.Popen([sys.executable, "-c", script, str(base)]) for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert all((base / dest).read_bytes() == content for dest, content in files.items())


def test_an_unchanged_payload_is_not_rewritten(tmp_path):
    base = make_payload(tmp_path, {"numpy/a.so": b"a"})
    payload = base / lazy_payload.PAYLOAD_NAME
    before = payload.stat().st_mtime_ns
    source = tmp_path / "sources" / "numpy__a.so"
    lazy_payload.write_payload([("numpy/a.so", str(source), "DATA")], payload)
    assert payload.stat().st_mtime_ns == before
    source.write_bytes(b"changed")
    lazy_payload.write_payload([("numpy/a.so", str(source), "DATA")], payload)
    with zipfile.ZipFile(payload) as archive:
        assert archive.read("numpy/a.so") == b"changed"


def test_the_spec_defers_only_the_one_file_builds_files():
    spec = (BUILD_SCRIPTS / "kcdesk.spec").read_text(encoding="utf-8")
    assert "pyi_rth_lazy_payload.py" in spec
    onefile, onedir = spec.split("onedir_exe = EXE(")
    assert "ONEFILE_BINARIES" in onefile.split("exe = EXE(")[1] and "ONEFILE_DATAS" in onefile.split("exe = EXE(")[1]
    assert "a.binaries" in onedir.split("COLLECT(")[1] and "a.datas" in onedir.split("COLLECT(")[1]
