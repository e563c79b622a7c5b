"""`kcdesk values` and `kcdesk topics`: fix unresolved values once, edit the topic catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kcdesk.core.errors import KcError
from kcdesk.core.store.catalogue import MAPPABLE
from kcdesk.core.store.project import Project


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    values = subparsers.add_parser(
        "values", help="list values that could not be resolved, and say once what one means")
    values.add_argument("project", type=Path)
    values.add_argument("--set", action="append", default=[], metavar='"field:raw value=code"',
                        help="e.g. \"region:Южный Казахстан=turkistan\" (remembered for later imports)")
    values.set_defaults(run=run_values)

    topics = subparsers.add_parser("topics", help="list, rename, translate or merge topics")
    topics.add_argument("project", type=Path)
    topics.add_argument("--rename", action="append", default=[], metavar="ID=NAME")
    topics.add_argument("--kk", action="append", default=[], metavar="ID=NAME", help="Kazakh name")
    topics.add_argument("--ru", action="append", default=[], metavar="ID=NAME", help="Russian name")
    topics.add_argument("--merge", action="append", default=[], metavar="ID,ID=TARGET_ID",
                        help="merge synonyms into one topic")
    topics.set_defaults(run=run_topics)


def _pair(text: str, option: str) -> tuple[str, str]:
    left, sep, right = text.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise KcError("bad_option", value=text, field=option)
    return left.strip(), right.strip()


def _topic_id(text: str, option: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise KcError("bad_option", value=text, field=option) from None


def run_values(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        for item in args.set:
            left, code = _pair(item, "--set")
            field, sep, raw = left.partition(":")
            if not sep or field not in MAPPABLE:
                raise KcError("unknown_field", value=item, field=field)
            changed = project.catalogue.add_value_mapping(field, raw, code)
            print(f"{field} '{raw}' → {code}: {changed} stored requests changed")
        table = project.catalogue.unresolved()
    if table.empty:
        print("no unresolved values")
    for row in table.itertuples(index=False):
        print(f"{row.field}\t{row.value}\t{row.count} requests\t(e.g. {row.file}, sheet {row.sheet or '-'}, row {row.row})")
    return 0


def run_topics(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        for item in args.merge:
            sources, target = _pair(item, "--merge")
            ids = [_topic_id(s, "--merge") for s in sources.split(",")]
            project.catalogue.merge_topics(ids, _topic_id(target, "--merge"))
        for option, key in ((args.rename, "name"), (args.kk, "name_kk"), (args.ru, "name_ru")):
            for item in option:
                topic, name = _pair(item, f"--{key}")
                project.catalogue.rename_topic(_topic_id(topic, f"--{key}"), **{key: name})
        table = project.catalogue.topics()
    untranslated = 0
    for row in table.itertuples(index=False):
        names = " / ".join(n for n in (row.name_kk, row.name_ru) if n)
        missing = topic_languages_missing(row.name, row.name_kk, row.name_ru)
        untranslated += bool(missing)
        mark = "".join(f"\tno {'Kazakh' if lang == 'kk' else 'Russian'} name (--{lang} {row.id}=...)"
                       for lang in missing)
        print(f"{row.id}\t{row.requests}\t{row.name}" + (f"\t({names})" if names else "") + mark)
    if untranslated:
        print(f"{untranslated} topics have no name in one language: the справка in that language would "
              "print them as they are; give them one with --kk ID=NAME / --ru ID=NAME", file=sys.stderr)
    return 0


def topic_languages_missing(name: str, name_kk: str | None, name_ru: str | None) -> list[str]:
    """The справка languages a topic has no name in (neither typed, nor in the dictionary, nor written
    in that language already)."""
    from kcdesk.core.normalise.topics_dictionary import is_in, translate

    missing = []
    for lang, own in (("kk", name_kk), ("ru", name_ru)):
        shown = own or translate(name, lang) or name
        if not is_in(shown, lang):
            missing.append(lang)
    return missing
