"""The trend chart is a well-formed SVG that escapes what it shows and leaves gaps where a day has no data."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from app.desk.chart import Series, trend_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_lines_break_at_days_without_data():
    svg = trend_svg(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"],
                    [Series("Answered", "answered", [0.5, 0.6, None, 0.7, 0.8])], [3, 4, 0, 5, 6], "Trend")
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}polyline")) == 2
    assert len(root.findall(f"{SVG}circle")) == 4
    assert len(root.findall(f"{SVG}rect[@class='volume']")) == 4


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
       st.lists(st.one_of(st.none(), st.floats(0, 1)), min_size=1, max_size=40))
def test_any_title_and_rates_give_well_formed_svg(title, rates):
    days = [f"2026-11-{i % 28 + 1:02d}" for i in range(len(rates))]
    svg = trend_svg(days, [Series(title or "x", "helpful", rates)], [1] * len(rates), title)
    assert (ET.fromstring(svg).find(f"{SVG}title").text or "") == title.replace("\ufffe", "").replace("\uffff", "")


def test_control_characters_are_dropped_not_written():
    svg = trend_svg(["2026-11-01"], [Series("a\x00b", "answered", [0.5])], [1], "<t\x0c>")
    assert ET.fromstring(svg).find(f"{SVG}title").text == "<t>"
