"""The drafted prose: traceable figures, null handling, fallen topics, caution, keys and overrides."""

from __future__ import annotations

from sample_analysis import content_of, make_analysis, typed

from kcdesk.core.report.numerals import NBSP, group
from kcdesk.core.report.texts import is_text_key, text
from kcdesk.core.report.wording import draft, paragraph_keys


def paragraphs(analysis, lang, texts=None, content=None) -> dict[str, str]:
    return {p.key: p.text.replace(NBSP, " ") for s in draft(typed(analysis), lang, texts, content_of(content))
            for p in s.paragraphs}


def test_intro_and_comparisons_carry_the_figures():
    a = make_analysis(with_year_ago=True)
    total, prev = a["total"]["count"], a["total"]["previous"]
    ru = paragraphs(a, "ru")
    kk = paragraphs(a, "kk")
    grouped = f"{total // 1000} {total % 1000:03d}"
    assert grouped in ru["intro"] and grouped in kk["intro"]
    diff = abs(total - prev)
    assert f"на {group(diff)}, или на" in ru["compare_previous"]  # the noun is not repeated
    assert ru["compare_previous"].count("запрос") <= 1
    assert ("увеличилось" if total > prev else "снизилось") in ru["compare_previous"]
    assert "900" in ru["compare_year_ago"] and "900" in kk["compare_year_ago"]
    assert "по дате регистрации" in ru["intro"] and "тіркелген күні" in kk["intro"]


def test_fallen_topics_drivers_and_caution():
    a = make_analysis()
    ru, kk = paragraphs(a, "ru"), paragraphs(a, "kk")
    assert "«Исчезнувшая тема»" in ru["zeroed"] and "17" in ru["zeroed"]
    assert "«Исчезнувшая тема (қаз.)»" in kk["zeroed"]
    flagged = [t for t in a["by_topic"] if t["flag_over_30"]]
    key = f"flag:{flagged[0]['topic']}"
    assert "город Астана (+8)" in ru[key] and "Звонок 1414 (+6)" in ru[key]
    assert "Астана қаласы (+8)" in kk[key]
    cautious = [t for t in flagged if t["caution"]]
    plain = [t for t in flagged if not t["caution"]]
    for t in cautious:
        assert "с осторожностью" in ru[f"flag:{t['topic']}"]
    for t in plain:
        assert "с осторожностью" not in ru[f"flag:{t['topic']}"]
    new = next(t for t in a["by_topic"] if t["new"])
    assert "Впервые" in ru[f"new:{new['topic']}"] and "алғаш рет" in kk[f"new:{new['topic']}"]


def test_no_previous_quarter_means_no_dynamics_claims():
    a = make_analysis(with_previous=False)
    ru = paragraphs(a, "ru")
    assert "dynamics" in ru and "growth" not in ru and "zeroed" not in ru
    assert not any(k.startswith("flag:") for k in ru)


def test_content_groups_and_faq_are_quoted():
    content = {"groups": [{"label": "Очередь на жильё", "count": 42, "new": True}],
               "faq": [{"question": "Как встать в очередь?"}, {"question": "Какие документы нужны?", "count": 7}]}
    ru = paragraphs(make_analysis(), "ru", content=content)
    assert "«Очередь на жильё» (42 запроса)" in ru["content"] and "ранее не установленные" in ru["content"]
    assert "«Как встать в очередь?»" in ru["publish:faq"] and "(7 запросов)" in ru["publish:faq"]


def test_content_groups_of_the_content_json_quote_key_phrases_and_an_example():
    """The kcdesk.content/1 shape: key phrases label the group, a real example is quoted, and groups
    within flagged topics come before larger ones elsewhere."""
    analysis = make_analysis()
    flagged = next(t["topic"] for t in analysis["by_topic"] if t["flag_over_30"])
    content = {"groups": [
        {"key_phrases": ["вывоз мусора", "контейнер"], "example": "Не вывозят мусор третью неделю", "count": 90,
         "topic": "Другое", "new": False},
        {"key_phrases": ["новый тариф", "оплата"], "example": "Почему вырос тариф " + "очень " * 60, "count": 12,
         "topic": flagged, "candidate": True},
    ]}
    ru = paragraphs(analysis, "ru", content=content)["content"]
    assert ru.index("«новый тариф, оплата»") < ru.index("«вывоз мусора, контейнер»")
    assert "например: «Не вывозят мусор третью неделю»" in ru
    assert "…»" in ru  # a long example is shortened at a word
    kk = paragraphs(analysis, "kk", content=content)["content"]
    # Nothing in Russian is quoted in the Kazakh справка: a Russian group is named by its topic.
    assert "Не вывозят мусор" not in kk and "новый тариф" not in kk
    assert "(қаз.)" in kk


def test_paragraph_keys_and_text_keys():
    a = make_analysis()
    keys = paragraph_keys(typed(a))
    assert len(keys) == len(set(keys))
    assert {"intro", "compare_previous", "portrait_age", "top10", "top10:astana"} <= set(keys)
    assert all(is_text_key(f"para:{k}") for k in keys)
    assert is_text_key("reason:Тема") and is_text_key("conclusions@kk") and not is_text_key("para:")
    assert not is_text_key("signatory")
    assert text({"publish": "  ", "publish@ru": "x"}, "publish", "kk") is None
    assert text({"publish": "a", "publish@ru": "b"}, "publish", "ru") == "b"


def test_edited_paragraphs_are_marked():
    sections = draft(typed(make_analysis()), "ru", {"para:regions": "Свой текст."})
    edited = [p for s in sections for p in s.paragraphs if p.edited]
    assert [p.key for p in edited] == ["regions"] and edited[0].text == "Свой текст."
