"""Composition and presidency against the real record."""

from datetime import date

import pytest

from councilwatch import council
from councilwatch.dates import add_months
from councilwatch.model import Presidency

# The real presidencies, from the Council's presidency pages (typed here independently
# of the packaged file, so that a wrong row in either is caught).
REAL = {
    2023: ["JPN", "MLT", "MOZ", "RUS", "CHE", "ARE", "GBR", "USA", "ALB", "BRA", "CHN", "ECU"],
    2024: ["FRA", "GUY", "JPN", "MLT", "MOZ", "KOR", "RUS", "SLE", "SVN", "CHE", "GBR", "USA"],
    2025: ["DZA", "CHN", "DNK", "FRA", "GRC", "GUY", "PAK", "PAN", "KOR", "RUS", "SLE", "SVN"],
}


@pytest.mark.parametrize("year", sorted(REAL))
def test_rule_alone_reproduces_real_presidencies(kb, year):
    """From December 2022 on record, the rotation rule gives every month of 2023-2025."""
    with kb.store.query() as conn:
        anchor = council.presidency_of(conn, 2022, 12)
        assert anchor.state == "IND"
        for month, expected in enumerate(REAL[year], start=1):
            got = council.presidency_by_rule(conn, year, month, anchor)
            assert got.state == expected, f"{year}-{month:02d}: rule gives {got.name}"


def test_recorded_and_ruled_agree_2006_to_2026(kb):
    """Every recorded month 2006-2026 equals the rule run on from January 2006."""
    with kb.store.query() as conn:
        prev = council.presidency_of(conn, 2006, 1)
        y, m = 2006, 1
        checked = 0
        while (y, m) < (2026, 12):
            y, m = add_months(y, m, 1)
            by_rule = council.presidency_by_rule(conn, y, m, prev)
            recorded = council.presidency_of(conn, y, m)
            assert recorded.basis == "record"
            assert by_rule.state == recorded.state, f"{y}-{m:02d}: rule {by_rule.name}, record {recorded.name}"
            prev = Presidency(y, m, recorded.state, recorded.name, "record")
            checked += 1
    assert checked == 251


def test_presidency_beyond_the_record_follows_the_rule(kb):
    p = kb.presidency("2027-01")
    assert p.basis == "rule"
    assert p.name == "Liberia" or p.state in {m["state"] for m in kb.composition(on="2027-01-01")}


def test_api_presidency(kb):
    assert kb.presidency("2024-07").name == "Russian Federation"
    assert kb.presidency("2016-10").state == "RUS"
    assert kb.presidency("2019-09").state == "RUS"
    assert kb.presidency("2022-02").state == "RUS"


@pytest.mark.parametrize("year", range(2006, 2028))
def test_every_year_has_five_permanent_and_ten_elected(kb, year):
    on = date(year, 6, 1)
    rows = kb.composition(on=on)
    assert len(rows) == 15
    assert {r["state"] for r in rows if r["seat"] == "permanent"} == {"CHN", "FRA", "GBR", "RUS", "USA"}


@pytest.mark.parametrize(
    "year, elected",
    [
        (2025, {"DZA", "GUY", "KOR", "SLE", "SVN", "DNK", "GRC", "PAK", "PAN", "SOM"}),
        (2026, {"DNK", "GRC", "PAK", "PAN", "SOM", "BHR", "COL", "COD", "LVA", "LBR"}),
        (2014, {"ARG", "AUS", "LUX", "KOR", "RWA", "CHL", "JOR", "LTU", "NGA", "TCD"}),
        (2006, {"ARG", "DNK", "GRC", "JPN", "TZA", "COG", "GHA", "PER", "QAT", "SVK"}),
    ],
)
def test_elected_members_of_a_year(kb, year, elected):
    rows = kb.composition(year=year)
    assert {r["state"] for r in rows if r["seat"] == "elected"} == elected


def test_composition_before_1966_has_eleven(kb):
    assert len(kb.composition(on="1960-06-01")) == 11
    assert "SUN" in {r["state"] for r in kb.composition(on="1960-06-01")}
    assert "RUS" in {r["state"] for r in kb.composition(on="1992-01-01")}
    assert "SUN" not in {r["state"] for r in kb.composition(on="1992-01-01")}
