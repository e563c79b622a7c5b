"""Files full of IINs, phones and names → import, analyze, report, texts: no byte kcdesk writes holds any of them."""

from __future__ import annotations

import io
import logging
import random
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kcdesk.cli.main import main
from kcdesk.core.logs import shutdown_logging
from tests.helpers.iin import make_iin
from tests.hostile.make_corpus import plain_xlsx, write_csv

Q = "2026-Q3"
SURNAMES = ["Жумабаев", "Сейтказиева", "Оспанов", "Kuanyshbekova", "Тлеубердиев", "Әбдірахманова"]
GIVEN = ["Нурлан", "Айгерим", "Ерлан", "Dana", "Бауыржан", "Гүлнар"]
HEADER = ["Номер обращения", "Дата регистрации", "Регион", "Тема", "Текст обращения", "ФИО", "ИИН",
          "Телефон", "Возраст"]


def _spaced(digits: str, style: int) -> str:
    """An IIN as people write it: together, in groups with spaces, or with dashes."""
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:6]} {digits[6:]}"
    if style == 2:
        return "-".join(digits[i:i + 3] for i in range(0, 12, 3))
    return " ".join(digits[i:i + 4] for i in range(0, 12, 4))


def _phone(number: str, style: int) -> str:
    """A mobile number (10 digits from 7) in the shapes exports and citizens use."""
    a, b, c, d = number[:3], number[3:6], number[6:8], number[8:]
    return (f"+7 {a} {b} {c} {d}", f"8 ({a}) {b}-{c}-{d}", f"8{number}", f"+7{number}", f"7-{a}-{b}-{c}{d}")[style % 5]


def _people(n: int) -> list[dict[str, str]]:
    generator = random.Random(114)
    people = []
    for i in range(n):
        birth = date(1950 + generator.randrange(55), 1 + generator.randrange(12), 1 + generator.randrange(28))
        iin = make_iin(birth, female=i % 2 == 1, serial=1000 + i)
        phone = "7" + str(generator.choice((0, 1, 7, 5))) + "".join(str(generator.randrange(10)) for _ in range(8))
        people.append({"iin": iin, "phone": phone, "name": f"{SURNAMES[i % 6]} {GIVEN[(i // 6) % 6]}"})
    return people


def _rows(people: list[dict[str, str]], prefix: str) -> list[list[object]]:
    rows = []
    for i, person in enumerate(people):
        text = (f"Прошу перезвонить по номеру {_phone(person['phone'], i)}, мой ИИН {_spaced(person['iin'], i % 4)}. "
                f"Второй номер тел. {person['phone'][3:6]}-{person['phone'][6:8]}-{person['phone'][8:]} "
                f"почта user{i}@mail.kz")
        # Some exports put what the operator typed into the wrong column: a phone as the region,
        # an IIN where the date should be. Those cells are stored as unresolved values / bad dates.
        when = f"ИИН {_spaced(person['iin'], i % 4)}" if i % 10 == 5 else f"{1 + i % 28:02d}.{7 + i % 3:02d}.2026"
        where = f"звонил с {_phone(person['phone'], i + 2)}" if i % 10 == 0 else "г. Астана"
        rows.append([f"{prefix}-{i}", when, where,
                     ("Дороги", "Коммунальные услуги", "Образование", f"перезвонить {person['phone']}")[i % 4],
                     text, person["name"],
                     _spaced(person["iin"], i % 4), _phone(person["phone"], i + 1), ""])
    return rows


def _needles(people: list[dict[str, str]]) -> dict[str, list[bytes]]:
    """What must not be found, as UTF-8 (SQLite, JSON, XML, logs) and UTF-16 bytes."""
    needles: dict[str, list[bytes]] = {}
    for person in people:
        forms = {person["iin"], person["phone"], person["name"], person["name"].split()[0], person["phone"][3:]}
        forms |= {_spaced(person["iin"], s) for s in range(4)} | {_phone(person["phone"], s) for s in range(5)}
        forms.add(f"{person['phone'][3:6]}-{person['phone'][6:8]}-{person['phone'][8:]}")
        needles[person["name"]] = [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-le")]
    return needles


def _everything_written(folder: Path, inputs: set[Path]) -> dict[str, bytes]:
    """Every file under `folder` that kcdesk wrote; zip packages (docx/xlsx) also member by member."""
    found: dict[str, bytes] = {}
    for path in folder.rglob("*"):
        if not path.is_file() or path in inputs:
            continue
        data = path.read_bytes()
        found[str(path)] = data
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    found[f"{path}!{name}"] = archive.read(name)
    return found


@pytest.fixture()
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "out" / "logs"
    monkeypatch.setenv("KCDESK_LOG_DIR", str(folder))
    shutdown_logging()  # a handler from an earlier test would write elsewhere
    yield folder
    shutdown_logging()


def test_no_personal_data_in_anything_kcdesk_writes(tmp_path: Path, log_dir: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    people = _people(60)
    inputs_dir = tmp_path / "in"
    inputs_dir.mkdir()
    csv_file = write_csv(inputs_dir / "контакт-центр.csv", [HEADER, *_rows(people[:40], "CSV")])
    xlsx_file = plain_xlsx(inputs_dir / "e-otinish.xlsx", [HEADER, *_rows(people[40:], "XLSX")])
    out = tmp_path / "out"
    project = out / "officer.kcdesk"
    logging.getLogger("kcdesk").setLevel(logging.DEBUG)  # the most talkative the log can be
    try:
        assert main(["import", str(project), str(csv_file), str(xlsx_file)]) == 0
        assert main(["analyze", str(project), "--quarter", Q, "--json", str(out / "analysis.json")]) == 0
        assert main(["texts", str(project), "--quarter", Q, "--set", "conclusions=Выводы отдела"]) == 0
        assert main(["texts", str(project), "--quarter", Q, "--dump"]) == 0
        assert main(["report", str(project), "--quarter", Q, "--lang", "ru", "--out", str(out / "справка.docx"),
                     "--xlsx", str(out / "приложение.xlsx"), "--workplans", str(out / "plans")]) == 0
    finally:
        logging.getLogger("kcdesk").setLevel(logging.NOTSET)
        shutdown_logging()
    printed = capsys.readouterr()
    written = _everything_written(out, {csv_file, xlsx_file})
    written["<stdout>"] = printed.out.encode()
    written["<stderr>"] = printed.err.encode()
    # The test can fail: the inputs themselves are full of what is searched for.
    assert any(n in csv_file.read_bytes() for n in _needles(people[:1])[people[0]["name"]])
    assert str(project) in written and str(out / "справка.docx") in written
    assert any(name.endswith("kcdesk.log") for name in written), "the support log was written"
    leaks = [(where, who) for who, forms in _needles(people).items() for where, data in written.items()
             if any(form in data for form in forms)]
    assert not leaks, leaks[:10]
    # The masks are there instead (so the texts were stored, and masked).
    assert b"[\xd0\x98\xd0\x98\xd0\x9d]" in written[str(project)]  # "[ИИН]"
    assert "[ТЕЛ]".encode() in written[str(project)]
