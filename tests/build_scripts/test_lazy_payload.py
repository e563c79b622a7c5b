"""The one-file build's deferred libraries: which files go to the zip, and the run-time hook that
unpacks it on the first import of one of them, once, across threads and processes."""

from __future__ import annotations

import importlib.util
import struct
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


def test_the_hook_and_the_build_name_the_same_libraries():
    assert load_hook().TRIGGERS == set(lazy_payload.DEFERRED_PACKAGES)
    assert set(lazy_payload.DEFERRED_PACKAGES) <= lazy_payload.DEFERRED_FOLDERS


def test_the_zip_unpacks_byte_for_byte(tmp_path):
    files = {"numpy/_core/x.so": b"\x7fELF" + bytes(range(256)) * 400, "scipy.libs/y.so": b"y" * 10}
    base = make_payload(tmp_path, files)
    hook = load_hook()
    hook.unpack(str(base), str(base / lazy_payload.PAYLOAD_NAME))
    for dest, content in files.items():
        assert (base / dest).read_bytes() == content
    assert (base / hook.DONE_NAME).exists()
    assert not list(base.rglob("*.part")) and not (base / (hook.DONE_NAME + ".lock")).exists()


def test_unpacking_leaves_a_file_already_there_alone(tmp_path):
    base = make_payload(tmp_path, {"numpy/x.so": b"new"})
    (base / "numpy").mkdir()
    (base / "numpy" / "x.so").write_bytes(b"loaded by another process")
    load_hook().unpack(str(base), str(base / lazy_payload.PAYLOAD_NAME))
    assert (base / "numpy" / "x.so").read_bytes() == b"loaded by another process"


def test_the_finder_unpacks_on_a_triggers_import_then_steps_aside(tmp_path, monkeypatch):
    """A package that exists only inside the zip imports because the finder unpacked it first."""
    base = make_payload(tmp_path, {"kcdesk_probe_pkg/__init__.py": b"VALUE = 42\n"})
    monkeypatch.syspath_prepend(str(base))
    hook = load_hook()
    finder = hook.install(str(base), None, triggers={"kcdesk_probe_pkg"})
    assert finder is not None and sys.meta_path[0] is finder
    try:
        assert finder.find_spec("json") is None
        assert not (base / "kcdesk_probe_pkg").exists()  # nothing unpacked for another name
        assert finder in sys.meta_path
        module = importlib.import_module("kcdesk_probe_pkg")
        assert module.VALUE == 42
        assert finder not in sys.meta_path
        assert hook.install(str(base)) is None  # done: a second process sharing the folder skips it
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        sys.modules.pop("kcdesk_probe_pkg", None)


def executable_with_payload(path: Path, payload: bytes, stored: bool = True) -> Path:
    """A file laid out like a one-file executable: bootloader bytes, the archive's entries, its table,
    the cookie, then trailing bytes (Linux: ELF section headers follow the archive)."""
    head_format = load_hook().TOC_ENTRY_FORMAT
    entries = [("PYZ.pyz", b"pyz bytes", 0, b"z"), ("libpython3.11.so.1.0", b"lib", 1, b"b"),
               (lazy_payload.PAYLOAD_NAME, payload, 0 if stored else 1, b"a")]
    body, toc = b"", b""
    for name, content, compressed, kind in entries:
        raw = name.encode() + b"\0"
        raw += b"\0" * (-(len(raw) + 18) % 16)
        toc += struct.pack(head_format, 18 + len(raw), len(body), len(content), len(content), compressed, kind) + raw
        body += content
    cookie_format = load_hook().COOKIE_FORMAT
    archive = body + toc
    cookie = struct.pack(cookie_format, load_hook().COOKIE_MAGIC, len(archive) + struct.calcsize(cookie_format),
                         len(body), len(toc), 311, b"libpython3.11.so.1.0")
    path.write_bytes(b"\x7fELF bootloader" * 100 + archive + cookie + b"section headers" * 50)
    return path


def test_the_zip_is_read_in_place_from_the_executable(tmp_path, monkeypatch):
    """The bootloader leaves the stored entry in the executable; the finder unpacks from there."""
    staging = make_payload(tmp_path, {"kcdesk_probe_exe/__init__.py": b"WHERE = 'inside the executable'\n"})
    exe = executable_with_payload(tmp_path / "kcdesk", (staging / lazy_payload.PAYLOAD_NAME).read_bytes())
    base = tmp_path / "meipass"
    base.mkdir()
    hook = load_hook()
    offset, length = hook.find_in_executable(str(exe))
    assert exe.read_bytes()[offset:offset + length] == (staging / lazy_payload.PAYLOAD_NAME).read_bytes()
    monkeypatch.syspath_prepend(str(base))
    finder = hook.install(str(base), str(exe), triggers={"kcdesk_probe_exe"})
    try:
        assert importlib.import_module("kcdesk_probe_exe").WHERE == "inside the executable"
        assert not (base / lazy_payload.PAYLOAD_NAME).exists()  # never written out whole
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        sys.modules.pop("kcdesk_probe_exe", None)


def test_without_a_stored_zip_a_triggers_import_unpacks_nothing(tmp_path):
    """The one-folder build (and an executable whose entry was compressed): the finder steps aside."""
    hook = load_hook()
    plain = tmp_path / "plain"
    plain.write_bytes(b"no archive here" * 1000)
    assert hook.find_in_executable(str(plain)) is None
    compressed = executable_with_payload(tmp_path / "compressed", b"zlib data", stored=False)
    assert hook.find_in_executable(str(compressed)) is None  # only a stored entry can be read in place
    base = tmp_path / "onedir"
    base.mkdir()
    finder = hook.install(str(base), str(compressed), triggers={"kcdesk_probe_absent"})
    try:
        assert finder.find_spec("kcdesk_probe_absent") is None
        assert finder not in sys.meta_path
        assert list(base.iterdir()) == []
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)


def test_two_processes_unpacking_at_once_both_find_every_file(tmp_path):
    files = {f"sklearn/m{i}.so": bytes([i]) * 200_000 for i in range(40)}
    base = make_payload(tmp_path, files)
    script = ("import importlib.util, sys\n"
              f"spec = importlib.util.spec_from_file_location('hook', {str(HOOK_PATH)!r})\n"
              "hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)\n"
              "hook.unpack(sys.argv[1], sys.argv[1] + '/kcdesk_lazy.zip')\n"
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
    assert '(PAYLOAD_NAME, str(PAYLOAD), "PKG")' in spec  # stored, never written out by the bootloader
    onefile, onedir = spec.split("onedir_exe = EXE(")
    assert "ONEFILE_BINARIES" in onefile.split("exe = EXE(")[1] and "ONEFILE_DATAS" in onefile.split("exe = EXE(")[1]
    assert "a.binaries" in onedir.split("COLLECT(")[1] and "a.datas" in onedir.split("COLLECT(")[1]
