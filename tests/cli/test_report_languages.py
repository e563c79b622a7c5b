"""Issue 18's done-when: four messy exports with Russian topic names only; the Kazakh справка holds no
Russian topic, channel or status (topics the dictionary cannot know are warned about), and the Russian
one no Kazakh."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from kcdesk.cli.main import main

TOPICS = ("Коммунальные услуги", "ЖКХ", "Ремонт дорог", "Пособия", "Вопросы по субсидиям на шерсть")


def _exports(folder: Path) -> list[Path]:
    q2 = ["01.04.2026", "12.05.2026"]
    q3 = ["01.07.2026", "05.08.2026", "20.09.2026"]
    files = []
    # 1: channel, marital status, education, occupation in export spellings
    rows = ["№;Дата регистрации;Канал;Регион;Тема;Семейное положение;Образование;Род занятий;Социальный статус"]
    n = 0
    for days in (q2, q3):
        for d in days:
            for k, topic in enumerate(TOPICS):
                for _ in range(1 + (k if d in q3 else 0)):
                    n += 1
                    rows.append(f"A{n};{d};Звонок 1414;г. Астана;{topic};Замужем;Высшее;Работает;Пенсионер")
    path = folder / "calls.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files.append(path)
    # 2: no channel column at all
    rows = ["№;Дата;Регион;Тема;Пол"] + [f"B{i};0{1 + i % 9}.08.2026;Туркестанская обл.;ЖКХ;Женский" for i in range(8)]
    path = folder / "eotinish.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files.append(path)
    # 3: other channel spellings, lower-case topics
    rows = ["№;Дата;Источник;Область;Тематика"] + [
        f"C{i};1{i % 9}.07.2026;{'Личный прием' if i % 2 else 'Телефон'};Алматы;ремонт дорог" for i in range(6)]
    path = folder / "visits.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files.append(path)
    # 4: messengers, social status under a bare "Статус" header
    statuses = ("Безработный", "Многодетная мать", "Студент", "Инвалид", "Безработная")
    rows = ["№;Дата;Канал;Регион;Тема;Статус"] + [
        f"D{i};2{i % 8}.09.2026;WhatsApp;Шымкент;Пособия;{statuses[i]}" for i in range(5)]
    path = folder / "messengers.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files.append(path)
    return files


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_kazakh_and_russian_spravka_hold_no_word_of_the_other_language(tmp_path: Path, capsys):
    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), *map(str, _exports(tmp_path))]) == 0
    capsys.readouterr()
    kk_out = tmp_path / "kk.docx"
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "kk", "--out", str(kk_out),
                 "--no-charts"]) == 0
    warnings = capsys.readouterr().err
    kk = _text(kk_out)
    # The one topic the dictionary cannot know is named in a warning (and printed as it is).
    assert "Вопросы по субсидиям на шерсть" in warnings and "without a name in this language" in warnings
    for russian in ("Коммунальные услуги", "ЖКХ", "Ремонт дорог", "Пособия", "Звонок", "Телефонный", "Личный прием",
                    "Личный приём", "Замужем", "Высшее", "Работает", "Пенсионер", "по найму", "Безработн",
                    "Многодетн", "Студент", "Инвалид", "Лица, ", "Туркестанская",
                    "обл.", "город "):
        assert russian not in kk, russian
    for kazakh in ("Коммуналдық қызметтер", "Жолдарды жөндеу", "1414 бірыңғай байланыс орталығына қоңырау",
                   "«eotinish.csv» файлында түсу арнасы көрсетілмеген", "Нысан", "жұмыссыз ретінде тіркелген", "көп балалы отбасылар"):
        assert kazakh in kk, kazakh
    ru_out = tmp_path / "ru.docx"
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(ru_out),
                 "--no-charts"]) == 0
    assert "without a name in this language" not in capsys.readouterr().err  # every topic has its Russian name
    ru = _text(ru_out)
    assert "Вопросы по субсидиям на шерсть" in ru  # a Russian name is the Russian справка's own
    for kazakh in ("Коммуналдық", "Жолдарды", "қоңырау", "Зейнеткер", "өтініш", "Жұмыссыз", "Көп балалы",
                   "облысы", "қаласы", "тоқсан"):
        assert kazakh not in ru, kazakh
    assert "звонок в единый контакт-центр 1414" in ru and "«eotinish.csv»" in ru


def test_officers_words_and_content_groups_stay_in_their_language(tmp_path: Path, capsys):
    """A reason typed in Russian only: the Kazakh справка does not print it and its warnings say it is
    still only in the other language; content groups and FAQ labelled in Russian are named in Kazakh
    in the Kazakh справка (by their topic, or their Kazakh draft)."""
    import json

    project = tmp_path / "p.kcdesk"
    assert main(["import", str(project), *map(str, _exports(tmp_path))]) == 0
    reason = "Рост связан с перерасчётом пособий в июле."
    assert main(["texts", str(project), "--quarter", "2026-Q3", "--set", f"reason:Пособия@ru={reason}"]) == 0
    content = tmp_path / "content.json"
    content.write_text(json.dumps({
        "groups": [{"id": "g1", "label": "перерасчет пособий", "key_phrases": ["перерасчет пособий"], "count": 9,
                    "example": "Почему мне пересчитали пособие?", "topic": "Пособия", "new": True}],
        "faq": [{"question": "Почему пересчитали пособие?", "count": 9, "topic": "Пособия", "group": "g1",
                 "drafted": False, "label": "перерасчет пособий", "language": "ru"}]}, ensure_ascii=False),
        encoding="utf-8")
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.store.project import Project
    from kcdesk.core.usecases.content import decide_faq

    with Project.open(project) as opened:  # the officer accepted the FAQ entry (content step / --faq-accept)
        decide_faq(opened, Quarter.parse("2026-Q3"), "g1", "accepted")
    capsys.readouterr()
    out = {lang: tmp_path / f"{lang}.docx" for lang in ("kk", "ru")}
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "kk", "--out", str(out["kk"]),
                 "--no-charts", "--content", str(content)]) == 0
    warnings = capsys.readouterr().err
    assert "officer's texts still in the other language: reason:Пособия" in warnings
    assert "no reasons typed for" in warnings and "Әлеуметтік жәрдемақылар" not in warnings.split(
        "no reasons typed for")[1].split("\n")[0]  # typed in Russian: not called missing
    kk = _text(out["kk"])
    for russian in (reason, "перерасчет", "пересчитали", "Пособия"):
        assert russian not in kk, russian
    assert "«Әлеуметтік жәрдемақылар» мәселесі бойынша қайда жүгінуге болады?" in kk  # the FAQ, in Kazakh
    assert main(["report", str(project), "--quarter", "2026-Q3", "--lang", "ru", "--out", str(out["ru"]),
                 "--no-charts", "--content", str(content)]) == 0
    ru = _text(out["ru"])
    assert reason in ru and "«перерасчет пособий»" in ru and "Почему пересчитали пособие?" in ru
    assert "reason:Пособия" not in capsys.readouterr().err
