"""The справка as .docx: a docxtpl template filled with the heading, the Appendix table, the prose and charts."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcdesk.core.errors import KcError
from kcdesk.core.model import Analysis, ContentResult
from kcdesk.core.quarters import Quarter
from kcdesk.core.report import labels
from kcdesk.core.report.appendix import FORM, appendix_table
from kcdesk.core.report.atomic import write_atomic
from kcdesk.core.report.numerals import kk_quarter_in, ru_quarter_in
from kcdesk.core.report.sandbox import TemplateRefused, TemplateSandbox, find_tag
from kcdesk.core.report.texts import setting
from kcdesk.core.report.wording import Paragraph, Section, draft
from kcdesk.core.resources import resource

log = logging.getLogger("kcdesk.report")

TABLE_MARKER = "[[kcdesk:appendix_table]]"
TOP10_MARKER = "[[kcdesk:top10_regions]]"
# "— 42 запроса" → "— 42" in the table, whose header names the unit once.
_COUNT_NOUN = re.compile("\u00a0(?:запрос(?:а|ов)?|сұрау салу)(?=;|$)")
CHART_WIDTH_MM = 150  # ~95 mm high for the report's charts: two to a page with their captions


@dataclass
class ReportInput:
    """Everything the справка is made from; the doors gather it (the core never renders charts)."""

    analysis: Analysis
    settings: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    content: ContentResult | None = None  # with the officer's group names and dismissals applied
    charts: dict[str, Path] = field(default_factory=dict)  # key -> PNG; known keys in labels.CHART_ORDER
    # field ("channel", "region") -> the imported exports (file names) that have no such column
    sources_without: dict[str, list[str]] = field(default_factory=dict)


def default_template(lang: str) -> Path:
    return resource("templates", f"spravka_{lang}.docx")


def titles(quarter: Quarter, lang: str) -> tuple[str, str]:
    if lang == "ru":
        return ("СПРАВКА", "по результатам анализа запросов граждан, поступивших в контакт-центр "
                           f"{ru_quarter_in(quarter.number, quarter.year)}")
    return ("АНЫҚТАМА", f"{kk_quarter_in(quarter.number, quarter.year)} байланыс орталығына келіп түскен "
                        "азаматтардың сұрау салуларын талдау нәтижелері бойынша")


def figure_label(number: int, lang: str) -> str:
    """"Рисунок 1" / "1-сурет", as figures are numbered in official documents."""
    return f"Рисунок {number}" if lang == "ru" else f"{number}-сурет"


def _chart_list(charts: dict[str, Path], lang: str, basis: str = "previous") -> list[tuple[str, Path, str]]:
    known = [k for k in labels.CHART_ORDER if k in charts]
    extra = sorted(k for k in charts if k not in labels.CHART_ORDER)
    out: list[tuple[str, Path, str]] = []
    for key in known + extra:
        path = Path(charts[key])
        if path.is_file():
            # The comparison chart compares with the quarter the +30 % rule used.
            named = "topics_compare_year" if key == "topics_compare" and basis == "year_ago" else key
            caption = labels.CHART_CAPTIONS[lang].get(named, "")
            number = figure_label(len(out) + 1, lang)
            out.append((key, path, f"{number} – {caption}" if caption else number))
    return out


CHART_MAX_HEIGHT_MM = 105  # two charts with their captions on an A4 page (257 mm of text height)
MAP_WIDTH_MM = 170  # the map across the text width: its labels (23 px of 1200) print at 9 pt
# (width, greatest height) of the charts printed otherwise: the map across the page, the comparison of
# every flagged topic alone on a page rather than shrunk below a legible size.
CHART_SIZES_MM: dict[str, tuple[int, int]] = {"map": (MAP_WIDTH_MM, 120), "topics_compare": (CHART_WIDTH_MM, 215)}


def _png_size(path: Path) -> tuple[int, int] | None:
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _image(tpl: Any, path: Path, key: str = "") -> Any:
    """A chart 150 mm wide, or less where that would make it taller than half a page (CHART_SIZES_MM
    for the map and the long charts)."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    width, tallest = CHART_SIZES_MM.get(key, (CHART_WIDTH_MM, CHART_MAX_HEIGHT_MM))
    size = _png_size(Path(path))
    if size and size[0] and width * size[1] / size[0] > tallest:
        return InlineImage(tpl, str(path), height=Mm(tallest))
    return InlineImage(tpl, str(path), width=Mm(width))


def executor_line(settings: dict[str, Any] | None, lang: str) -> str:
    """"Исп.: Иванова А. Б., тел. 8 (7172) 55-00-00" / "Орынд.: …" under the text ("" when unset)."""
    who, phone = setting(settings, "executor"), setting(settings, "executor_phone")
    if not who and not phone:
        return ""
    label = "Исп." if lang == "ru" else "Орынд."
    return f"{label}: " + ", ".join(p for p in (who, f"тел. {phone}" if phone else "") if p)


def _plain(sections: list[Section]) -> list[dict[str, Any]]:
    return [{"key": s.key, "title": s.title,
             "paragraphs": [{"key": p.key, "text": p.text} for p in s.paragraphs]} for s in sections]


def _regional_rows(sections: list[Section]) -> list[tuple[str, str]]:
    """The regional top 10 paragraphs ("Region: 1) …; 2) …") as (region, list) rows of one compact
    table; their paragraphs give way to a marker the builder replaces with the table."""
    rows: list[tuple[str, str]] = []
    for section in sections:
        kept: list[Paragraph] = []
        for paragraph in section.paragraphs:
            if paragraph.key.startswith("top10:"):
                region, _, rest = paragraph.text.partition(": ")
                rest = _COUNT_NOUN.sub("", rest.rstrip(".")) if rest else paragraph.text
                rows.append((region, rest))
                if not any(p.text == TOP10_MARKER for p in kept):
                    kept.append(type(paragraph)("top10_regions", TOP10_MARKER))
            else:
                kept.append(paragraph)
        section.paragraphs = kept
    return rows


def context(inp: ReportInput, lang: str) -> dict[str, Any]:
    """The template's variables except the images (see resources/templates/README.md)."""
    quarter = inp.analysis.quarter
    sections = draft(inp.analysis, lang, inp.texts, inp.content, inp.settings, inp.sources_without)
    regional = _regional_rows(sections)
    by_key = {s.key: s for s in sections}
    table = appendix_table(inp.analysis, inp.settings, lang)
    title, subtitle = titles(quarter, lang)
    return {
        "lang": lang,
        "quarter": str(quarter),
        "body_name": setting(inp.settings, "body_name", lang),
        "title": title,
        "subtitle": subtitle,
        "form_label": FORM[lang]["form"],
        "appendix_title": table.title,
        "appendix_table": TABLE_MARKER,
        "signature_line": table.signature_line,
        "signature_caption": table.signature_caption,
        "total": table.total,
        "analytical": _plain([s for s in sections if s.key.startswith("analytical") and s.paragraphs]),
        "executor_line": executor_line(inp.settings, lang),
        "conclusions": _plain([by_key["conclusions"]])[0]["paragraphs"],
        "publish": _plain([by_key["publish"]])[0]["paragraphs"],
        "_table": table,
        "_regional": regional,
    }


def check_template(template: Path) -> Path:
    """Check a template's body, headers and footers against the sandbox's rules without rendering it
    (the GUI asks when the officer picks one; build_report renders with the same rules)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    source = Path(template)
    if not source.is_file():
        raise KcError("template_missing", file=str(source))
    env = TemplateSandbox()
    try:
        tpl = DocxTemplate(str(source))
        tpl.render_init()
        parts = [tpl.patch_xml(tpl.get_xml())]
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            parts += [tpl.patch_xml(tpl.get_part_xml(part)) for _key, part in tpl.get_headers_footers(uri)]
        for xml in parts:  # one paragraph a line, as docxtpl renders it, so the message finds the tag
            env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))
    except TemplateRefused as refused:
        code = "template_too_large" if refused.rule == "too_large" else "template_refused"
        raise KcError(code, file=str(source), value=refused.tag, field=refused.name) from None
    except TemplateSyntaxError as error:
        tag = find_tag(env.source, error.lineno, "")
        raise KcError("bad_template", file=str(source), reason=f"syntax error in {tag}" if tag else
                      "syntax error") from None
    except Exception as error:  # noqa: BLE001 - not a .docx, damaged zip or XML
        raise KcError("bad_template", file=str(source), reason=type(error).__name__) from error
    if TABLE_MARKER not in "".join(parts) and "appendix_table" not in "".join(parts):
        raise KcError("bad_template", file=str(source), reason="no {{ appendix_table }} paragraph")
    return source


def build_report(inp: ReportInput, out: Path, lang: str, template: Path | None = None) -> Path:
    """Write the справка .docx to out (atomically) and return out."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    from kcdesk.core.report.docx_table import build_table, replace_paragraph_with_table

    labels.check_lang(lang)
    source = Path(template) if template else default_template(lang)
    if not source.is_file():
        raise KcError("template_missing", file=str(source))
    ctx = context(inp, lang)
    table_data = ctx.pop("_table")
    regional = ctx.pop("_regional")
    env = TemplateSandbox()
    try:
        tpl = DocxTemplate(str(source))
        ctx["charts"] = [{"key": key, "caption": caption, "image": _image(tpl, path, key)}
                         for key, path, caption in _chart_list(
                             inp.charts, lang, inp.analysis.comparison.basis)]
        tpl.render(ctx, jinja_env=env, autoescape=True)
    except KcError:
        raise
    except TemplateRefused as refused:  # a template is data: nothing of it runs, nothing is written
        log.info("template refused: %s", refused.rule)
        code = "template_too_large" if refused.rule == "too_large" else "template_refused"
        raise KcError(code, file=str(source), value=refused.tag, field=refused.name) from None
    except TemplateSyntaxError as error:
        tag = find_tag(env.source, error.lineno, "")
        raise KcError("bad_template", file=str(source), reason=f"syntax error in {tag}" if tag else
                      "syntax error") from None
    except RecursionError:
        raise KcError("bad_template", file=str(source), reason="nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - a broken user template: jinja, zip or XML errors
        raise KcError("bad_template", file=str(source), reason=type(error).__name__) from error
    doc = tpl.docx
    marker = next((p for p in doc.paragraphs if TABLE_MARKER in p.text), None)
    if marker is None:
        raise KcError("bad_template", file=str(source), reason="no {{ appendix_table }} paragraph")
    replace_paragraph_with_table(marker, build_table(doc, table_data))
    top10 = next((p for p in doc.paragraphs if TOP10_MARKER in p.text), None)
    if top10 is not None:
        from kcdesk.core.report.docx_table import build_two_column_table

        heads = ("Регион", "Наиболее интересующие вопросы (количество запросов)") if lang == "ru" else (
            "Өңір", "Барынша қызықтыратын мәселелер (сұрау салулар саны)")
        replace_paragraph_with_table(top10, build_two_column_table(doc, heads, regional))

    log.info("справка %s %s: %d topics, %d regions", lang, ctx["quarter"], len(table_data.topics),
             len(table_data.regions))
    numbers = str(inp.settings.get("page_numbers", True)).lower() not in ("false", "0", "no", "off")

    def save(temp: Path) -> None:
        # The page is finished on the saved file: docxtpl keeps its own header parts until it saves.
        from docx import Document

        from kcdesk.core.report.docx_page import finish_page

        doc.save(str(temp))
        final = Document(str(temp))
        finish_page(final, lang, ctx.get("executor_line") or "", page_numbers=numbers)
        final.save(str(temp))

    return write_atomic(Path(out), save)
