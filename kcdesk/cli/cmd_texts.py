"""`kcdesk texts PROJECT`: set, load or dump the officer's texts (per quarter) and the справка's settings.

  kcdesk texts P --quarter 2026-Q3 --set "reason:Жилищные вопросы=Изменились правила очереди"
  kcdesk texts P --quarter 2026-Q3 --set "para:intro@ru=Свой абзац." --unset conclusions
  kcdesk texts P --setting signatory="А. Б. Сериков" --setting contact_centre_phone=1414
  kcdesk texts P --quarter 2026-Q3 --load texts.json     # {"texts": {...}, "settings": {...}}
  kcdesk texts P --quarter 2026-Q3 --dump > texts.json
  kcdesk texts P --quarter 2026-Q3 --keys                # the paragraph keys para:<key> can replace

In --set values, "\\n" starts a new line. The keys are documented in kcdesk/core/report/texts.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kcdesk.core.errors import KcError
from kcdesk.core.model import needs_attention


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "texts", help="set or show the officer's texts and the справка settings",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--quarter", help="the quarter the texts belong to, e.g. 2026-Q3")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="set_texts")
    parser.add_argument("--unset", action="append", default=[], metavar="KEY")
    parser.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                        help="a project-wide setting (empty VALUE removes it)")
    parser.add_argument("--load", type=Path, metavar="FILE.json")
    parser.add_argument("--dump", action="store_true", help="print the texts and settings as JSON")
    parser.add_argument("--keys", action="store_true", help="list the keys the справка reads for the quarter")
    parser.set_defaults(run=run)


def _pair(value: str) -> tuple[str, str]:
    key, sep, text = value.partition("=")
    if not sep or not key.strip():
        raise KcError("bad_text_option", value=value)
    return key.strip(), text.replace("\\n", "\n")


def _check_text_key(key: str) -> str:
    from kcdesk.core.report.texts import is_text_key

    if not is_text_key(key):
        raise KcError("unknown_text_key", value=key)
    return key


def _check_setting(key: str) -> str:
    from kcdesk.core.report.texts import SETTING_KEYS

    if key not in SETTING_KEYS:
        raise KcError("unknown_setting", value=key, reason=", ".join(SETTING_KEYS))
    return key


def _load(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KcError("file_missing", file=str(path)) from None
    except (OSError, ValueError) as error:
        raise KcError("bad_content_file", file=str(path), reason=type(error).__name__) from None
    if not isinstance(data, dict):
        raise KcError("bad_content_file", file=str(path), reason="not a JSON object")
    if "texts" in data or "settings" in data:
        return dict(data.get("texts") or {}), dict(data.get("settings") or {})
    return dict(data), {}


def run(args: argparse.Namespace) -> int:
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.report.texts import SETTING_KEYS
    from kcdesk.core.store.project import Project

    quarter = Quarter.parse(args.quarter) if args.quarter else None
    texts: dict[str, str | None] = {}
    settings: dict[str, str | None] = {}
    if args.load:
        loaded_texts, loaded_settings = _load(args.load)
        texts.update({_check_text_key(k): (None if v is None else str(v)) for k, v in loaded_texts.items()})
        settings.update({_check_setting(k): v for k, v in loaded_settings.items()})
    for value in args.set_texts:
        key, text = _pair(value)
        texts[_check_text_key(key)] = text
    for key in args.unset:
        texts[_check_text_key(key)] = None
    for value in args.setting:
        key, text = _pair(value)
        settings[_check_setting(key)] = text or None
    if (texts or args.dump or args.keys) and quarter is None:
        raise KcError("quarter_required")
    with Project.open(args.project) as project:
        for key, value in settings.items():
            project.set_setting(key, value)
        for key, value in texts.items():
            project.set_text(quarter, key, value)
        if args.dump:
            stored = project.settings()
            print(json.dumps({"quarter": str(quarter),
                              "settings": {k: stored[k] for k in SETTING_KEYS if stored.get(k) is not None},
                              "texts": project.texts(quarter)}, ensure_ascii=False, indent=2))
        if args.keys:
            from kcdesk.core.analyse.analysis import analyse
            from kcdesk.core.report.wording import paragraph_keys

            analysis = analyse(project, quarter)
            for key in paragraph_keys(analysis):
                print(f"para:{key}")
            for item in analysis.get("by_topic", []):
                if needs_attention(item) or (not item.get("count") and item.get("previous")):
                    print(f"reason:{item['topic']}")
            for item in analysis.get("by_topic", []):
                if item.get("flag_over_30"):
                    print(f"workplan:{item['topic']}")
            print("reason:total\nconclusions\nproposals\npublish")
    if texts or settings:
        print(f"{len(texts)} text(s), {len(settings)} setting(s) saved")
    return 0
