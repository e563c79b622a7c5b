"""The reader process's memory cap (RLIMIT_AS on Linux, a Job Object on Windows) and what it spares:
the cell pre-scan before reading."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import openpyxl
import pytest

from kcdesk.core.importing import reader
from kcdesk.core.read import inspect
from kcdesk.core.read.tables import open_tables


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the sizes below are the 64-bit ones")
def test_job_limit_structure_has_the_windows_layout():
    # winnt.h on x64: JOBOBJECT_BASIC_LIMIT_INFORMATION 64 bytes, the extended one 144.
    assert ctypes.sizeof(reader._BasicLimits) == 64
    assert ctypes.sizeof(reader.JobLimits) == 144
    assert reader.JobLimits.ProcessMemoryLimit.offset == 112


class FakeKernel32:
    """Records what limit_memory_windows asks of Windows."""

    def __init__(self, job=1234, set_ok=1, assign_ok=1):
        self.job, self.set_ok, self.assign_ok = job, set_ok, assign_ok
        self.calls = []
        self.CreateJobObjectW = self._call("create", lambda *a: self.job)
        self.GetCurrentProcess = self._call("current", lambda: 99)
        self.SetInformationJobObject = self._call("set", self._set)
        self.AssignProcessToJobObject = self._call("assign", lambda *a: self.assign_ok)

    def _call(self, name, result):
        class Function:
            def __call__(inner, *args):
                self.calls.append((name, args))
                return result(*args)
        return Function()

    def _set(self, job, kind, pointer, size):
        info = ctypes.cast(pointer, ctypes.POINTER(reader.JobLimits)).contents
        self.seen = (job, kind, size, info.BasicLimitInformation.LimitFlags, info.ProcessMemoryLimit)
        return self.set_ok


def test_windows_job_object_caps_the_process_memory():
    kernel = FakeKernel32()
    assert reader.limit_memory_windows(2 << 30, kernel) is True
    assert kernel.seen == (1234, 9, ctypes.sizeof(reader.JobLimits), 0x100, 2 << 30)
    assert ("assign", (1234, 99)) in kernel.calls


@pytest.mark.parametrize("kernel", [FakeKernel32(job=0), FakeKernel32(set_ok=0), FakeKernel32(assign_ok=0)])
def test_windows_refusing_the_job_leaves_the_prescan_on(kernel):
    assert reader.limit_memory_windows(2 << 30, kernel) is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS: Linux")
def test_linux_caps_the_address_space():
    code = ("import resource; from kcdesk.core.importing.reader import _limit_memory\n"
            "print(_limit_memory(3 << 30), _limit_memory(None), resource.getrlimit(resource.RLIMIT_AS)[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False", str(3 << 30)]


def test_without_the_prescan_the_cells_are_not_scanned(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    wb.active.append(["№ обращения", "Дата регистрации", "Регион"])
    wb.active.append([1, "01.07.2026", "Астана"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    scanned = []
    monkeypatch.setattr(inspect, "_check_cells", lambda *a: scanned.append(a[1].filename))
    open_tables(path, deep=False)
    assert scanned == []
    open_tables(path)
    assert scanned == ["xl/worksheets/sheet1.xml"]
