"""The справка's page, applied after the template is filled (so a user's template gets it too):
the document's language, headings kept with the next paragraph, the signature kept with the Appendix
table, page numbers at the top centre from page 2, the executor's line, non-breaking spaces."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

LANG_TAGS = {"ru": "ru-RU", "kk": "kk-KZ"}
# Styles that head what follows them: never alone at the bottom of a page.
KEEP_WITH_NEXT_STYLES = ("KcTitle", "KcSubtitle", "KcHeading", "KcSubheading", "KcRight", "KcFormTitle",
                         "KcSignature", "Heading 1", "Heading 2", "Heading 3", "Title")
_NBSP_PCT = re.compile(r"(\d) (%)")
_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})(?: (\d{3}))+(?![\d])")


def set_language(doc: Any, lang: str) -> None:
    """kk-KZ / ru-RU in the default run properties and every style (Word checks spelling by these)."""
    tag = LANG_TAGS[lang]
    doc.core_properties.language = tag
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    containers = [rpr] + [style.get_or_add_rPr() for style in styles.findall(qn("w:style"))
                          if style.get(qn("w:type")) in ("paragraph", "character", "table")]
    for container in containers:
        _set_lang(container, tag)
    for run in doc.element.body.iter(qn("w:r")):
        rpr_run = run.find(qn("w:rPr"))
        if rpr_run is not None and rpr_run.find(qn("w:lang")) is not None:
            _set_lang(rpr_run, tag)


def _set_lang(rpr: Any, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)


def keep_headings(doc: Any) -> None:
    for name in KEEP_WITH_NEXT_STYLES:
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.paragraph_format.keep_with_next = True
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name in KEEP_WITH_NEXT_STYLES:
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.widow_control = True
        else:
            paragraph.paragraph_format.widow_control = True


def keep_signature_with_table(doc: Any) -> None:
    """The last rows of the Appendix table keep with the signature after it: the signature never
    starts a page on its own."""
    for table in doc.tables:
        following = table._tbl.getnext()
        if following is None or following.tag != qn("w:p"):
            continue
        style = following.find(qn("w:pPr"))
        text = "".join(t.text or "" for t in following.iter(qn("w:t")))
        if "_" not in text and (style is None or "Signature" not in (style.xml or "")):
            continue
        for row in table.rows[-2:]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def number_pages(doc: Any) -> None:
    """The page number at the top centre, from page 2 (the first page has none)."""
    for section in doc.sections:
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        for paragraph in header.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        first = header.paragraphs[0]
        for run in list(first.runs):
            run._r.getparent().remove(run._r)
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page_field(first)
        for paragraph in section.footer.paragraphs:  # the number moves from the footer to the header
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
        section.first_page_header.paragraphs[0].text = ""


def page_field(paragraph: Any, shown: str = "2", size: float | None = 12) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number (`shown` until they do). Also used by
    build_scripts/make_templates.py for the templates' own footer."""
    run = paragraph.add_run()
    if size is not None:
        run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, shown), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif (text or "").strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def nbsp(text: str) -> str:
    """A non-breaking space before "%" and inside thousands ("13 514"), whatever typed them."""
    text = _NBSP_PCT.sub("\\1\u00a0\\2", text)
    return _THOUSANDS.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


def fix_spaces(doc: Any) -> None:
    for t in doc.element.body.iter(qn("w:t")):
        if t.text and (" %" in t.text or re.search(r"\d \d{3}", t.text)):
            t.text = nbsp(t.text)


def add_executor(doc: Any, line: str) -> None:
    """The "Исп./Орынд." line after the text, before the charts (in a template without its own
    {{ executor_line }} paragraph)."""
    if not line or any(line in p.text for p in doc.paragraphs):
        return
    anchor = None
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "KcHeading":
            anchor = paragraph  # the last heading before the charts: charts, else the publish list
    body = doc.paragraphs
    target = None
    if anchor is not None and any(p.style is not None and p.style.name == "KcCaption" for p in body):
        target = anchor
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(line)
    run.font.size = Pt(10)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.space_before = Pt(18)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if target is not None:
        target._p.addprevious(paragraph._p)


def charts_together(doc: Any) -> None:
    """Charts start on a page of their own; each image stays with its caption."""
    captions = [p for p in doc.paragraphs if p.style is not None and p.style.name == "KcCaption"]
    if not captions:
        return
    first = captions[0]._p
    previous = first.getprevious()
    while previous is not None and previous.tag == qn("w:p"):
        text = "".join(t.text or "" for t in previous.iter(qn("w:t"))).strip()
        if text:
            from docx.text.paragraph import Paragraph

            Paragraph(previous, captions[0]._parent).paragraph_format.page_break_before = True
            break
        previous = previous.getprevious()
    for paragraph in captions:
        if paragraph._p.findall(".//" + qn("w:drawing")):
            paragraph.paragraph_format.keep_with_next = True


def finish_page(doc: Any, lang: str, executor: str, page_numbers: bool = True) -> None:
    set_language(doc, lang)
    keep_headings(doc)
    keep_signature_with_table(doc)
    if page_numbers:
        number_pages(doc)
    add_executor(doc, executor)
    charts_together(doc)
    fix_spaces(doc)
