"""Stage 1's map: by change, by one topic (counts from a runner job), by rate once population is
entered; a click on a unit opens stage 2 on that region's top 10."""

from __future__ import annotations

from kcdesk.core.analyse.analysis import region_counts


def _map_panel(window, qtbot):
    window.go_to(1)
    stage1 = window.current_step()
    stage1.tabs.setCurrentWidget(stage1.map_holder)
    assert stage1.map is not None
    return stage1.map


def test_one_topic_colours_the_map_with_that_topics_counts(window, qtbot):
    panel = _map_panel(window, qtbot)
    analysis = window.session.analysis
    topic = analysis.by_topic[3].topic
    panel.topic.setCurrentIndex(panel.topic.findData(topic))
    with qtbot.waitSignal(window.runner.idle, timeout=30000):
        panel.refresh()
    expected = region_counts(window.session.project, analysis.quarter, topic)
    widget = panel.map
    assert panel.topic.currentText() in widget.shown_title
    for row in expected.itertuples(index=False):
        if row.region != "unknown":
            assert (widget.shown_values.get(row.region) or 0) == row.count, row.region
    assert sum(widget.shown_values.values()) < window.session.analysis.total.count


def test_rate_needs_population_then_uses_it(window, qtbot):
    panel = _map_panel(window, qtbot)
    panel.by.setCurrentIndex(panel.by.findData("rate"))
    panel.refresh()
    assert window.message_bar.kind == "warning"      # nothing entered: said, and counts are shown
    assert panel.by.currentData() == "count"
    window.session.project.set_setting("population", {"astana": 1_400_000, "almaty": 2_200_000})
    panel.by.setCurrentIndex(panel.by.findData("rate"))
    panel.refresh()
    assert panel.by.currentData() == "rate"
    by_region = {r.region: r.count for r in window.session.analysis.by_region}
    values = panel.map.shown_values
    assert values["astana"] == round(by_region["astana"] / 1_400_000 * 10_000, 6) or \
        abs(values["astana"] - by_region["astana"] / 1_400_000 * 10_000) < 1e-6
    assert values["shymkent"] in (None, 0)   # no population entered: no rate


def test_click_on_a_unit_opens_stage_two_on_that_region(window, qtbot):
    panel = _map_panel(window, qtbot)
    panel.map.regionClicked.emit("almaty")
    stage2 = window.current_step()
    assert type(stage2).__name__ == "Stage2Step"
    assert stage2.scope.currentData() == "almaty"


def test_population_pasted_from_excel(qapp):
    from kcdesk.gui.steps.stage1_map import PopulationDialog

    dialog = PopulationDialog({"astana": 1})
    dialog.paste("г. Астана\t1 423 726\nАлматы қаласы\t2 228 675\n")
    assert dialog.population()["astana"] == 1423726 and dialog.population()["almaty"] == 2228675
