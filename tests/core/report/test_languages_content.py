"""Issue 18: the content analysis, the FAQ and the officer's reasons in the справка's own language."""

from __future__ import annotations

import pytest
from sample_analysis import content_of, make_analysis, typed

from kcdesk.core.normalise.topics_dictionary import language_of
from kcdesk.core.report.numerals import NBSP
from kcdesk.core.report.readiness import checklist
from kcdesk.core.report.wording import content_groups, draft, faq_items

LANGS = ("ru", "kk")


def _analysis() -> dict:
    a = make_analysis()
    for t in a["by_topic"]:
        t["names"] = {"ru": "Ремонт дорог", "kk": "Жолдарды жөндеу"} if t["topic"] == a["by_topic"][0]["topic"] \
            else t["names"]
    return a


def _content(topic: str) -> dict:
    return {
        "groups": [{"id": "g1", "label": "ямы во дворах", "key_phrases": ["ямы во дворах"], "count": 40,
                    "example": "Во дворе огромные ямы", "topic": topic, "new": False},
                   {"id": "g2", "label": "жол жөндеу", "key_phrases": ["жол жөндеу"], "count": 12,
                    "example": "Жолды қашан жөндейді?", "topic": topic, "new": True}],
        "faq": [{"question": "Когда отремонтируют дорогу во дворе?", "count": 30, "topic": topic, "group": "g1",
                 "drafted": False, "label": "ямы во дворах", "language": "ru"},
                {"question": "Куда обращаться по вопросу «освещение»?", "count": 9, "topic": topic, "group": "g3",
                 "drafted": True, "label": "освещение", "language": "ru",
                 "drafts": {"ru": "Куда обращаться по вопросу «освещение»?",
                            "kk": "«освещение» мәселесі бойынша қайда жүгінуге болады?"}},
                {"question": "«Жарық» мәселесі бойынша қайда жүгінуге болады?", "count": 5, "topic": topic,
                 "group": "g4", "drafted": True, "label": "Жарық", "language": "kk",
                 "drafts": {"ru": "Куда обращаться по вопросу «Жарық»?",
                            "kk": "«Жарық» мәселесі бойынша қайда жүгінуге болады?"}}],
    }


@pytest.mark.parametrize("lang", LANGS)
def test_groups_and_faq_are_named_in_the_documents_language(lang):
    a = _analysis()
    topic = a["by_topic"][0]["topic"]
    names = {t["topic"]: t["names"][lang] for t in a["by_topic"]}
    groups = content_groups(content_of(_content(topic)), [topic], lang=lang, names=names)
    for g in groups:
        assert language_of(g.label) in (None, lang), g
        assert not g.example or language_of(g.example) in (None, lang)
    assert names[topic] in [g.label for g in groups]  # the foreign group is named by its topic
    faq = [q for q, _ in faq_items(content_of(_content(topic)), lang, names)]
    assert faq and all(language_of(q) in (None, lang) for q in faq)
    other = "kk" if lang == "ru" else "ru"
    # A drafted entry is given in its draft for this language unless its label is in the other one.
    if lang == "ru":
        assert "Когда отремонтируют дорогу во дворе?" in faq and "Куда обращаться по вопросу «освещение»?" in faq
        assert not any("Жарық" in q for q in faq)  # its label is Kazakh: drafted from the topic instead
    else:
        assert "«Жарық» мәселесі бойынша қайда жүгінуге болады?" in faq
        assert not any("освещение" in q or "отремонтируют" in q for q in faq)
        assert f"«{names[topic]}» мәселесі бойынша қайда жүгінуге болады?" in faq
    text = " ".join(p.text for s in draft(typed(a), lang, None, content_of(_content(topic))) for p in s.paragraphs)
    assert ("ямы во дворах" in text) is (lang == "ru") and ("жол жөндеу" in text) is (lang == "kk"), other


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_are_kept_per_language_and_the_other_language_is_listed(lang):
    a = _analysis()
    flagged = [t for t in a["by_topic"] if t["flag_over_30"] or t["new"]]
    other = "kk" if lang == "ru" else "ru"
    written = {"ru": "Сбой портала в июле.", "kk": "Шілдеде порталда ақау болды."}
    texts = {f"reason:{flagged[0]['topic']}@{other}": written[other]}
    items = {i.code: i for i in checklist(typed(a), {}, texts, lang)}
    # Typed only in the other language: said so, not called missing, and not printed here.
    assert f"reason:{flagged[0]['topic']}" in items["text_other_language"].values
    assert flagged[0]["names"][lang] not in items["reason_missing"].values
    body = " ".join(p.text for s in draft(typed(a), lang, texts) for p in s.paragraphs).replace(NBSP, " ")
    assert written[other] not in body
    # A reason under the plain key, typed in the other language (the app before reasons had languages):
    texts = {f"reason:{flagged[0]['topic']}": written[other]}
    body = " ".join(p.text for s in draft(typed(a), lang, texts) for p in s.paragraphs)
    assert written[other] not in body
    assert f"reason:{flagged[0]['topic']}" in {i.code: i for i in checklist(typed(a), {}, texts, lang)}[
        "text_other_language"].values
    # Both written: each справка prints its own, nothing is listed.
    texts = {f"reason:{flagged[0]['topic']}@{code}": written[code] for code in LANGS}
    body = " ".join(p.text for s in draft(typed(a), lang, texts) for p in s.paragraphs)
    assert written[lang] in body and written[other] not in body
    assert "text_other_language" not in {i.code for i in checklist(typed(a), {}, texts, lang)}


def test_a_text_for_both_languages_is_printed_only_in_its_own():
    from kcdesk.core.report.wording import own_text

    texts = {"conclusions": "Выводы по-русски.", "para:basis@kk": "Негіз туралы өз мәтінім.",
             "para:growth": "2 114"}
    assert own_text(texts, "conclusions", "ru") == "Выводы по-русски."
    assert own_text(texts, "conclusions", "kk") is None  # typed in Russian for both: not in the Kazakh one
    assert own_text(texts, "para:basis", "kk") == "Негіз туралы өз мәтінім." and own_text(texts, "para:basis", "ru") is None
    assert own_text(texts, "para:growth", "kk") == "2 114" == own_text(texts, "para:growth", "ru")  # no language
    a = typed(_analysis())
    kk = {p.key: p.text for s in draft(a, "kk", texts) for p in s.paragraphs}
    assert kk["basis"] == "Негіз туралы өз мәтінім." and "Выводы по-русски." not in " ".join(kk.values())
    assert {i.code: i for i in checklist(a, {}, texts, "kk")}["text_other_language"].values == ["conclusions"]
