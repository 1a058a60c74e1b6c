"""The DHL "Meetings conducted by the Security Council" tables 1946-2018, read from ../shared/data in place.

The expected numbers below were counted from the HTML itself, not with the
reader: for each year the table's text (tags stripped, whitespace folded) was
searched with grep, e.g.

    f=scact2005_table_en.html
    flat=$(tr -d '\\r' < $f | tr '\\n' ' ' | sed -E 's/<[^>]*>/ /g; s/[[:space:]]+/ /g')
    grep -oE 'S/PV\\.[0-9]+' <<<"$flat" | sort -u | wc -l                  # meetings
    grep -oE 'S/PV\\.[0-9]+ ?\\( ?(Resumption|Part) ?[0-9IV]+ ?\\)' <<<"$flat" \\
        | sed 's/ //g' | sort -u | wc -l                                 # + resumption/part records
    grep -oE 'S/RES/ ?[0-9]+' <<<"$flat" | sed 's/ //g' | sort -u | wc -l  # resolutions
    grep -oE 'S/PRST/[0-9]+/[0-9]+' <<<"$flat" | sort -u | wc -l           # PRSTs (1994 on)
    grep -oE '\\(PRST\\)|PRST unnumbered|[0-9] PRST' <<<"$flat" | wc -l      # older PRSTs

and each year's rows were read by eye where the numbers needed it (1990: one
row prints both parts of S/PV.2970; 2018: S/PV.8410 is printed without a <tr>).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from councilwatch.sources.agenda_titles import classify
from councilwatch.sources.dhl_tables import COLUMNS, LayoutError, MeetingRow, map_header, parse_file, parse_html

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unsc_meetings_dhl" / "raw_html"
YEARS = range(1946, 2019)


def _file(year: int) -> Path:
    return RAW / f"scact{year}_table_en.html"


needs_data = pytest.mark.skipif(
    not _file(1946).is_file(),
    reason=f"DHL tables not found at {RAW} (the project reads ../shared/data in place, never a copy)",
)


@pytest.fixture(scope="module")
def tables() -> dict[int, list[MeetingRow]]:
    if not _file(1946).is_file():
        pytest.skip(f"DHL tables not found at {RAW}")
    return {y: parse_file(_file(y)) for y in YEARS}


# --- every year reads -----------------------------------------------------------------------------


@needs_data
def test_every_year_reads(tables):
    for year, rows in tables.items():
        assert rows, year
        assert all(r.date.year == year for r in rows), year
        assert all(r.record.startswith("S/PV.") and r.meeting > 0 for r in rows), year


@needs_data
def test_every_meeting_1_to_8439_is_in_the_tables(tables):
    meetings = {r.meeting for rows in tables.values() for r in rows}
    assert meetings == set(range(1, 8440))


# --- per-year counts, verified by grep -----------------------------------------------------------

# year: (S/PV records incl. resumptions and parts, distinct meetings, distinct resolutions, PRSTs)
COUNTED = {
    1946: (88, 88, 15, 1),    # the one PRST is the bare "PRST" after the S/PV.70 veto
    1947: (137, 137, 22, 0),  # rowspan layout; S/RES/29 is linked as "> S/RES/29" (leading space)
    1960: (71, 71, 28, 0),
    1975: (57, 57, 18, 0),
    1990: (70, 69, 36, 6),    # S/PV.2970 (Part I) and (Part II); 6 "S/nnnnn (PRST)"; 663 printed twice
    2005: (244, 235, 71, 67), # 9 resumption records
    2018: (290, 288, 54, 21), # S/PV.8375 and S/PV.8228 resumptions; S/PV.8410 without <tr>
}


@needs_data
@pytest.mark.parametrize("year", sorted(COUNTED))
def test_counts_match_the_html(tables, year):
    rows = tables[year]
    records = {r.record for r in rows} | {o for r in rows for o in r.other_records}
    meetings = {r.meeting for r in rows}
    resolutions = {o.symbol for r in rows for o in r.outcomes if o.kind == "resolution"}
    prsts = [o for r in rows for o in r.outcomes if o.kind == "presidential_statement"]
    assert (len(records), len(meetings), len(resolutions), len(prsts)) == COUNTED[year]


# --- every resolution exactly once ----------------------------------------------------------------

# Printing slips in the published tables, which print two resolutions under the number of another
# (text and link alike), so 666 and 695 are missing and 663 and 701 appear twice:
#   scact1990_table_en.html, S/PV.2939, 13 September 1990, "The situation between Iraq and Kuwait",
#     prints S/RES/663 (1990) 13-2-0: that is resolution 666 (1990) (food for Iraq and Kuwait, Cuba and
#     Yemen against); 663 (1990) is the admission of Liechtenstein at S/PV.2936, 14 August 1990.
#   scact1991_table_en.html, S/PV.2990, 30 May 1991, "The situation in the Middle East", prints
#     S/RES/701 (1991) with S/22657 (PRST): that is resolution 695 (1991) (UNDOF renewal); 701 (1991)
#     (UNIFIL) is at S/PV.2997, 31 July 1991.
# resolution the row should show: (number printed, meeting record, date)
MISPRINTED = {
    666: (663, "S/PV.2939", date(1990, 9, 13)),
    695: (701, "S/PV.2990", date(1991, 5, 30)),
}


@needs_data
def test_every_resolution_appears_once(tables):
    seen: dict[int, list[tuple[MeetingRow, str]]] = defaultdict(list)
    for rows in tables.values():
        for r in rows:
            for o in r.outcomes:
                if o.kind == "resolution":
                    m = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", o.symbol)
                    assert m, o.symbol
                    assert int(m.group(2)) == r.date.year, (o.symbol, r.record, r.date)
                    seen[int(m.group(1))].append((r, o.symbol))
    assert set(seen) == set(range(1, 2452)) - set(MISPRINTED)
    twice = {n: [(r.record, r.date) for r, _ in v] for n, v in seen.items() if len(v) > 1}
    assert twice == {
        663: [("S/PV.2939", date(1990, 9, 13)), ("S/PV.2936", date(1990, 8, 14))],
        701: [("S/PV.2997", date(1991, 7, 31)), ("S/PV.2990", date(1991, 5, 30))],
    }
    for printed, record, day in MISPRINTED.values():
        assert (record, day) in [(r.record, r.date) for r, _ in seen[printed]]


ADOPTED = {  # resolution: (meeting record, date, vote) -- spot checks against the UN's own lists
    "S/RES/1 (1946)": ("S/PV.2", date(1946, 1, 25), None),
    "S/RES/82 (1950)": ("S/PV.473", date(1950, 6, 25), "9-0-1"),
    "S/RES/242 (1967)": ("S/PV.1382", date(1967, 11, 22), "15-0-0"),
    "S/RES/678 (1990)": ("S/PV.2963", date(1990, 11, 29), "12-2-1"),
    "S/RES/1325 (2000)": ("S/PV.4213", date(2000, 10, 31), "15-0-0"),
    "S/RES/1969 (2011)": ("S/PV.6487", date(2011, 2, 24), "15-0-0"),  # printed "(2011</a>)"
    "S/RES/2451 (2018)": ("S/PV.8439", date(2018, 12, 21), "15-0-0"),
}


@needs_data
def test_adoption_meeting_and_date(tables):
    found = {o.symbol: (r.record, r.date, o.vote) for rows in tables.values() for r in rows for o in r.outcomes
             if o.symbol in ADOPTED}
    assert found == ADOPTED


@needs_data
def test_resolution_year_slips_are_corrected_from_the_link(tables):
    notes = {o.symbol: o.notes for rows in tables.values() for r in rows for o in r.outcomes if o.notes}
    assert notes == {
        "S/RES/207 (1965)": ["printed as S/RES/207 (1964); the link and the meeting date give 1965"],
        "S/RES/770 (1992)": ["printed as S/RES/770 (1991); the link and the meeting date give 1992"],
        "S/RES/771 (1992)": ["printed as S/RES/771 (1991); the link and the meeting date give 1992"],
    }


# --- layouts and special rows ---------------------------------------------------------------------


def _rows_of(tables, year, record):
    return [r for r in tables[year] if r.record == record]


@needs_data
def test_rowspan_meeting_with_several_items(tables):
    rows = _rows_of(tables, 1947, "S/PV.224")
    assert [r.agenda_title for r in rows] == [
        "The Indonesian question", "The Committee of Experts on rules and procedures", "Voting procedure"]
    assert all(r.date == date(1947, 12, 19) and r.outcomes == [] for r in rows)


@needs_data
def test_empty_record_cells_continue_the_meeting_above(tables):
    continued = [r for r in tables[1948] if "continues the meeting above" in " ".join(r.notes)]
    assert len(continued) == 20


@needs_data
def test_items_in_one_cell_get_their_outcomes(tables):
    # "</br> </br>" before S/RES/12 (1946): the resolution belongs to the second item
    rows = _rows_of(tables, 1946, "S/PV.82")
    assert [(r.agenda_title, [o.symbol for o in r.outcomes]) for r in rows] == [
        ("Reconsideration of rejected application for membership", []),
        ("Greek complaint concerning the situation in northern Greece", ["S/RES/12 (1946)"]),
    ]
    rows = _rows_of(tables, 1965, "S/PV.1236")
    assert [[o.symbol for o in r.outcomes] for r in rows] == [["S/RES/207 (1965)"], ["S/RES/208 (1965)"]]


@needs_data
def test_vetoes_and_failed_drafts(tables):
    rows = _rows_of(tables, 2018, "S/PV.8228")
    assert [(o.kind, o.symbol, o.vote, o.vetoed_by) for o in rows[0].outcomes] == [
        ("draft_not_adopted", "S/2018/321", "12-2-1", ["RUS"]),
        ("draft_not_adopted", "S/2018/175", "6-7-2", []),
    ]
    by_draft = {o.symbol: o.vetoed_by for rows in tables.values() for r in rows for o in r.outcomes
                if o.kind == "draft_not_adopted"}
    assert by_draft["S/3710"] == ["FRA", "GBR"]  # 1956, Suez
    assert by_draft["S/2008/447"] == ["CHN", "RUS"]  # 2008, Zimbabwe
    assert by_draft["S/1994/1358"] == ["RUS"]  # printed "Draft resolutionS/1994/1358vetoed by"
    assert by_draft["S/11713"] == ["USA", "GBR", "FRA"]
    vetoed = [o for rows in tables.values() for r in rows for o in r.outcomes if o.vetoed_by]
    assert len(vetoed) == 204
    assert {c for o in vetoed for c in o.vetoed_by} == {"SUN", "RUS", "USA", "GBR", "FRA", "CHN"}


@needs_data
def test_presidential_statements_old_and_new(tables):
    old = {o.symbol for r in tables[1990] for o in r.outcomes if o.kind == "presidential_statement"}
    assert old == {"S/21974", "S/21418", "S/21400", "S/21361", "S/21338", "S/21323"}  # printed "S/21323 (PRST)"
    (bare,) = [o for r in _rows_of(tables, 1946, "S/PV.70") for o in r.outcomes if o.kind == "presidential_statement"]
    assert (bare.symbol, bare.text) == (None, "PRST")
    (new,) = [(r.record, o.vote) for r in tables[2018] for o in r.outcomes if o.symbol == "S/PRST/2018/21"]
    assert new == ("S/PV.8437", None)


@needs_data
def test_records_resumptions_parts_closed(tables):
    (row,) = [r for r in tables[1990] if r.meeting == 2970]
    assert (row.record, row.part, row.other_records) == ("S/PV.2970 (Part I)", 1, ["S/PV.2970 (Part II)"])
    assert {r.record for r in tables[2003] if r.meeting == 4820} == {"S/PV.4820 (Part I)", "S/PV.4820 (Part II)"}
    assert [r.resumption for r in tables[2007] if r.record == "S/PV.5629 (Resumption 1)"] == [1]
    assert any(r.closed for r in tables[1946] if r.meeting == 77)
    assert [r.remark for r in tables[2004] if r.meeting == 5084] == ["meeting held in Nairobi"]


@needs_data
def test_press_releases(tables):
    (row,) = [r for r in tables[2018] if r.meeting == 8439]
    assert row.press_releases == ["SC/13643"]
    assert [r.press_releases for r in tables[1996] if "SG/2030" in " ".join(r.press_releases)] == [
        ["SG/2030", "SC/6292"]]
    assert any(r.press_releases == ["SC/6303", "SC/6303/Corr.1"] for r in tables[1996])
    assert all(r.press_releases == [] for r in tables[1993])  # no press release column before 1994


@needs_data
def test_row_printed_twice_is_read_once(tables):
    rows = [r for r in tables[2011] if r.meeting == 6576]
    assert len(rows) == 1
    assert rows[0].notes == ["row 136 prints this row again; read once"]


@needs_data
def test_row_without_tr_is_read(tables):
    (row,) = [r for r in tables[2018] if r.meeting == 8410]
    assert row.date == date(2018, 11, 26)
    assert classify(row.agenda_title).key == "letters-ukraine-2014"
    assert [r.meeting for r in tables[2017] if 8093 <= r.meeting <= 8098] == [8098, 8097, 8096, 8095, 8094, 8093]


@needs_data
def test_mojibake_is_undone(tables):
    assert any("Leño Velloso" in r.agenda_title for r in tables[1947])
    assert not any("\ufeff" in r.agenda_title or "Ã" in r.agenda_title for rows in tables.values() for r in rows)


# --- agenda items 2010-2018 -----------------------------------------------------------------------

AGENDA_ITEMS_2010_2018 = {
    "admission-of-new-members", "afghanistan", "annual-report", "bosnia-and-herzegovina", "briefing-icj-president",
    "briefing-ocha", "briefing-osce", "briefing-unhcr", "briefings-subsidiary-bodies", "burundi",
    "central-african-region", "central-african-republic", "chad-car-subregion", "children-and-armed-conflict",
    "cooperation-regional-organizations", "cote-divoire", "cyprus", "dprk", "drc", "general-issues-sanctions",
    "great-lakes-region", "guinea-bissau", "haiti", "icj-election", "icj-election-date", "ictr", "icty",
    "international-tribunals", "iraq", "iraq-kuwait", "irmct", "kosovo", "letters-cambodia-2011",
    "letters-colombia-2016", "letters-republic-of-korea-2010", "letters-russian-federation-2010",
    "letters-russian-federation-2014", "letters-ukraine-2014", "letters-united-kingdom-2018", "liberia", "libya",
    "maintenance-of-international-peace-and-security", "mali", "middle-east", "middle-east-palestinian-question",
    "myanmar", "nepal", "non-proliferation", "non-proliferation-dprk", "non-proliferation-wmd",
    "nuclear-non-proliferation-disarmament-and-security", "peace-and-security-in-africa", "peacebuilding",
    "peacekeeping-operations", "protection-of-civilians", "provisional-agenda", "rule-of-law",
    "security-council-mission", "sg-appointment", "sierra-leone", "small-arms", "somalia", "sudan-south-sudan",
    "tcc-meetings", "threats-terrorist-acts", "threats-to-international-peace-and-security", "timor-leste",
    "tribute-secretary-general", "west-africa", "western-sahara", "women-and-peace-and-security", "working-methods",
}

# Printed titles (as the 2010-2018 tables print them) that name one item.
KNOWN_MERGES = {
    "sudan-south-sudan": ["Reports of the Secretary-General on the Sudan and South Sudan",
                          "Report of the Secretary-General on the Sudan and South Sudan",
                          "Reports of the Secretary-General on the Sudan", "Report of the Secretary-General in Sudan",
                          "Report of the Secretary-General — Sudan", "Sudan", "Sudan — Abyei"],
    "non-proliferation-dprk": ["Non-proliferation/Democratic People's Republic of Korea",
                               "Non-proliferation - Democratic People's Republic of Korea",
                               "Non-proliferation — Democratic People's Republic of Korea",
                               "Non-proliferation/Democratic Poeple's Republic of Korea"],
    "letters-ukraine-2014": [
        "Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed "
        "to the President of the Security Council (S/2014/136)",
        "Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed "
        "to the President of the Security Council ( S/2014/136)",
        "Letter dated 2014 from the Permanent Representative of Ukraine to the United Nations addressed to the "
        "President of the Security Council (S/2014/136)"],
    "middle-east": ["The situation in the Middle East", "Middle East", "Middle East situation",
                    "The situation in Middle East", "The situation the Middle East", "Middle East situation - Syria",
                    "The situation in the Middle East (Syria)"],
    "middle-east-palestinian-question": ["The situation in the Middle East, including the Palestinian question",
                                         "Middle East situation, including the Palestinian question"],
    "drc": ["Democratic Republic of the Congo", "The Democratic Republic of Congo",
            "The question concerning the Democratic Republic of the Congo",
            "The situation concerning the Democratic Republic of the Congo"],
    "tcc-meetings": [
        "Meeting with countries contributing troops and police to the UN Peacekeeping Force in Cyprus",
        "Meeting of the Security Council with the troop- and police- contributing countries pursuant to resolution "
        "1353 (2001), annex II, sections A and B - Cyprus",
        "Meeting of the Security Council with the troop - and police - contributing countries pursuant to "
        "resolution 1353 (2001), annex II, sections A and B - Cyprus"],
    "icj-election": ["ICJ — election", "ICJ — Election", "Election of a member of the International Court of Justice",
                     "Election of five members of the International Court of Justice ( S/2014/520, S/2014/521 and "
                     "S/2014/522)"],
    "threats-terrorist-acts": ["Threats to international peace and security caused by terrorist acts",
                               "Peace and security — terrorist acts"],
    "briefings-subsidiary-bodies": ["Briefings by Chairmen of subsidiary bodies of the Security Council",
                                    "Briefings by Chairs of subsidiary bodies of the Security Council"],
    "international-tribunals": ["International Tribunal - Yugoslavia & Rwanda", "International Tribunal — Rwanda & "
                                "Yugoslavia", "Yugoslavia and Rwanda"],
    "kosovo": ["Kosovo", "Kosovo (Serbia)", "Security Council resolutions 1160 (1998), 1199 (1998), 1203 (1998), "
               "1239 (1999) and 1244 (1999) - UNMIK",
               "Report of the Secretary-General on the United Nations Interim Administration Mission in Kosovo"],
    "peacebuilding": ["Post-conflict peacebuilding", "Post-conflict peacebuilding: institution-building",
                      "Peacebuilding and sustaining peace"],
    "working-methods": ["Implementation of the note by the President of the Security Council (S/2010/507)",
                        "Implementation of the note by the President of the Security Council (S/2017/507)"],
}

# Titles that look alike but are different agenda items.
KEPT_APART = [
    ("The situation in the Middle East", "The situation in the Middle East, including the Palestinian question"),
    ("Threats to international peace and security", "Threats to international peace and security caused by "
     "terrorist acts"),
    ("Central African region", "Central African Republic"),
    ("Non-proliferation", "Non-proliferation/Democratic People's Republic of Korea"),
    ("Non-proliferation", "Non-proliferation of weapons of mass destruction"),
    ("The situation in the Democratic People's Republic of Korea", "Non-proliferation - Democratic People's "
     "Republic of Korea"),
    ("Iraq", "The situation between Iraq and Kuwait"),
    ("International Tribunal - Rwanda", "International Tribunal - Yugoslavia"),
    ("Letter dated 13 April 2014 from the Permanent Representative of the Russian Federation to the United Nations "
     "addressed to the President of the Security Council (S/2014/264)",
     "Letter dated 18 December 2010 from the Permanent Representative of the Russian Federation to the United "
     "Nations addressed to the President of the Security Council (S/2010/646)"),
]


@needs_data
def test_agenda_items_2010_2018(tables):
    printed = Counter(r.agenda_title for y in range(2010, 2019) for r in tables[y])
    items = {classify(t).key for t in printed}
    assert items == AGENDA_ITEMS_2010_2018
    assert len(items) == 72
    by_key = defaultdict(set)
    for t in printed:
        by_key[classify(t).key].add(t)
    for key, titles in KNOWN_MERGES.items():
        assert set(titles) <= by_key[key], (key, set(titles) - by_key[key])
    # one display title per item
    for key, titles in by_key.items():
        assert len({classify(t).title for t in titles}) == 1, key
    unreviewed = sorted(k for k, ts in by_key.items() if not any(classify(t).reviewed for t in ts))
    assert unreviewed == ["nuclear-non-proliferation-disarmament-and-security"]


@pytest.mark.parametrize("a,b", KEPT_APART)
def test_agenda_items_kept_apart(a, b):
    assert classify(a).key != classify(b).key


# --- header mapping and bad input (synthetic, no data needed) --------------------------------------

HEAD = """<table><tr><th colspan="6" class="tbltitle">Meetings conducted by the Security Council in 2020</th></tr>
<tr><th>Meeting Record</th><th>Date</th><th>Press Release</th><th>Topic</th>
<th>Security Council Outcome / Vote</th>{extra}</tr>"""


def _html(rows: str, extra: str = "") -> str:
    return HEAD.format(extra=extra) + rows + "</table>"


def test_written_procedure_column():
    html = _html(
        extra="<th>Vote by letter<br>(written procedure)</th>",
        rows="""
<tr><td>S/PV.8747</td><td>1 July</td><td>SC/14233</td><td>Maintenance of international peace and security</td>
    <td>--</td><td>S/RES/2532 (2020)<br>15-0-0</td></tr>
<tr><td>S/PV.8746</td><td>30 June</td><td>None issued</td><td>The situation in the Middle East</td>
    <td>S/PRST/2020/6</td><td>Draft resolution S/2020/654 vetoed by China and Russian Federation<br>13-2-0</td></tr>
<tr><td>S/PV.8745 (Resumption 1)</td><td>29 June</td><td>SC/14230</td><td>Libya</td><td>--</td><td>--</td></tr>""")
    rows = parse_html(html, "scact2020_table_en.html")
    assert [(r.record, r.date) for r in rows] == [
        ("S/PV.8747", date(2020, 7, 1)), ("S/PV.8746", date(2020, 6, 30)), ("S/PV.8745 (Resumption 1)", date(2020, 6, 29))]
    (res,) = rows[0].outcomes
    assert (res.kind, res.symbol, res.vote, res.procedure) == (
        "resolution", "S/RES/2532 (2020)", "15-0-0", "vote by letter (written procedure)")
    prst, draft = rows[1].outcomes
    assert (prst.kind, prst.procedure) == ("presidential_statement", None)
    assert (draft.kind, draft.symbol, draft.vetoed_by, draft.procedure) == (
        "draft_not_adopted", "S/2020/654", ["CHN", "RUS"], "vote by letter (written procedure)")
    assert rows[1].press_releases == []
    assert rows[2].resumption == 1 and rows[2].outcomes == []


def test_header_mapping_by_text_not_position():
    assert map_header(["Date", "Meeting record", "Topic", "Outcome", "Press release"]) == [
        "date", "record", "topic", "outcome", "press_release"]
    assert map_header(["Meeting Record", "Date", "Agenda item", "Decisions adopted by written procedure"]) == [
        "record", "date", "topic", "written_outcome"]
    assert COLUMNS[0][0] == "written_outcome"  # tried before "outcome/vote"


def test_columns_in_another_order():
    html = """<table><tr><th>Date</th><th>Topic</th><th>Outcome / Vote</th><th>Meeting Record</th></tr>
    <tr><td>5 May</td><td>Cyprus</td><td>S/RES/1 (1946) 11-0-0</td><td>S/PV.40</td></tr></table>"""
    (row,) = parse_html(html, "scact1946_table_en.html")
    assert (row.record, row.date, row.agenda_title, row.outcomes[0].symbol) == (
        "S/PV.40", date(1946, 5, 5), "Cyprus", "S/RES/1 (1946)")


def test_unknown_header_is_named():
    with pytest.raises(LayoutError, match="cannot map column header 'Rapporteur'"):
        parse_html(_html("", extra="<th>Rapporteur</th>"), "scact2020_table_en.html")


def test_missing_required_column():
    html = """<table><tr><th>Meeting Record</th><th>Date</th><th>Outcome</th></tr></table>"""
    with pytest.raises(LayoutError, match="no 'topic' column"):
        parse_html(html, "scact2020_table_en.html")


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    ("", "empty file"),
    (b"hello, this is not a table", "no <table> element"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "no <table> element"),
    ("<html><table><tr><th>Meeting Record</th><th>Date</th>".encode(), "truncated"),
    ("<table><tr><td>a</td></tr></table>".encode("utf-16-le"), "NUL bytes"),
    (b"\x00\x01\x02<table>", "NUL bytes"),
    (b"<table>\x81\x8d\x8f\x90\x9d</table>", "wrong encoding"),
    (b"<table><tr><td>S/PV.1</td></tr></table>", "no header row"),
    (b"<table><tr><th>a</th><th>b</th><th>c</th></tr></table>", "no meetings header row"),
    (12345, "expected text or bytes"),
])
def test_bad_input_raises_layout_error(data, reason):
    with pytest.raises(LayoutError, match=reason):
        parse_html(data, "scact2020_table_en.html")


def test_bad_rows_name_the_row():
    bad_date = _html("<tr><td>S/PV.1</td><td>31 February</td><td></td><td>x</td><td>--</td></tr>")
    with pytest.raises(LayoutError, match=r"row 3: no such date '31 February' in 2020"):
        parse_html(bad_date, "t.html")
    no_record = _html("<tr><td>meeting one</td><td>1 May</td><td></td><td>x</td><td>--</td></tr>")
    with pytest.raises(LayoutError, match=r"row 3: no meeting record symbol"):
        parse_html(no_record, "t.html")
    too_many = _html("<tr><td>S/PV.1</td><td>1 May</td><td></td><td>x</td><td>--</td><td>S/RES/1 (2020)</td></tr>")
    with pytest.raises(LayoutError, match=r"row 3: 6 cells for 5 columns"):
        parse_html(too_many, "t.html")


def test_utf16_with_bom_and_cp1252_are_read():
    html = _html("<tr><td>S/PV.1</td><td>1 May</td><td></td><td>Côte d’Ivoire</td><td>--</td></tr>")
    for data in (html.encode("utf-16"), html.encode("cp1252"), html.encode("utf-8-sig")):
        (row,) = parse_html(data, "t.html")
        assert row.agenda_title == "Côte d’Ivoire"


def test_truncated_real_file_is_refused():
    if not _file(2005).is_file():
        pytest.skip(f"DHL tables not found at {RAW}")
    data = _file(2005).read_bytes()
    with pytest.raises(LayoutError, match="truncated"):
        parse_html(data[: len(data) // 2], "scact2005_table_en.html")


def test_missing_file():
    with pytest.raises(LayoutError, match="cannot read"):
        parse_file(RAW / "scact1899_table_en.html")


# --- no input crashes the reader ------------------------------------------------------------------

_SAMPLE = _html("""
<tr><th rowspan="2">S/PV.224</th><th rowspan="2">19 December</th><td>SC/1</td><td>The Indonesian question</td>
    <td>S/RES/1 (2020)<br>11-0-0</td></tr>
<tr><td></td><td>Voting procedure<br><br>Other item</td><td>Draft resolution S/2020/1 vetoed by USSR<br>9-2-0</td></tr>
<tr><td>S/PV.223 (Resumption 1)<br>(closed)</td><td>18 December</td><td>SC/2+Corr.1</td><td>Trieste</td>
    <td>Communiqué</td></tr>""")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_input_raises_only_layout_errors(data):
    raw = _SAMPLE.encode("utf-8")
    how = data.draw(st.sampled_from(["cut", "delete", "insert", "bytes"]))
    if how == "cut":
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    elif how == "delete":
        a = data.draw(st.integers(0, len(raw)))
        raw = raw[:a] + raw[a + data.draw(st.integers(1, 40)):]
    elif how == "insert":
        a = data.draw(st.integers(0, len(raw)))
        junk = data.draw(st.sampled_from([b"<td>", b"</tr>", b"<tr>", b"<br>", b"rowspan=9", b"\xff\xfe", b"\x00",
                                          b"S/PV.", b"(Resumption", b"--", b"<table>", b"colspan='x'"]))
        raw = raw[:a] + junk + raw[a:]
    else:
        raw = data.draw(st.binary(max_size=300))
    try:
        rows = parse_html(raw, "scact2020_table_en.html")
    except LayoutError:
        return
    assert all(isinstance(r, MeetingRow) for r in rows)


def test_impossible_symbols_are_kept_with_a_note():
    html = _html("""
<tr><td>S/PV.1</td><td>1 May</td><td></td><td>x</td><td>S/PRST/1899/1</td></tr>
<tr><td>S/PV.2</td><td>1 May</td><td></td><td>x</td><td>S/RES/5 (1999) 1-2-3</td></tr>
<tr><td>S/PV.3</td><td>1 May</td><td></td><td>x</td><td>Draft resolution S/2020/5 vetoed by Narnia 1-2-3</td></tr>""")
    prst, res, draft = (r.outcomes[0] for r in parse_html(html, "t.html"))
    assert (prst.kind, prst.symbol) == ("presidential_statement", None)
    assert (res.symbol, res.notes) == ("S/RES/5 (1999)", ["printed year 1999 is not the meeting's year 2020; kept as printed"])
    assert (draft.vetoed_by, draft.notes) == ([], ["unrecognised vetoing member(s): narnia"])
