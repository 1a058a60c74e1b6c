from datetime import date

from councilwatch.extract.components import SentenceContext
from councilwatch.extract.dates import find_dates
from councilwatch.extract.gazetteer import Gazetteer
from councilwatch.extract.masked import mask
from tests.unit.test_extract_gazetteer import ORGS, STATES, TERMS

TEXT = "Earlier text. Tajikistan and Armenia, both CSTO members since 1994, met in Moscow."


def _ctx():
    gaz = Gazetteer.from_rows(STATES, ORGS + [("CSTO", "Collective Security Treaty Organization", ["CSTO"])], TERMS)
    start = TEXT.index("Tajikistan")
    ents = [e for e in gaz.find(TEXT, 2024) if e.start >= start]
    dates = [d for d in find_dates(TEXT, date(2024, 7, 1)) if d.start >= start]
    return SentenceContext(TEXT, start, len(TEXT), ents, dates, date(2024, 7, 1))


def test_entities_and_dates_become_placeholders():
    assert mask(_ctx(), _ctx().start, len(TEXT)).text == "STATE and STATE, both ORG members since DATE, met in Moscow."


def test_placeholders_map_back_to_their_mentions_and_offsets():
    ctx = _ctx()
    m = mask(ctx, ctx.start, ctx.end)
    org_at = m.text.index("ORG")
    (org,) = m.at(org_at, org_at + 3)
    assert (org.id, TEXT[org.start:org.end]) == ("CSTO", "CSTO")
    # a position after the placeholders maps to the same word in the document
    assert TEXT[m.doc_pos(m.text.index("members")):].startswith("members since 1994")
    assert TEXT[m.doc_pos(m.text.index("met")):].startswith("met in Moscow")
    assert [x.id for x in m.at(0, m.text.index(","))] == ["TJK", "ARM"]
