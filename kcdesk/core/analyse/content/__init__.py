"""Content analysis of the question texts: topic suggestions, question groups, phrases, FAQ, duplicates."""

from kcdesk.core.analyse.content.analyse import DEFAULT_CATCH_ALL, SCHEMA, analyse_content
from kcdesk.core.analyse.content.normalise import normalise_texts
from kcdesk.core.analyse.content.project import accept_suggestions, catch_all_topics, run_content

__all__ = ["DEFAULT_CATCH_ALL", "SCHEMA", "accept_suggestions", "analyse_content", "catch_all_topics",
           "normalise_texts", "run_content"]
