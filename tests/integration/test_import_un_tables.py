"""Elected-member and UN-membership tables: cross-checks that report and only fill gaps."""

from __future__ import annotations

import pytest

from councilwatch.errors import ImportRejected
from councilwatch.sources import base, council_terms, un_members


def test_un_page_table_reports_the_gdr_gap_and_the_unfinished_2020(kb, shared_data):
    path = shared_data / "unsc_elected_members" / "sc_elected_members_terms_1946_2020.csv"
    report = council_terms.import_file(kb.store, path)
    assert report.inserted == 0  # the curated composition has no gaps to fill
    notes = base.last_runs(kb.store, "council-terms")[0]["report"]["notes"]
    found = {(n["year"], n["state"], n["table"]) for n in notes}
    assert {(1980, "DDR", "not elected"), (1981, "DDR", "not elected"), (2020, "EST", "not elected")} <= found
    assert all(n["action"] == "reported" for n in notes)


def test_council_terms_fill_a_real_gap(kb, tmp_path):
    from sqlalchemy import delete

    from councilwatch.store import schema

    with kb.store.write() as conn:  # make a gap: the curated row for Ghana's 2022-2023 term gone
        conn.execute(delete(schema.council_terms).where(schema.council_terms.c.state == "GHA",
                                                        schema.council_terms.c.start >= __import__("datetime").date(2022, 1, 1)))
    p = tmp_path / "terms.csv"
    p.write_text("country,start_year,end_year\nGhana,2022,2023\nAtlantis,2022,2023\n", encoding="utf-8")
    report = council_terms.import_file(kb.store, p)
    assert report.inserted == 2
    assert report.rejected[0]["position"] == "line 3" and "Atlantis" in report.rejected[0]["reason"]
    assert "GHA" in {r["state"] for r in kb.composition(on="2022-06-01")}
    assert council_terms.import_file(kb.store, p).inserted == 0


def test_un_members_tables_agree_with_curated(kb, shared_data):
    for name in ("un_members_cleaned_with_original_flag.csv", "un_members_wikipedia_raw.csv"):
        report = un_members.import_file(kb.store, shared_data / "un_member_states_admission" / name)
        assert report.rejected == [] and report.inserted == report.updated == 0


def test_un_members_reports_disagreement_and_refuses_bad_files(kb, tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("member state,date of admission\nFrance,1 January 1950\nFrance,24 October 1945\n", encoding="utf-8")
    report = un_members.import_file(kb.store, p)
    assert report.rejected[0]["reason"].startswith("France (FRA) repeats line 2")
    notes = base.last_runs(kb.store, "un-members")[0]["report"]["notes"]
    assert {"state": "FRA", "table": "1950-01-01", "curated": "1945-10-24"}.items() <= next(n for n in notes if n["state"] == "FRA").items()
    assert kb.state("FRA")["un_admitted"].isoformat() == "1945-10-24"  # reported, never overwritten
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("member state,date of admission\nC\xf4te d'Ivoire,20 September 1960\n".encode("latin-1"))
    with pytest.raises(ImportRejected, match="not utf-8-sig"):
        un_members.import_file(kb.store, bad)
