import json
from datetime import date

import pytest

from councilwatch.extract.gazetteer import Gazetteer
from councilwatch.extract.pipeline import Extractor, find_symbol_mentions
from councilwatch.extract.sentences import sentence_spans
from tests.unit.test_extract_gazetteer import ORGS, STATES, TERMS

STATES2 = STATES + [("BLR", "Belarus", "Belarus", []), ("KAZ", "Kazakhstan", "Kazakhstan", []),
                    ("KGZ", "Kyrgyzstan", "Kyrgyzstan", []), ("AFG", "Afghanistan", "Afghanistan", [])]
ORGS2 = ORGS + [("SCO", "Shanghai Cooperation Organisation", ["Shanghai Cooperation Organization"])]


@pytest.fixture(scope="module")
def ex():
    return Extractor(Gazetteer.from_rows(STATES2, ORGS2, TERMS))


def test_json_contract_keys_and_offsets(ex):
    text = ("July 2024 Monthly Forecast\n\nOn 22 February, Armenian Prime Minister Nikol Pashinyan announced that "
            "Armenia had frozen its participation in the CSTO. See S/2022/606.")
    d = json.loads(json.dumps(ex.extract_text(text, source="x.txt").as_dict()))
    assert list(d) == ["document", "symbols", "dates", "entities", "memberships", "events", "stances"]
    assert d["document"] == {"source": "x.txt", "doc_date": "2024-07-01", "doc_date_basis": "text", "words": len(text.split())}
    assert d["symbols"] == [{"text": "S/2022/606", "symbol": "S/2022/606", "kind": "document",
                             "start": text.index("S/2022"), "end": text.index("S/2022") + 10}]
    assert set(d["dates"][0]) == {"text", "earliest", "latest", "precision", "start", "end"}
    for e in d["entities"]:
        assert set(e) == {"text", "kind", "id", "members", "start", "end"} and text[e["start"]:e["end"]] == e["text"]
    (m,) = d["memberships"]
    assert {k: m[k] for k in ("organisation", "state", "status", "earliest", "latest")} == {
        "organisation": "CSTO", "state": "ARM", "status": "participation_frozen", "earliest": "2024-02-22", "latest": "2024-02-22"}
    (ev,) = d["events"]
    assert set(ev) == {"earliest", "latest", "summary", "actors", "start", "end"} and "ARM" in ev["actors"]


def test_doc_date_option_beats_the_text(ex):
    r = ex.extract_text("July 2024 Monthly Forecast\nOn 22 March, Russia", doc_date=date(2023, 1, 1))
    assert r.doc_date_basis == "option" and r.dates[-1].value.earliest == date(2022, 3, 22)


def test_enumeration_and_anaphora(ex):
    text = ("Formed in 2001, the SCO currently has four members: China, Kazakhstan, Kyrgyzstan and Russia. "
            "In September 2022, Belarus initiated its accession to the organisation.")
    r = ex.extract_text(text, doc_date=date(2024, 7, 1))
    got = {(m.organisation, m.state, m.status, str(m.when)) for m in r.memberships}
    assert got == {("SCO", s, "member", "2024-07-01") for s in ("CHN", "KAZ", "KGZ", "RUS")} | {
        ("SCO", "BLR", "accession_initiated", "2022-09")}


def test_hypotheticals_are_not_memberships(ex):
    text = "Putin said that withdrawing from the CIS or the CSTO would not be in Armenia’s interests. If Armenia withdrew from the CSTO, it would lose."
    assert ex.extract_text(text, doc_date=date(2024, 7, 1)).memberships == []


def test_stances_name_group_members_and_resolve_these_organisations(ex):
    text = ("Russia has maintained that the CSTO, the SCO, and the CIS share common objectives with the UN. "
            "The P3 members (France, the UK, and the US) have been generally critical of these organisations.")
    r = ex.extract_text(text, doc_date=date(2024, 7, 1))
    got = {(s.actors, s.target, s.polarity) for s in r.stances}
    assert {(("FRA", "GBR", "USA"), t, "critical") for t in ("CSTO", "SCO", "CIS")} <= got


def test_event_actors_skip_relative_clauses(ex):
    text = "On 18 April, Russia and Tajikistan, which shares a border with Afghanistan, conducted joint military drills."
    (e,) = ex.extract_text(text, doc_date=date(2024, 7, 1)).events
    assert e.actors == ("RUS", "TJK") and str(e.when) == "2024-04-18" and e.kind == "drill"


def test_symbols_in_prose_and_run_into_dates():
    got = [(s.text, s.symbol) for s in find_symbol_mentions(
        "16 February 2022S/PV.8967 This; recalling resolutions 2701 (2023) and 2702 (2023), General Assembly resolution 77/19")]
    assert got == [("S/PV.8967", "S/PV.8967"), ("resolutions 2701 (2023)", "S/RES/2701 (2023)"),
                   ("2702 (2023)", "S/RES/2702 (2023)"), ("resolution 77/19", "A/RES/77/19")]


def test_sentences_respect_abbreviations():
    text = "The U.S. delegation met Mr. Nebenzia. Then it left!\n\nHeading"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The U.S. delegation met Mr. Nebenzia.", "Then it left!", "Heading"]
