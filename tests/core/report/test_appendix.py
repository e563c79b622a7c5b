"""The Appendix form's data: the contact centre cell, the signature line, the title."""

from __future__ import annotations

from sample_analysis import make_analysis, typed

from kcdesk.core.quarters import Quarter
from kcdesk.core.report.appendix import BLANK, appendix_table, contact_centre, form_title, signature


def test_contact_centre_from_settings_else_from_the_data():
    analysis = make_analysis()
    analysis["contact_centres"] = [{"name": "КЦ акимата", "phone": "109", "count": 5},
                                   {"name": "Горячая линия", "phone": "", "count": 2}]
    assert contact_centre(typed(analysis), {}, "ru") == "КЦ акимата, тел. 109; Горячая линия"
    settings = {"contact_centre_name_kk": "Әкімдік байланыс орталығы", "contact_centre_phone": "1414"}
    assert contact_centre(typed(analysis), settings, "kk") == "Әкімдік байланыс орталығы, тел. 1414"
    assert contact_centre(typed(dict(analysis, contact_centres=[])), {}, "ru") == ""


def test_signature_line_blank_or_filled():
    assert signature({}, "ru") == f"{BLANK}    {BLANK}"
    filled = signature({"signatory": "А. Б. Сериков", "signatory_position_ru": "Заместитель акима"}, "ru")
    assert filled.startswith("Заместитель акима") and filled.endswith("А. Б. Сериков")
    assert "Заместитель акима" not in signature({"signatory": "А. Б.", "signatory_position_ru": "Заместитель акима"}, "kk")


def test_titles_and_zero_regions_kept():
    assert form_title(Quarter(2026, 3), "ru").endswith("за III квартал 2026 года")
    assert "2026 жылы 3-тоқсанда" in form_title(Quarter(2026, 3), "kk")
    analysis = make_analysis()
    analysis["by_region"][-1]["count"] = 0
    zero = analysis["by_region"][-1]["region"]
    table = appendix_table(typed(analysis), {}, "ru")
    names = [name for name, _ in table.regions]
    if zero == "unknown":
        assert "регион не указан" not in names
    else:
        assert (names[-1], table.regions[-1][1]) == (names[-1], 0)
    assert table.rows == max(len(table.topics), len(table.regions))
