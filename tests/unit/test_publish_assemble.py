"""The brief as data: facts from the knowledge base with sources, and stated gaps where it has none."""

from datetime import date

import pytest

from councilwatch.errors import UnknownName
from councilwatch.publish.assemble import assemble_brief, assemble_monthly, fuzzy_text, resolve_topic
from councilwatch.sources.curated import agenda_item_id

JULY = "2024-07"


def test_items_resolve_leniently_and_unknown_ones_name_candidates(kb):
    assert resolve_topic(kb, "CSTO SCO CIS")["id"] == "un-csto-sco-cis"
    assert resolve_topic(kb, "Cooperation between the UN and the CSTO, the SCO and the CIS")["id"] == "un-csto-sco-cis"
    assert resolve_topic(kb, "cooperation between the UN and the Africn Union")["id"] == "un-au"
    with pytest.raises(UnknownName) as err:
        resolve_topic(kb, "Cooperation between the UN and the Galactic Empire")
    assert err.value.candidates and "un-" in " ".join(err.value.candidates)


def test_july_2024_entry_has_the_facts_of_the_seed_each_with_sources(kb):
    b = assemble_brief(kb, "un-csto-sco-cis", JULY)
    assert "Russian Federation" in b.presidency.text and b.presidency.sources
    orgs = {o.id: {m.name: m.status for m in o.members} for o in b.background}
    assert orgs["CSTO"]["Armenia"] == "participation frozen"
    assert orgs["SCO"]["Belarus"] == "accession initiated"  # became a member on 4 July, after the 1st
    assert set(orgs["CIS"]) >= {"Armenia", "Azerbaijan", "Belarus", "Kazakhstan", "Kyrgyzstan", "Republic of Moldova",
                                "Russian Federation", "Tajikistan", "Uzbekistan"}
    days = {f.day for f in b.developments}
    assert {date(2016, 10, 28), date(2019, 9, 25), date(2022, 2, 16), date(2024, 3, 22), date(2024, 4, 18)} <= days
    assert all(f.sources for f in b.developments + b.stances + b.ga_votes + b.in_month)
    assert all(1 <= n <= len(b.citations) for f in b.developments for n in f.sources)
    assert [f.day for f in b.developments] == sorted(f.day for f in b.developments)
    # The July debate happened inside the month: listed as on record there, not as a past development.
    assert any("S/PV.9688" in f.text for f in b.in_month)
    assert not any("S/PV.9688" in f.text for f in b.developments)
    docs = {d.symbol: d for _, group in b.documents for d in group}
    assert docs["S/2022/606"].url == "https://undocs.org/en/S/2022/606"
    assert docs["A/RES/77/19"].url == "https://undocs.org/en/A/RES/77/19"
    assert docs["S/PV.8967"].when == "16 February 2022"
    p3 = [s for s in b.stances if s.text.startswith("The P3")]
    assert p3 and any(s.text.startswith("Russian Federation (against, on A/RES/77/19)") for s in b.stances)


def test_without_forecaster_the_entry_says_so(kb):
    b = assemble_brief(kb, "un-csto-sco-cis", JULY)
    assert any(m.startswith("no forecast") for m in b.missing["expected"])


def test_month_after_all_known_meetings_says_what_is_missing(kb):
    b = assemble_brief(kb, "un-au", "2031-03", forecast=None)
    assert any("no meetings known after 19 July 2024" in m for m in b.missing["expected"])
    assert b.missing["documents"] == ["no Secretary-General report on this item recorded since 8 August 2022 (S/2022/606)"]
    assert "no stance of a Council member on this item recorded" in b.missing["dynamics"]


def test_forecast_items_fill_expected_council_action(kb):
    forecast = {"month": JULY, "as_of": "2024-06-30", "threshold": 0.5,
                "presidency": {"state": "RUS", "name": "Russian Federation"},
                "items": [{"agenda_item": agenda_item_id("Cooperation between the United Nations and regional and "
                                                         "subregional organizations in maintaining international peace and security"),
                           "title": "Cooperation between the UN and regional organisations", "probability": 0.83,
                           "expected": ["debate"], "outcomes": ["none expected"], "reasons": ["signature event"],
                           "documents_due": []}]}
    b = assemble_brief(kb, "CSTO SCO CIS", JULY, forecast=forecast)
    texts = [f.text for f in b.expected]
    assert any("debate" in t and "83%" in t for t in texts)
    assert any(t.startswith("Why: signature event") for t in texts)
    assert "no report on this item recorded as due in the month" in b.missing["expected"]
    assert not any(m.startswith("no forecast") for m in b.missing["expected"])


def test_monthly_without_forecast_has_entries_for_items_with_meetings_in_the_month(kb):
    m = assemble_monthly(kb, JULY, forecast=None)
    assert "Russian Federation" in m.presidency.text
    assert [e.topic["id"] for e in m.entries] == ["un-csto-sco-cis"]
    assert any(s.kind == "programme" for s in m.signature)
    assert any(x.startswith("no forecast") for x in m.missing)
    assert len({e.fn for e in m.entries}) == len(m.entries)


def test_fuzzy_dates_read_as_people_write_them():
    assert fuzzy_text("2024-03-22") == "22 March 2024"
    assert fuzzy_text("2018-05") == "May 2018"
    assert fuzzy_text("2023-37") == "early 2023"
    assert fuzzy_text("2016/2024") == "2016–2024"
