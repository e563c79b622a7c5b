"""Generate the default справка templates resources/templates/spravka_{kk,ru}.docx (docxtpl placeholders).

Run: .venv/bin/python build_scripts/make_templates.py [--out resources/templates]
The placeholders are documented in resources/templates/README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kcdesk.core.report.docx_page import page_field

ROOT = Path(__file__).resolve().parents[1]
FONT = "Times New Roman"

HEADINGS = {
    "ru": {
        "stat": "1. Статистическая часть",
        "analytical": "2. Аналитическая часть",
        "conclusions": "3. Выводы и предложения",
        "publish": "4. Перечень вопросов для размещения в средствах массовой информации, на официальных "
                   "аккаунтах, в разделе «Часто задаваемые вопросы» и в базе знаний ИАС «Электронные обращения»",
        "charts": "5. Диаграммы",
    },
    "kk": {
        "stat": "1. Статистикалық бөлім",
        "analytical": "2. Талдамалық бөлім",
        "conclusions": "3. Тұжырымдар мен ұсыныстар",
        "publish": "4. Бұқаралық ақпарат құралдарында, ресми аккаунттарда, «Жиі қойылатын сұрақтар» бөлімінде "
                   "және «Электрондық өтініштер» АТЖ білім базасында орналастыруға арналған мәселелер тізбесі",
        "charts": "5. Диаграммалар",
    },
}


def _fonts(style, size: float, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _paragraph_style(doc, name: str, size: float, align, bold=False, indent_mm=0.0, before=0, after=0):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles["Normal"]
    _fonts(style, size, bold)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Mm(indent_mm) if indent_mm else Mm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    return style


def make(lang: str, out: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    J, C, L, R = (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER,
                  WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "Normal", 14, J, indent_mm=12.5)
    _paragraph_style(doc, "KcTitle", 14, C, bold=True)
    _paragraph_style(doc, "KcSubtitle", 14, C, after=12)
    _paragraph_style(doc, "KcHeading", 14, J, bold=True, indent_mm=12.5, before=12, after=6)
    _paragraph_style(doc, "KcSubheading", 14, J, bold=True, indent_mm=12.5, before=6, after=3)
    _paragraph_style(doc, "KcFormTitle", 14, C, bold=True, before=6, after=6)
    _paragraph_style(doc, "KcRight", 12, R)
    _paragraph_style(doc, "KcSignature", 14, L, before=18)
    _paragraph_style(doc, "KcSignatureCaption", 11, L)
    _paragraph_style(doc, "KcCaption", 12, C, after=6)
    _paragraph_style(doc, "KcHeader", 10, C)
    _paragraph_style(doc, "KcTableText", 11, L)

    header = section.header.paragraphs[0]
    header.text = "{{ body_name }}"
    header.style = doc.styles["KcHeader"]
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["KcHeader"]
    page_field(footer, shown="1", size=None)

    h = HEADINGS[lang]
    body = [
        ("KcTitle", "{{ body_name }}"),
        ("KcTitle", "{{ title }}"),
        ("KcSubtitle", "{{ subtitle }}"),
        ("KcHeading", h["stat"]),
        ("KcRight", "{{ form_label }}"),
        ("KcFormTitle", "{{ appendix_title }}"),
        ("KcTableText", "{{ appendix_table }}"),
        ("KcSignature", "{{ signature_line }}"),
        ("KcSignatureCaption", "{{ signature_caption }}"),
        ("KcHeading", h["analytical"]),
        ("Normal", "{%p for s in analytical %}"),
        ("KcSubheading", "{{ s.title }}"),
        ("Normal", "{%p for p in s.paragraphs %}"),
        ("Normal", "{{ p.text }}"),
        ("Normal", "{%p endfor %}"),
        ("Normal", "{%p endfor %}"),
        ("KcHeading", h["conclusions"]),
        ("Normal", "{%p for p in conclusions %}"),
        ("Normal", "{{ p.text }}"),
        ("Normal", "{%p endfor %}"),
        ("KcHeading", h["publish"]),
        ("Normal", "{%p for p in publish %}"),
        ("Normal", "{{ p.text }}"),
        ("Normal", "{%p endfor %}"),
        ("Normal", "{%p if charts %}"),
        ("KcHeading", h["charts"]),
        ("Normal", "{%p endif %}"),
        ("Normal", "{%p for c in charts %}"),
        ("KcCaption", "{{ c.image }}"),
        ("KcCaption", "{{ c.caption }}"),
        ("Normal", "{%p endfor %}"),
    ]
    first = doc.paragraphs[0] if doc.paragraphs else None
    for style, text in body:
        paragraph = doc.add_paragraph(text, style=doc.styles[style])
        _ = paragraph
    if first is not None and not first.text:
        first._element.getparent().remove(first._element)
    doc.core_properties.title = "kcdesk справка"
    doc.core_properties.author = "kcdesk"
    doc.core_properties.language = {"ru": "ru-RU", "kk": "kk-KZ"}[lang]
    path = out / f"spravka_{lang}.docx"
    out.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "templates")
    args = parser.parse_args(argv)
    for lang in ("kk", "ru"):
        print(make(lang, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
