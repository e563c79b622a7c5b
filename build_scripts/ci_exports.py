"""Small exports for build_scripts/ci_exe.sh: a CSV and an .xlsx that the built executable imports.

Standard library only (the checks run it with the machine's python3, also inside the Wine chroot);
the .xlsx is written by tests/hostile/xlsx_raw.py, the hand-rolled writer whose packages Excel and
calamine both accept. The rows are made up: no person's data.

    python3 build_scripts/ci_exports.py OUT_DIR ROWS   # writes OUT_DIR/export.csv and OUT_DIR/export.xlsx
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = ["Номер обращения", "Дата регистрации", "Регион", "Тема", "Текст обращения", "Пол", "Возраст"]
REGIONS = ["г. Астана", "г. Алматы", "Карагандинская область", "Түркістан облысы", "ВКО"]
TOPICS = ["Дороги", "Коммунальные услуги", "Образование", "Здравоохранение", "Занятость"]
QUESTIONS = ["Ямы на дороге у школы", "Нет горячей воды третью неделю", "Мектепке орын жоқ",
             "Запись к врачу на месяц вперёд", "Жұмыс іздеп жүрмін"]


def table(prefix: str, n: int) -> list[list[object]]:
    """n requests of 2026-Q3 (July to September) whose ids start with `prefix`."""
    return [[f"{prefix}-{i}", f"{1 + i % 28:02d}.{7 + i % 3:02d}.2026", REGIONS[i % 5], TOPICS[i % 5],
             QUESTIONS[i % 5], "МЖ"[i % 2], 20 + i % 50] for i in range(1, n + 1)]


def xlsx_writer():
    spec = importlib.util.spec_from_file_location("xlsx_raw", ROOT / "tests" / "hostile" / "xlsx_raw.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(out: Path, n: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "export.csv", "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows([HEADER, *table("CSV", n)])
    raw = xlsx_writer()
    raw.write_xlsx(out / "export.xlsx", [("Обращения", raw.sheet_xml([HEADER, *table("XLSX", n)]))])


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
