"""The demo project: realistic exports generated from a seed and sent through the real import path."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kcdesk.core.demo.exports import write_quarter
from kcdesk.core.demo.generate import QUARTERS, generate_requests
from kcdesk.core.demo.topics import RU_VARIANTS, TOPICS
from kcdesk.core.errors import KcError
from kcdesk.core.normalise.text import fold_topic
from kcdesk.core.tasks import NullProgress, Progress, check

if TYPE_CHECKING:
    from kcdesk.core.store.project import Project

__all__ = ["DEMO_SEED", "DEMO_SETTINGS", "QUARTERS", "build_demo_project", "generate_requests"]

DEMO_SEED = 2026
# The 1414 line takes every kind of question from all 20 regions, so a national body fits the data.
DEMO_SETTINGS: dict[str, str] = {
    "body_name_kk": "Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
    "body_name_ru": "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан",
    "contact_centre_name_kk": "Бірыңғай байланыс орталығы 1414",
    "contact_centre_name_ru": "Единый контакт-центр 1414",
    "contact_centre_phone": "1414",
    "signatory": "Е. Сапаров",
    "signatory_position_kk": "Вице-министр",
    "signatory_position_ru": "Вице-министр",
    "executor": "А. Нұрланова",
    "executor_phone": "8 (7172) 74-14-14",
}


def build_demo_project(path: Path, seed: int = DEMO_SEED, progress: Progress | None = None,
                       quarters: int = len(QUARTERS)) -> Path:
    """Write the demo project to path (which must not exist yet); returns path.

    quarters: how many of the eight demo quarters (the latest ones, ending at 2026-Q3) to import.

    The exports are written to a temporary folder and imported with the importer, so the demo
    shows exactly what a user's own files would give. The project appears at path only when
    complete.
    """
    # Imported here: generating the tables (benchmarks, tests) needs no store.
    from kcdesk.core.importing import import_files
    from kcdesk.core.store.project import Project

    path = Path(path)
    if path.exists():
        raise KcError("demo_exists", file=str(path))
    if not 1 <= quarters <= len(QUARTERS):
        raise KcError("demo_quarters", value=quarters, count=len(QUARTERS))
    progress = progress or NullProgress()
    requests = generate_requests(seed)
    rng = np.random.default_rng(seed + 1)
    chosen = QUARTERS[len(QUARTERS) - quarters:]
    steps = len(chosen) + 4
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kcdesk-demo-") as scratch:
        folder = Path(scratch)
        building = folder / "demo.kcdesk"
        by_source: dict[str, list[Path]] = {}
        for step, quarter in enumerate(chosen):
            check(progress)
            progress.report(step, steps, "demo_write")
            exports = folder / str(quarter)
            exports.mkdir()
            for file, source in write_quarter(requests, quarter, exports, QUARTERS.index(quarter), rng):
                by_source.setdefault(source, []).append(file)
        # One import per source (as an officer would do it), the call centre first: the e-Otinish
        # copies of its requests are then the duplicates.
        for step, (source, files) in enumerate(by_source.items()):
            check(progress)
            progress.report(len(chosen) + step, steps, "demo_import")
            import_files(building, files, source=source, progress=None)
        with Project.open(building) as project:
            _tidy_catalogue(project)
            for key, value in DEMO_SETTINGS.items():
                project.set_setting(key, value)
            # The latest quarter's content analysis is kept, so the demo's справка quotes it.
            from kcdesk.core.analyse.content import run_content
            from kcdesk.core.usecases.content import decide_faq

            latest = project.quarters()[-1]
            result = run_content(project, latest)
            project.save_content(latest, result)
            # The demo officer has gone through the FAQ list: its real questions accepted (the справка
            # quotes only accepted entries), the drafted ones left for the user to try.
            for entry in result.get("faq") or []:
                if not entry.get("drafted"):
                    decide_faq(project, latest, str(entry["group"]), "accepted")
        _compact(building)
        progress.report(steps, steps, "demo_done")
        _copy(building, path)
    return path


def _tidy_catalogue(project: Project) -> None:
    """Merge each topic's Kazakh and variant spellings into its Russian name and give both names."""
    topics = project.catalogue.topics()
    folded = topics["name"].map(fold_topic)
    for topic in TOPICS:
        spellings = {fold_topic(s) for s in (topic.ru, topic.kk, *RU_VARIANTS.get(topic.key, ()))}
        ids = topics.loc[folded.isin(spellings), "id"].astype(int).tolist()
        if not ids:
            continue
        preferred = topics.loc[folded == fold_topic(topic.ru), "id"].astype(int).tolist()
        target = preferred[0] if preferred else ids[0]
        project.catalogue.merge_topics([i for i in ids if i != target], target)
        project.catalogue.rename_topic(target, name=topic.ru, name_kk=topic.kk, name_ru=topic.ru)


def _compact(path: Path) -> None:
    """The bundled file stays small and keeps no freed pages."""
    from kcdesk.core.store.project import Project

    with Project.open(path) as project:
        project.compact()


def _copy(source: Path, target: Path) -> None:
    """Copy to a temporary name beside the target, then rename: never a half-written project."""
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
