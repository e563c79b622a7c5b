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
import sys
from pathlib import Path

from kcdesk.core.errors import KcError


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


MAX_LOAD_BYTES = 5_000_000  # far more than every text of a quarter


def decode_json_bytes(raw: bytes) -> str:
    """UTF-8 with or without a BOM, or UTF-16 with a BOM (PowerShell 5's `>` and Out-File) or without
    one (then every other byte of ASCII JSON is NUL)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if len(raw) >= 2 and raw[1:2] == b"\x00" and raw[0:1] != b"\x00":
        return raw.decode("utf-16-le")
    if len(raw) >= 2 and raw[0:1] == b"\x00" and raw[1:2] != b"\x00":
        return raw.decode("utf-16-be")
    return raw.decode("utf-8")


def _load(path: Path) -> tuple[dict[str, object], dict[str, object]]:
    try:
        if path.stat().st_size > MAX_LOAD_BYTES:
            raise KcError("bad_content_file", file=str(path), reason=f"larger than {MAX_LOAD_BYTES // 1_000_000} MB")
        data = json.loads(decode_json_bytes(path.read_bytes()))
    except FileNotFoundError:
        raise KcError("file_missing", file=str(path)) from None
    except RecursionError:
        raise KcError("bad_content_file", file=str(path), reason="nested too deeply") from None
    except (OSError, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise KcError("bad_content_file", file=str(path), reason=type(error).__name__) from None
    if not isinstance(data, dict):
        raise KcError("bad_content_file", file=str(path), reason="not a JSON object")
    if "texts" in data or "settings" in data:
        extra = sorted(set(data) - {"texts", "settings", "quarter"})
        if extra:
            raise KcError("unknown_text_key", value=", ".join(extra[:5]))
        texts, settings = data.get("texts") or {}, data.get("settings") or {}
        if not isinstance(texts, dict) or not isinstance(settings, dict):
            raise KcError("bad_content_file", file=str(path), reason="texts and settings must be JSON objects")
        return dict(texts), dict(settings)
    return dict(data), {}


def _check_paragraph_keys(project: object, quarter: object, keys: list[str]) -> None:
    """`para:<key>` must name a paragraph the draft of that quarter has (else it would be ignored)."""
    wanted = [k for k in keys if k.startswith("para:")]
    if not wanted:
        return
    from kcdesk.core.report.wording import paragraph_keys
    from kcdesk.core.usecases.analysis import analyse_quarter

    known = set(paragraph_keys(analyse_quarter(project, quarter)))  # type: ignore[arg-type]
    unknown = [k for k in wanted if k[len("para:"):].rsplit("@", 1)[0] not in known]
    if unknown:
        raise KcError("unknown_paragraph", value=", ".join(unknown[:5]), field=str(quarter))


def _print_json_utf8(data: object) -> None:
    """JSON as UTF-8 bytes whatever the console's code page (cp1251, cp866): `--dump > f.json` on
    Windows writes every Kazakh letter, and `--load` reads the file back."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes (an IDE console): ASCII escapes survive any encoding
        print(json.dumps(data, ensure_ascii=True, indent=2))
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def run(args: argparse.Namespace) -> int:
    from kcdesk.core.quarters import Quarter
    from kcdesk.core.report.texts import SETTING_KEYS
    from kcdesk.core.store.project import Project

    quarter = Quarter.parse(args.quarter) if args.quarter else None
    texts: dict[str, str | None] = {}
    settings: dict[str, str | None] = {}
    if args.load:
        loaded_texts, loaded_settings = _load(args.load)
        texts.update({_check_text_key(str(k)): v for k, v in loaded_texts.items()})  # type: ignore[misc]
        settings.update({_check_setting(str(k)): v for k, v in loaded_settings.items()})  # type: ignore[misc]
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
    from kcdesk.core.report.texts import clean_setting, clean_value

    for key, value in settings.items():  # every value checked before anything is saved
        clean_setting(key, value)
    for key, value in texts.items():
        clean_value(key, value)
    with Project.open(args.project) as project:
        _check_paragraph_keys(project, quarter, list(texts))
        for key, value in settings.items():
            project.set_setting(key, value)
        for key, value in texts.items():
            project.set_text(quarter, key, value)
        if args.dump:
            stored = project.settings()
            _print_json_utf8({"quarter": str(quarter),
                              "settings": {k: stored[k] for k in SETTING_KEYS if stored.get(k) is not None},
                              "texts": project.texts(quarter)})
        if args.keys:
            from kcdesk.core.report.wording import paragraph_keys
            from kcdesk.core.usecases.analysis import analyse_quarter

            analysis = analyse_quarter(project, quarter)
            print("# add @kk or @ru to a key to keep its text for that language's справка only "
                  "(a text typed in the other language is listed by `kcdesk report`, never printed)")
            for key in paragraph_keys(analysis):
                print(f"para:{key}")
            for item in analysis.by_topic:
                if item.needs_attention or (not item.count and item.previous):
                    print(f"reason:{item.topic}")
            for item in analysis.flagged:
                print(f"workplan:{item.topic}")
            print("reason:total\nconclusions\nproposals\npublish")
    if texts or settings:
        print(f"{len(texts)} text(s), {len(settings)} setting(s) saved")
    return 0
