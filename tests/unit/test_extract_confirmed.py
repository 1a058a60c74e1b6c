"""Memberships a sentence implies and the knowledge base confirms (extract/confirmed.py)."""

from datetime import date

import pytest

from councilwatch.extract.confirmed import KnownMemberships
from councilwatch.extract.gazetteer import Gazetteer
from councilwatch.extract.pipeline import Extractor
from tests.unit.test_extract_gazetteer import TERMS
from tests.unit.test_extract_pipeline import ORGS2, STATES2

# What the knowledge base of these tests holds (invented periods, only for the tests).
PERIODS = [
    ("CSTO", "ARM", "member", date(1992, 5, 15), None),
    ("CSTO", "RUS", "member", date(1992, 5, 15), None),
    ("CSTO", "KAZ", "member", date(1992, 5, 15), None),
    ("CSTO", "BLR", "member", date(1993, 12, 31), None),
    ("CSTO", "ARM", "participation_frozen", date(2024, 2, 22), None),
    ("SCO", "KAZ", "member", date(2001, 6, 15), None),
    ("SCO", "RUS", "member", date(2001, 6, 15), None),
    ("SCO", "AFG", "observer", date(2012, 6, 7), None),
    ("CIS", "TJK", "member", date(1991, 12, 21), None),
]
REF = date(2025, 6, 1)


@pytest.fixture(scope="module")
def ex():
    return Extractor(Gazetteer.from_rows(STATES2, ORGS2, TERMS), known=KnownMemberships(PERIODS))


def found(ex, text: str) -> set[tuple[str, str, str]]:
    return {(m.organisation, m.state, m.status) for m in ex.extract_text(text, REF).memberships}


def test_known_memberships_hold_on_their_dates():
    known = KnownMemberships(PERIODS)
    assert known.statuses("CSTO", "ARM", date(2025, 1, 1)) == {"member", "participation_frozen"}
    assert known.statuses("CSTO", "ARM", date(2000, 1, 1)) == {"member"}
    assert known.statuses("CSTO", "BLR", date(1993, 1, 1)) == set()
    assert known.organisations == {"CSTO", "SCO", "CIS"}


@pytest.mark.parametrize("text, want", [
    # a word of the status in a sentence naming both, in shapes the cue rules do not read
    ("Kazakhstan and Belarus sat with the other CSTO members in Minsk.", {("CSTO", "KAZ", "member"), ("CSTO", "BLR", "member")}),
    ("The Shanghai Cooperation Organisation's meeting drew Afghanistan's envoy, still listed among the observers.",
     {("SCO", "AFG", "observer")}),
    # "sits in", "belongs to"
    ("Belarus sits in the CSTO, whatever its neighbours do.", {("CSTO", "BLR", "member")}),
    # a verb that enumerates members
    ("Kazakhstan, Russia and Belarus now make up most of the CSTO.",
     {("CSTO", "KAZ", "member"), ("CSTO", "RUS", "member"), ("CSTO", "BLR", "member")}),
    # the organisation's name as an adjective of its states
    ("Kazakhstan and Belarus spoke first among the CSTO states present.", {("CSTO", "KAZ", "member"), ("CSTO", "BLR", "member")}),
    # the organisation of the paragraph, for a sentence that names none
    ("The CSTO summit opened in Minsk.\nBelarus and Kazakhstan, founders of the pact's forerunner, spoke first.",
     {("CSTO", "BLR", "member"), ("CSTO", "KAZ", "member")}),
    # return, readmission and leaving are words of membership and withdrawal too
    ("The CSTO welcomed Belarus, which had returned to its meetings.", {("CSTO", "BLR", "member")}),
    # the Council's members named by the organisation they come from are its members
    ("The two CSTO members of the Council, Kazakhstan and Russia, spoke first.",
     {("CSTO", "KAZ", "member"), ("CSTO", "RUS", "member")}),
    ("Kazakhstan's delegate, also speaking for Russia as the Council's members from the CSTO, spoke.",
     {("CSTO", "KAZ", "member"), ("CSTO", "RUS", "member")}),
    # a negation of something else than membership
    ("The CSTO met. Kazakhstan and Belarus, like every member, do not recognise the new authorities.",
     {("CSTO", "KAZ", "member"), ("CSTO", "BLR", "member")}),
    # a date in the sentence is a day the knowledge base is asked about as well as the document's
    ("In 1995 Kazakhstan and Russia were both members in good standing of the CSTO.",
     {("CSTO", "KAZ", "member"), ("CSTO", "RUS", "member")}),
])
def test_a_sentence_implying_a_known_status_is_read(ex, text, want):
    assert found(ex, text) == want


@pytest.mark.parametrize("text", [
    # no word of a status
    "Kazakhstan hosted the CSTO exercise near Almaty.",
    # a status the knowledge base does not hold for the pair
    "Tajikistan and the CSTO members met.",
    # negated, an adjective, the Council's members, a size
    "Belarus is not among the members the CSTO lists.",
    "Kazakh officers trained with CSTO members.",
    "Kazakhstan, one of the Council members, raised the CSTO's role.",
    "Russia leads the 6-member CSTO.",
    # a sentence naming no organisation, in a new paragraph, without a strong word
    "The CSTO met in Minsk.\n\nKazakhstan and Belarus signed a trade accord.",
    # "the Union" does not fit the CSTO
    "The CSTO met in Minsk. Belarus and Kazakhstan spoke for the Union and its members.",
])
def test_a_sentence_without_a_confirmed_reading_gives_nothing(ex, text):
    assert found(ex, text) == set()


def test_a_line_the_layout_reads_is_left_to_the_layout(ex):
    text = "State | CSTO | SCO\nKazakhstan | member | member\nRussia | member | observer (2001)\n"
    result = ex.extract_text(text, REF)
    got = {(m.organisation, m.state, m.status) for m in result.memberships}
    assert ("SCO", "KAZ", "member") in got and ("SCO", "RUS", "member") not in got
    # the knowledge base, which records the SCO up to 2012, never had Russia as an observer: the cell is doubtful
    assert [(m.organisation, m.state, m.status) for m in result.doubtful] == [("SCO", "RUS", "observer")]


def test_without_a_knowledge_base_nothing_is_confirmed():
    rules = Extractor(Gazetteer.from_rows(STATES2, ORGS2, TERMS))
    assert found(rules, "Kazakhstan and Belarus sat with the other CSTO members in Minsk.") == set()


@pytest.mark.parametrize("text, want", [
    # a list about the organisation, each state with the day its status began, and no word of status at all
    ("The CSTO grew in stages.\n\n- Belarus (31 December 1993)\n- Kazakhstan, in May 1992\n",
     {("CSTO", "BLR", "member"), ("CSTO", "KAZ", "member")}),
    # a day on which nothing began for the state is no evidence
    ("The CSTO grew in stages.\n\n- Belarus (4 March 2001)\n", set()),
    # two statuses began that month for Armenia: the sentence's word chooses
    ("In the CSTO, Armenia froze its part in February 2024.", {("CSTO", "ARM", "participation_frozen")}),
    # the list's organisation is not the one its paragraph named last: the day says which organisation it is about
    ("The CSTO grew in stages. Its members also meet in the SCO.\n- Belarus (31 December 1993)\n- Kazakhstan (15 June 2001)\n",
     {("CSTO", "BLR", "member"), ("SCO", "KAZ", "member")}),
    ("The CSTO grew in stages. Its members also meet in the SCO.\n- Belarus (4 March 2001)\n", set()),
])
def test_a_state_named_with_the_day_its_status_began(ex, text, want):
    assert found(ex, text) == want


def test_a_table_belongs_to_the_organisation_the_knowledge_base_holds_its_states_in(ex):
    text = ("The CSTO was founded in 1992.\n\nMembers\n\nKazakhstan also joined the SCO in 2001.\n\n"
            "| State | Joined |\n|---|---|\n| Belarus | 1993 |\n| Armenia | 1992 |\n")
    got = found(ex, text)
    assert {("CSTO", "BLR", "member"), ("CSTO", "ARM", "member")} <= got
    assert not {m for m in got if m[0] == "SCO" and m[1] in ("BLR", "ARM")}


@pytest.mark.parametrize("text, want, doubtful", [
    # "the pact" after a paragraph on the SCO: the knowledge base says the CSTO, named before, is the one Belarus joined
    ("The CSTO met in Minsk. The SCO met in Astana. Belarus joined the pact in 1993.",
     {("CSTO", "BLR", "member")}, set()),
    # a status the knowledge base never held for the pair, in years it records, and no other organisation fits
    ("The CSTO met in Minsk. Kazakhstan, an observer of the CSTO since 1995, attended.", set(),
     {("CSTO", "KAZ", "observer")}),
    # after the last change the knowledge base records for the organisation: news it may lack, reported
    ("On 3 March 2025 Belarus became an observer of the SCO.", {("SCO", "BLR", "observer")}, set()),
])
def test_what_a_cue_reads_is_weighed_against_the_knowledge_base(ex, text, want, doubtful):
    result = ex.extract_text(text, REF)
    assert {(m.organisation, m.state, m.status) for m in result.memberships} == want
    assert {(m.organisation, m.state, m.status) for m in result.doubtful} == doubtful
