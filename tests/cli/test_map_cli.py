"""`kcdesk map` and `kcdesk deadlines` through the CLI's main()."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from kcdesk.core.store.project import Project
from tests.helpers.exports import make_truth, write_exports


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map")
    written = write_exports(make_truth(seed=3, per_quarter={(2026, 2): 60, (2026, 3): 90}), folder / "exports")
    path = folder / "map.kcdesk"
    assert main(["import", str(path), *map(str, written.paths)]) == 0
    return path


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_map_png_count_and_change(project: Path, tmp_path: Path, capsys) -> None:
    count_png, change_png = tmp_path / "count.png", tmp_path / "change.png"
    assert main(["map", str(project), "--quarter", "2026-Q3", "--out", str(count_png),
                 "--width", "900", "--height", "560"]) == 0
    assert str(count_png) in capsys.readouterr().out
    assert main(["map", str(project), "--quarter", "2026-Q3", "--by", "change", "--lang", "kk",
                 "--out", str(change_png), "--width", "900", "--height", "560"]) == 0
    assert _png_size(count_png) == _png_size(change_png) == (900, 560)
    assert count_png.stat().st_size > 10_000
    assert count_png.read_bytes() != change_png.read_bytes()
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_map_by_rate_needs_population(project: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "rate.png"
    assert main(["map", str(project), "--quarter", "2026-Q3", "--by", "rate", "--out", str(out)]) == 2
    assert "population" in capsys.readouterr().err
    assert not out.exists()
    with Project.open(project) as opened:
        opened.set_setting("population", {"astana": 1_400_000, "almaty": 2_200_000, "karaganda": "not a number"})
    try:
        assert main(["map", str(project), "--quarter", "2026-Q3", "--by", "rate", "--out", str(out),
                     "--width", "800", "--height", "500"]) == 0
        assert _png_size(out) == (800, 500)
    finally:
        with Project.open(project) as opened:
            opened.set_setting("population", None)


def test_map_errors(project: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.png"
    assert main(["map", str(project), "--quarter", "2019-Q1", "--out", str(out)]) == 2
    assert "2019-Q1" in capsys.readouterr().err
    assert main(["map", str(project), "--quarter", "Q9", "--out", str(out)]) == 2
    assert main(["map", str(tmp_path / "none.kcdesk"), "--quarter", "2026-Q3", "--out", str(out)]) == 2
    assert not out.exists()


def test_deadlines_command(capsys) -> None:
    assert main(["deadlines", "--quarter", "2026-Q3", "--today", "2026-10-02"]) == 0
    out = capsys.readouterr().out
    assert "2026-10-05" in out and "2026-10-14" in out
    assert "in practice 2026-10-23" in out  # the 25th is a Sunday and Republic Day
    assert "1 working day(s) left" in out
    assert main(["deadlines", "--quarter", "2026-Q3", "--today", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_map_for_one_topic(project: Path, tmp_path: Path, capsys) -> None:
    with Project.open(project) as opened:
        topics = opened.catalogue.topics()
        topic_id, name = int(topics["id"].iloc[0]), str(topics["name"].iloc[0])
        opened.catalogue.rename_topic(topic_id, name_kk="Сынақ тақырыбы")
    out = tmp_path / "topic.png"
    # any of the topic's names, in any case
    assert main(["map", str(project), "--quarter", "2026-Q3", "--topic", "  " + name.upper(), "--lang", "kk",
                 "--out", str(out), "--width", "700", "--height", "450"]) == 0
    assert _png_size(out) == (700, 450)
    assert main(["map", str(project), "--quarter", "2026-Q3", "--topic", "сынақ тақырыбы",
                 "--out", str(tmp_path / "t2.png"), "--width", "700", "--height", "450"]) == 0
    assert main(["map", str(project), "--quarter", "2026-Q3", "--topic", "No such topic", "--out", str(out)]) == 2
    assert "No such topic" in capsys.readouterr().err
