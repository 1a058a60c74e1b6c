"""UN Digital Library records: the real xlsx export and a MARCXML fixture, into documents and links."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilwatch.errors import ImportRejected
from councilwatch.sources import undl
from councilwatch.store.sql import fetch

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "undl_records.marcxml"
XLSX = "unsc_meetings_dhl/undl_export_089_B02_security_council_documents.xlsx"


@pytest.fixture
def store(store_url):
    from councilwatch.api import open_store

    s = open_store(store_url, load_curated=False)
    yield s
    s.dispose()


def test_marcxml_records_become_documents_and_links(store):
    report = undl.import_file(store, FIXTURE)
    assert [r["position"] for r in report.rejected] == ["record 4 (001 9999999)"]
    assert "S/2839&Corr.1" in report.rejected[0]["reason"]
    with store.query() as conn:
        doc = fetch(conn, "SELECT * FROM documents WHERE symbol = 'S/RES/2334 (2016)'", dates=("date",), json_columns=("subjects",))[0]
        links = fetch(conn, "SELECT symbol, related, relation FROM document_links ORDER BY symbol, relation")
    assert doc["date"].isoformat() == "2016-12-23" and doc["vote"] == "14-0-1" and doc["kind"] == "resolution"
    assert doc["title"].startswith("Resolution 2334 (2016) adopted by the Security Council")
    assert doc["subjects"] == ["TERRITORIES OCCUPIED BY ISRAEL", "ISRAELI SETTLEMENTS"]
    assert doc["source"] == "https://digitallibrary.un.org/record/853113"
    assert {(l["symbol"], l["related"], l["relation"]) for l in links} == {
        ("S/2016/1085", "S/RES/2334 (2016)", "related"),
        ("S/RES/2334 (2016)", "S/2016/1085", "related"),
        ("S/RES/2334 (2016)", "S/PV.7853", "meeting"),
    }
    again = undl.import_file(store, FIXTURE)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, report.inserted)


def test_real_xlsx_export_is_idempotent_and_reports_its_defects(store, shared_data):
    path = shared_data / XLSX
    first = undl.import_file(store, path)
    assert first.inserted > 3600
    reasons = " | ".join(r["reason"] for r in first.rejected)
    assert "S/2839&Corr.1" in reasons and "duplicate S/1998/748" in reasons
    assert all(r["file"] == path.name and r["position"].startswith("row ") for r in first.rejected)
    with store.query() as conn:
        joint = fetch(conn, "SELECT related, relation FROM document_links WHERE symbol = 'S/2003/1219'")
        n = fetch(conn, "SELECT COUNT(*) AS n FROM documents")[0]["n"]
    assert {"related": "A/58/667", "relation": "issued_as"} in joint
    second = undl.import_file(store, path)
    assert (second.inserted, second.updated) == (0, 0) and second.unchanged == first.inserted
    with store.query() as conn:
        assert fetch(conn, "SELECT COUNT(*) AS n FROM documents")[0]["n"] == n


@pytest.mark.parametrize("content,match", [
    (b"", "empty"),
    (b"%PDF-1.4 ...", "got a PDF"),
    (b"symbol,title\nS/1,x\n", "got text"),
    (b"PK\x03\x04truncated", "not a readable xlsx"),
])
def test_bad_files_are_refused_in_one_line(store, tmp_path, content, match):
    p = tmp_path / "export.xlsx"
    p.write_bytes(content)
    with pytest.raises(ImportRejected, match=match):
        undl.import_file(store, p)


def test_truncated_marcxml_writes_nothing(store, tmp_path):
    text = FIXTURE.read_bytes()
    p = tmp_path / "cut.xml"
    p.write_bytes(text[: len(text) // 2])
    with pytest.raises(ImportRejected, match="broken XML at line"):
        undl.import_file(store, p)
    with store.query() as conn:
        assert fetch(conn, "SELECT COUNT(*) AS n FROM documents")[0]["n"] == 0
