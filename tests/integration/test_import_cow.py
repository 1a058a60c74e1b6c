"""Correlates of War IGO v3 into the store: mapping, dates, precedence of curated facts, idempotence."""

from __future__ import annotations

import shutil

import pytest

from councilwatch.dates import parse_edtf
from councilwatch.errors import ImportRejected
from councilwatch.sources import base, cow_igo


def test_spell_dates_follow_the_documented_rule():
    assert [d.edtf() if d else None for d in cow_igo.spell_dates(1995, 2005, False, 1949)] == ["1995", "2006"]
    start, end = cow_igo.spell_dates(1955, 1960, False, 1949)
    assert (start.edtf(), end.edtf()) == (parse_edtf("1951/1955").edtf(), parse_edtf("1961/1965").edtf())
    assert cow_igo.spell_dates(1949, 2014, True, 1949) == (parse_edtf("1949"), None)


def test_cow_import_on_curated_kb(kb, shared_data):
    store = kb.store
    report = cow_igo.import_dir(store, shared_data / "cow_igo_v3")
    assert report.inserted > 18000 and report.updated == 0
    reasons = [r["reason"] for r in report.rejected]
    assert any(r.startswith("Taiwan (713)") for r in reasons)
    assert any(r.startswith("Hesse Grand Ducal (275)") for r in reasons)  # not fuzzily Andorra
    # Curated facts win: Armenia's CSTO participation is frozen since 2024-02-22 whatever COW says.
    assert {m["state"]: m["status"] for m in kb.members("CSTO", "2024-07-01")}["ARM"] == "participation_frozen"
    # COW fills gaps: an IGO the curated set lacks, with dates from its spells.
    members = {m["state"]: m for m in kb.members("AACB", "2010-06-01")}
    assert members["DZA"]["since"] == "1977" and members["DZA"]["until"] is None
    # Code 365 is the USSR before 1991 and Russia after: COW's OSCE (CSCE) periods split accordingly.
    with store.query() as conn:
        from councilwatch.store.sql import fetch

        rows = fetch(conn, "SELECT state, start, \"end\" FROM memberships WHERE origin='cow-igo' AND organisation='OSCE' "
                     "AND state IN ('SUN','RUS') ORDER BY start")
        eaec = fetch(conn, "SELECT id FROM organisations WHERE id IN ('EAEC', 'COW-OPEC', 'COW-EFTA')")
        opec = fetch(conn, "SELECT count(*) AS n FROM memberships WHERE origin='cow-igo' AND organisation='OPEC'")
    assert [(r["state"], r["start"], r["end"]) for r in rows] == [("SUN", "1973", "1991"), ("RUS", "1991", None)]
    # An IGO the curated set holds under the same name joins it: no second OPEC, EFTA or Eurasian Economic Community.
    assert eaec == [] and opec[0]["n"] > 10
    again = cow_igo.import_dir(store, shared_data / "cow_igo_v3")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, report.inserted)


def test_broken_spells_file_is_refused_whole(kb, shared_data, tmp_path):
    d = tmp_path / "cow"
    shutil.copytree(shared_data / "cow_igo_v3", d, ignore=shutil.ignore_patterns("igo_year_format3.csv"))
    (d / cow_igo.SPELLS).write_bytes((d / cow_igo.SPELLS).read_bytes().replace(b"ioname", b"name", 1))
    with pytest.raises(ImportRejected, match="header lacks column"):
        cow_igo.import_dir(kb.store, d)
    assert base.last_runs(kb.store, "cow-igo") == []
