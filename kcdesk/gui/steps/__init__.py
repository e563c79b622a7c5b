"""The wizard's steps, in order (each module can be run alone: python -m kcdesk.gui.steps.stage1)."""

from __future__ import annotations


def step_classes() -> tuple[type, ...]:
    """Imported on demand, so `python -m kcdesk.gui.steps.<step>` does not import its module twice."""
    from kcdesk.gui.steps.content import ContentStep
    from kcdesk.gui.steps.importing import ImportStep
    from kcdesk.gui.steps.report import ReportStep
    from kcdesk.gui.steps.stage1 import Stage1Step
    from kcdesk.gui.steps.stage2 import Stage2Step
    from kcdesk.gui.steps.stage3 import Stage3Step

    return (ImportStep, Stage1Step, Stage2Step, Stage3Step, ContentStep, ReportStep)
