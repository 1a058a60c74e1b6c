"""Extraction on the held-out sets (evalset/, blindset2/ ... blindset7/) against the issue's targets, and the general
fixes they led to.

Each set was written and scored blind once (its RESULTS.md); since then the
extractor has been fixed with it in view, so these figures guard against regressions
and are no longer an estimate for unseen texts.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVALSET = ROOT / "evalset"
BLINDSET2 = ROOT / "blindset2"  # the second blind set (blindset2/RESULTS.md), fixed against since
BLINDSET3 = ROOT / "blindset3"  # the third (blindset3/RESULTS.md), likewise
DEVSET = ROOT / "devset"
SEED = ROOT.parent / "shared" / "seed" / "000_189a6a25cb422106.txt"

# Issue 4: F1 on real texts nobody here had seen.
TARGETS = {"symbols": 0.97, "states": 0.95, "organisations": 0.90, "dates": 0.90, "memberships": 0.80}


@pytest.fixture(scope="module")
def extractor(curated_db: Path):
    from councilwatch.api import open_store
    from councilwatch.extract.pipeline import Extractor

    store = open_store(f"sqlite:///{curated_db}")
    yield Extractor.from_store(store)
    store.dispose()


@pytest.fixture(scope="module")
def rules(extractor):
    """The cue and layout rules alone, without the knowledge base's confirmations (extract/confirmed.py): the
    sentence-level tests below are about what the rules read."""
    from councilwatch.extract.pipeline import Extractor

    return Extractor(extractor.gazetteer)


def _scores(extractor, directory: Path, texts: dict | None = None):
    from councilwatch.extract.evaluate import evaluate, gold_pairs

    totals, _ = evaluate(extractor, gold_pairs(directory, texts))
    return totals


# blindsets 30-45: scored blind once (their RESULTS.md: memberships pooled 0.87 for 30-33, 0.85 for 34-37, 0.82 for
# 38-41, 0.88 for 42-45), 30-41 at every target since the fixes they led to, 42-45 (unfixed) at their blind level
MEETING = [EVALSET, BLINDSET2, BLINDSET3, *(ROOT / f"blindset{n}" for n in range(30, 46))]


@pytest.mark.parametrize("directory", MEETING, ids=[d.name for d in MEETING])
def test_held_out_sets_meet_the_issue_targets(extractor, directory):
    totals = _scores(extractor, directory)
    below = {k: round(totals[k].f1, 3) for k, target in TARGETS.items() if totals[k].f1 < target}
    detail = {k: [*totals[k].misses, *totals[k].extras] for k in below}
    assert not below, f"below target: {below}; misses and extras: {detail}"


def test_devset_stays_at_its_level(extractor):
    texts = {"seed": SEED} if SEED.exists() else None
    totals = _scores(extractor, DEVSET, texts)
    for kind in ("symbols", "states", "organisations", "dates"):
        assert totals[kind].f1 == 1.0, (kind, totals[kind].misses, totals[kind].extras)
    # Two extras are facts the devset's gold leaves out (EU candidate status of Moldova and Ukraine).
    assert totals["memberships"].recall == 1.0 and totals["memberships"].f1 >= 0.95


def test_evalset_gold_is_well_formed():
    from councilwatch.symbols import normalise

    with open(ROOT / "src/councilwatch/data/states.csv", encoding="utf-8") as f:
        states = {r["iso3"] for r in csv.DictReader(f)}
    # blindset19 counts Kosovo as a state under the EU's code; the knowledge base and the other sets do not
    states |= {"XKX"}
    sets = (EVALSET, BLINDSET2, BLINDSET3, *(ROOT / name for name in LEVELS))
    golds = [g for d in sets for g in sorted(d.glob("*.gold.json"))]
    assert len(golds) >= 289
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        assert all(normalise(s) == s for s in gold["symbols"]), path.name
        assert set(gold["states"]) <= states, (path.name, set(gold["states"]) - states)
        assert {m["state"] for m in gold["memberships"]} <= states, path.name
        for d in gold["dates"]:
            assert d["text"] in text and date.fromisoformat(d["earliest"]) <= date.fromisoformat(d["latest"]), d


# -- the general causes the blind run exposed, one behaviour each -----------------------------------------

def _dates(text: str, ref: date) -> list[tuple[str, str, str]]:
    from councilwatch.extract.dates import find_dates

    return [(d.text, d.value.earliest.isoformat(), d.value.latest.isoformat()) for d in find_dates(text, ref)]


@pytest.mark.parametrize("text, ref, want", [
    # a part of a month without a year
    ("Puntland declared in late March that it would leave.", date(2024, 9, 27), [("late March", "2024-03-21", "2024-03-31")]),
    # two consecutive days written as one expression; two separate days stay two
    ("Talks were held on 12 and 13 August.", date(2024, 9, 27), [("12 and 13 August", "2024-08-12", "2024-08-13")]),
    ("Talks were held on 3 and 10 August.", date(2024, 9, 27), [("3", "2024-08-03", "2024-08-03"), ("3 and 10 August", "2024-08-10", "2024-08-10")]),
    # the first end of a range takes the year written at its end
    ("It covers developments from 1 June to 31 August 2023.", date(2024, 9, 27),
     [("1 June", "2023-06-01", "2023-06-01"), ("31 August 2023", "2023-08-31", "2023-08-31")]),
    # the sentence's own year beats the document date when that would put the day years away
    ("Russia was suspended in early March 2022 and withdrew on 17 May.", date(2025, 2, 25),
     [("early March 2022", "2022-03-01", "2022-03-10"), ("17 May", "2022-05-17", "2022-05-17")]),
    ("Morocco applied in early 2017; leaders approved it in June of that year.", date(2024, 12, 15),
     [("early 2017", "2017-01-01", "2017-04-30"), ("June", "2017-06-01", "2017-06-30")]),
    # a mandate that "expires" looks ahead
    ("The current mandate expires on 30 April.", date(2024, 3, 27), [("30 April", "2024-04-30", "2024-04-30")]),
    # winter spans the turn of the year; "the last quarter"; a year range after "the"
    ("Strikes intensified during the winter of 2024-2025.", date(2025, 3, 1), [("the winter of 2024-2025", "2024-12-01", "2025-02-28")]),
    ("Casualties rose over the last quarter of 2023.", date(2024, 7, 1), [("the last quarter of 2023", "2023-10-01", "2023-12-31")]),
    ("Japan sat for the 2023-2024 term.", date(2024, 3, 1), [("2023-2024", "2023-01-01", "2024-12-31")]),
    # two consecutive days across a month's end are one span; a list of days writes its year once
    ("The ministers met on 30 April and 1 May 2023 in Riga.", date(2024, 3, 1),
     [("30 April and 1 May 2023", "2023-04-30", "2023-05-01")]),
    ("Votes were held on 28 February and 9 March 2021.", date(2024, 3, 1),
     [("28 February", "2021-02-28", "2021-02-28"), ("9 March 2021", "2021-03-09", "2021-03-09")]),
    # a semicolon does not end the sentence whose year a later day takes
    ("Kenya ratified on 2 February 2023; Uganda followed on 20 February.", date(2024, 3, 1),
     [("2 February 2023", "2023-02-02", "2023-02-02"), ("20 February", "2023-02-20", "2023-02-20")]),
    # present tenses that look ahead
    ("Ghana takes over the chair on 1 September.", date(2024, 6, 5), [("1 September", "2024-09-01", "2024-09-01")]),
    ("Leaders agreed to admit the applicant in November.", date(2024, 6, 5), [("November", "2024-11-01", "2024-11-30")]),
    ("The authorities are urged to hold the vote in October.", date(2024, 6, 5), [("October", "2024-10-01", "2024-10-31")]),
    # two months "from ... to" or "and" (not consecutive) are two dates; consecutive, dashed or "between" one span
    ("Its seat was suspended from March to October 2013.", date(2024, 3, 1),
     [("March", "2013-03-01", "2013-03-31"), ("October 2013", "2013-10-01", "2013-10-31")]),
    ("Summits met in January and July 2019.", date(2024, 3, 1),
     [("January", "2019-01-01", "2019-01-31"), ("July 2019", "2019-07-01", "2019-07-31")]),
    ("Talks ran in May and June 2019.", date(2024, 3, 1), [("May and June 2019", "2019-05-01", "2019-06-30")]),
    # nineteenth-century years after a preposition, not bare numbers
    ("The conference met from October 1889 to April 1890; 1850 delegates came in 1890.", date(2024, 3, 1),
     [("October 1889", "1889-10-01", "1889-10-31"), ("April 1890", "1890-04-01", "1890-04-30"), ("1890", "1890-01-01", "1890-12-31")]),
])
def test_date_forms(text, ref, want):
    assert _dates(text, ref) == want


def test_resolutions_without_the_assembly_named_and_without_a_year():
    from councilwatch.extract.pipeline import find_symbol_mentions

    text = ("The Assembly granted observer status by resolution 59/17 and, in resolution ES-11/4, rejected the annexation. "
            "Human Rights Council resolution 55/2 is another matter. The Council adopted resolution 2699 (2023); "
            "resolution 2699 was welcomed.\n2 October 2023S/RES/2699 This resolution authorised the mission.")
    found = [(s.text, s.symbol) for s in find_symbol_mentions(text)]
    assert ("resolution 59/17", "A/RES/59/17") in found and ("resolution ES-11/4", "A/RES/ES-11/4") in found
    assert not any(s == "A/RES/55/2" for _, s in found)
    assert {s for _, s in found if "2699" in s} == {"S/RES/2699 (2023)"}
    assert len([1 for _, s in found if s == "S/RES/2699 (2023)"]) == 3


def _memberships(extractor, text: str, ref: date) -> set[tuple[str, str, str]]:
    return {(m.organisation, m.state, m.status) for m in extractor.extract_text(text, ref).memberships}


@pytest.mark.parametrize("text, want", [
    (("The three countries had been suspended from ECOWAS following the coups in Mali in 2020, "
      "in Burkina Faso in 2022 and in Niger in July 2023."),
     {("ECOWAS", "MLI", "suspended"), ("ECOWAS", "BFA", "suspended"), ("ECOWAS", "NER", "suspended")}),
    ("Finland and Sweden are now Allies, having joined NATO on 4 April 2023 and 7 March 2024 respectively.",
     {("NATO", "FIN", "member"), ("NATO", "SWE", "member")}),
    ("Guyana, a CARICOM member, has been active. Papua New Guinea, an ASEAN observer since 1976, sent its minister.",
     {("CARICOM", "GUY", "member"), ("ASEAN", "PNG", "observer")}),
    ("The European Council granted Ukraine candidate status on 23 June 2022, together with the Republic of Moldova.",
     {("EU", "UKR", "accession_initiated"), ("EU", "MDA", "accession_initiated")}),
    ("On 16 March 2022 the Committee of Ministers decided that Russia ceased to be a member of the Council of Europe.",
     {("COE", "RUS", "withdrawn")}),
    ("Malaysia and Thailand have been BRICS partner countries since 1 January.",
     {("BRICS", "MYS", "partner"), ("BRICS", "THA", "partner")}),
    ("Somalia thus became the eighth Partner State of the East African Community (EAC).", {("EAC", "SOM", "member")}),
    # not memberships: a treaty, and an organisation's own status
    (("NATO members objected. Russia suspended its participation in the Treaty on Conventional Armed Forces in Europe "
      "in 2007 and withdrew from it in November 2023."), set()),
    (("Introducing the CSTO text, the representative of Kazakhstan recalled that the Organization had been granted "
      "observer status in the Assembly by resolution 59/17 of 2 December 2004."), set()),
])
def test_membership_statements(rules, text, want):
    assert _memberships(rules, text, date(2024, 12, 1)) == want


# -- the general causes the second blind run (blindset2) exposed; sentences written for these tests ---------

@pytest.mark.parametrize("text, want", [
    # enumerations: a count says the list is the membership, the organisation is the one the text is about
    ("The Eurasian Economic Union met in Minsk. Its summit brought together all five member states: Russia, Belarus, "
     "Kazakhstan, Kyrgyzstan and Armenia.",
     {("EAEU", s, "member") for s in ("RUS", "BLR", "KAZ", "KGZ", "ARM")}),
    ("The CSTO has six members (Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan) and no observers.",
     {("CSTO", s, "member") for s in ("RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK")}),
    # founders; a state named in an aside is listed too
    ("The Gulf Cooperation Council was established in Abu Dhabi in May 1981 by Bahrain, Kuwait, Oman, Qatar, "
     "Saudi Arabia and the United Arab Emirates.",
     {("GCC", s, "member") for s in ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")}),
    ("The League of Arab States was founded in 1945 by Egypt, Transjordan (now Jordan), Lebanon and Syria.",
     {("LAS", s, "member") for s in ("EGY", "JOR", "LBN", "SYR")}),
    ("ECOWAS was founded in 1975 by fifteen states, among them Dahomey (now Benin) and Ghana.", set()),
    # copular statuses without "of": the organisation of the paragraph
    ("The OSCE Permanent Council met in Vienna on Thursday. Mongolia remains a full member.",
     {("OSCE", "MNG", "member")}),
    ("Brazil and India hold observer status in the League of Arab States.",
     {("LAS", "BRA", "observer"), ("LAS", "IND", "observer")}),
    ("Nicaragua spoke at CELAC, of which Cuba and Venezuela remain members, rather than at the OAS.",
     {("CELAC", "CUB", "member"), ("CELAC", "VEN", "member")}),
    ("Kuwait and Qatar, both members of the GCC and of the League of Arab States, abstained.",
     {("GCC", "KWT", "member"), ("GCC", "QAT", "member"), ("LAS", "KWT", "member"), ("LAS", "QAT", "member")}),
    # admission, readmission, suspension and withdrawal in their other forms
    ("Egypt was suspended from the Arab League in 1979. Libya was suspended on 22 February 2011 and readmitted in "
     "August 2011.", {("LAS", "EGY", "suspended"), ("LAS", "LBY", "suspended"), ("LAS", "LBY", "member")}),
    ("Timor-Leste was admitted to ASEAN in October 2025.", {("ASEAN", "TLS", "member")}),
    ("The African Union, which suspended Gabon in August 2023, lifted the measure in 2025.", {("AU", "GAB", "suspended")}),
    ("The bloc noted the withdrawal of Mali and Niger from ECOWAS, which took effect in January 2025.",
     {("ECOWAS", "MLI", "withdrawn"), ("ECOWAS", "NER", "withdrawn")}),
    ("Georgia left the CIS in 2009 after 16 years of membership.", {("CIS", "GEO", "withdrawn"), ("CIS", "GEO", "member")}),
    ("Venezuela's notice of withdrawal from the OAS took effect in April 2019.", {("OAS", "VEN", "withdrawn")}),
    # "the bank" is the organisation last called a bank, not the last organisation named
    ("The New Development Bank (NDB) differs from BRICS. The bank admitted Bangladesh in 2021.", {("NDB", "BGD", "member")}),
    # not memberships: invitations, the object of someone else's leaving, negations
    ("Leaders invited Argentina and Egypt to become full members from 1 January 2024.", set()),
    ("The freeze leaves the organisation in an awkward position, since Armenia has not renounced its rights.", set()),
    ("Azerbaijan is not a member of the CSTO.", set()),
])
def test_membership_statements_second_blind_set(rules, text, want):
    assert _memberships(rules, text, date(2025, 7, 1)) == want


@pytest.mark.parametrize("text, want", [
    ("What's in Blue\nPosted Wed 13 Nov 2024\n\nYemen: Vote", date(2024, 11, 13)),
    ("League of Arab States\nJeddah, Kingdom of Saudi Arabia, 19 May 2023\n\nDECLARATION", date(2023, 5, 19)),
    # a letter cited in running text is not the document's date; the report's own date line is
    ("Report\n1. Submitted pursuant to the letter dated 25 November 2021 from the President.\n"
     "                31 May 2024\n", date(2024, 5, 31)),
])
def test_document_date_forms(text, want):
    from councilwatch.extract.dates import document_date

    assert document_date(text)[0] == want


# -- and those the third blind run (blindset3) exposed ------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("ASEAN leaders met in Kuala Lumpur. The enlarged association now comprises Brunei Darussalam, Cambodia and Laos.",
     {("ASEAN", s, "member") for s in ("BRN", "KHM", "LAO")}),
    ("The Collective Security Treaty Organization, created in 2002, is made up of Armenia, Belarus and Russia.",
     {("CSTO", s, "member") for s in ("ARM", "BLR", "RUS")}),
    ("ASEAN sent observers. The delegation comprises France and Germany.", set()),
    ("Summit was attended by all SADC Member States, namely: the Republic of Angola; the Republic of Botswana.",
     {("SADC", "AGO", "member"), ("SADC", "BWA", "member")}),
    ("The EAEU was established by a treaty signed in Astana on 29 May 2014 by Belarus, Kazakhstan and Russia.",
     {("EAEU", s, "member") for s in ("BLR", "KAZ", "RUS")}),
    ("The Secretariat informed the Observer States of the Council of Europe (Canada, Japan and Mexico).",
     {("COE", s, "observer") for s in ("CAN", "JPN", "MEX")}),
    ("The Pacific Islands Forum met in Tonga. The Forum's dialogue partners, among them China and Japan, meet on Friday.",
     {("PIF", "CHN", "dialogue_partner"), ("PIF", "JPN", "dialogue_partner")}),
    ("Zimbabwe was suspended from the councils of the Commonwealth in March 2002 and withdrew in December 2003.",
     {("COMMONWEALTH", "ZWE", "suspended"), ("COMMONWEALTH", "ZWE", "withdrawn")}),
    ("Fiji was reinstated as a full member of the Commonwealth in 2014.", {("COMMONWEALTH", "FJI", "member")}),
    # not memberships: an organisation as the subject, a declined invitation
    ("The Russian Federation recalled that MINUSTAH had left in 2017.", set()),
    ("Eritrea has declined invitations to become a full member of the League of Arab States.", set()),
])
def test_membership_statements_third_blind_set(rules, text, want):
    assert _memberships(rules, text, date(2025, 7, 1)) == want


def test_a_one_word_short_form_names_the_organisation_named_in_full(extractor):
    text = "The Commonwealth of Independent States met. Moscow accused Chisinau of turning its back on the Commonwealth."
    assert {e.id for e in extractor.extract_text(text, date(2025, 7, 1)).entities if e.kind == "organisation"} == {"CIS"}


def test_a_member_of_the_organisation_a_head_noun_names(extractor):
    """"the Movement" is the Non-Aligned Movement, not the organisations the rest of the sentence names."""
    text = ("The Non-Aligned Movement met in Kampala. The Bureau stands with the State of Palestine, a full member of the "
            "Movement, and thanks the League of Arab States.")
    assert _memberships(extractor, text, date(2025, 6, 1)) == {("NAM", "PSE", "member")}


# Sets still below the memberships target (their RESULTS.md), each held at its level so that a change that loses ground
# on one of them is seen: memberships floors just under the figures after the fixes they led to.
LEVELS = {"blindset4": 0.83, "blindset5": 0.79, "blindset6": 0.88, "blindset7": 0.85, "blindset8": 0.83, "blindset9": 0.81,
          "blindset10": 0.90, "blindset11": 0.74, "blindset12": 0.84, "blindset13": 0.81, "blindset14": 0.82,
          "blindset15": 0.78, "blindset16": 0.87, "blindset17": 0.80, "blindset18": 0.59, "blindset19": 0.74,
          "blindset20": 0.84, "blindset21": 0.83,  # 20 and 21: their blind memberships level, not fixed against
          "blindset22": 0.74, "blindset23": 0.76,  # 22 and 23: their blind level, not fixed against
          "blindset24": 0.82, "blindset25": 0.83, "blindset26": 0.82, "blindset27": 0.72,
          "blindset28": 0.73, "blindset29": 0.83}  # 28 and 29: blind at 0.585 and 0.836; 28's table of RECs fixed after


@pytest.mark.parametrize("name", sorted(LEVELS))
def test_later_blind_sets_stay_at_their_level(extractor, name):
    totals = _scores(extractor, ROOT / name)
    floors = {**{k: v for k, v in TARGETS.items() if k != "memberships"}, "memberships": LEVELS[name]}
    for kind, floor in floors.items():
        assert totals[kind].f1 >= floor, (kind, round(totals[kind].f1, 3))


@pytest.mark.parametrize("text, want", [
    ("The Andean Community (CAN) met. What remains is a compact bloc of four: Bolivia, Colombia, Ecuador and Peru.",
     {("CAN", s, "member") for s in ("BOL", "COL", "ECU", "PER")}),
    ("The Andean Community (CAN) began as the Andean Pact. Its five signatories were Bolivia, Chile, Colombia, Ecuador "
     "and Peru.", {("CAN", s, "member") for s in ("BOL", "CHL", "COL", "ECU", "PER")}),
    ("The Andean Community lost Chile in 1976. Chile came back in September 2006, although only as an associate member.",
     {("CAN", "CHL", "associate_member")}),
    ("Somalia, which has belonged to the League of Arab States since 1974, joined the EAC.",
     {("LAS", "SOM", "member"), ("EAC", "SOM", "member")}),
    ("Ethiopia, IGAD's most populous member, did not attend. Congo and Tanzania are both SADC members.",
     {("IGAD", "ETH", "member"), ("SADC", "COG", "member"), ("SADC", "TZA", "member")}),
    ("The OIF reviewed the member States whose participation is suspended: Mali (since June 2021), Guinea "
     "(since September 2021) and Niger.", {("OIF", s, "participation_frozen") for s in ("MLI", "GIN", "NER")}),
    # "united" in "the United States" is not a verb of membership
    ("Yerevan deepened ties with the European Union and the United States and bought radars from France and India.", set()),
])
def test_membership_statements_fourth_blind_set(rules, text, want):
    assert _memberships(rules, text, date(2025, 7, 1)) == want


@pytest.mark.parametrize("text, want", [
    # a status in apposition to states, with its organisation before, after or in a possessive
    ("Kenya and Uganda, both IGAD members, abstained.",
     {("IGAD", "KEN", "member"), ("IGAD", "UGA", "member")}),
    ("Mongolia, an observer of the SCO since 2004, sent its foreign minister.",
     {("SCO", "MNG", "observer")}),
    ("The CSTO met in Minsk. Kazakhstan, one of the organisation's founding members, hosted the session.",
     {("CSTO", "KAZ", "member")}),
    ("At the table sat the bloc's three ASEAN members, Indonesia, Malaysia and Thailand.",
     {("ASEAN", s, "member") for s in ("IDN", "MYS", "THA")}),
    # an adverb before a passive; "joined" and a lapse of time; "the bank" as the organisation of "accession to"
    ("Mali had already been suspended by ECOWAS in 2021.", {("ECOWAS", "MLI", "suspended")}),
    ("The EAC was revived in 2000. Burundi joined seven years later.", {("EAC", "BDI", "member")}),
    ("The New Development Bank (NDB) grew: Egypt completed its accession to the bank in 2023, after BRICS had invited it.",
     {("NDB", "EGY", "member")}),
    # a status put first; a status with its holders listed after it, one of them with an aside
    ("As a member of the African Union, Ghana backed the text.",
     {("AU", "GHA", "member")}),
    ("The SCO's dialogue partners include Armenia, which was admitted in 2015, as well as Cambodia and Nepal.",
     {("SCO", s, "dialogue_partner") for s in ("ARM", "KHM", "NPL")}),
    # a verb on counted members; members of a named organisation listed after "namely"
    ("ECOWAS suspended two of its members — Guinea and Niger — after the coups.",
     {("ECOWAS", s, st) for s in ("GIN", "NER") for st in ("member", "suspended")}),
    ("It wrote to the member states of the Economic Community of Central African States (ECCAS), namely Angola, Burundi and Cameroon.",
     {("ECCAS", s, "member") for s in ("AGO", "BDI", "CMR")}),
    # a relative "which joined the Union"; founders; states admitted; "among its founding members"
    ("The Eurasian Economic Union was formed in 2015. Armenia, which joined the Union later that year, hosted the summit.",
     {("EAEU", "ARM", "member")}),
    ("Belarus, one of the three states that founded the CIS, hosted the summit.",
     {("CIS", "BLR", "member")}),
    ("The EAC has grown, with South Sudan and Somalia admitted in 2016 and 2023.",
     {("EAC", "SSD", "member"), ("EAC", "SOM", "member")}),
    ("NATO was founded in 1949 with Norway among its founding members.",
     {("NATO", "NOR", "member")}),
    ("SADC met in Harare. South Africa, the bloc's largest economy and most industrialised member, hosted.",
     {("SADC", "ZAF", "member")}),
    ("Türkiye, a NATO ally, objected.",
     {("NATO", "TUR", "member")}),
    # a possessive state "as a member"; "like X"; a possessive organisation before a dashed list; a bare application;
    # "our" partners in a summit's statement; plural "dialogue partners"
    ("Cabo Verde's long experience as a member of ECOWAS helps.", {("ECOWAS", "CPV", "member")}),
    ("Portugal's minister, speaking as a member State of the European Union, said.", {("EU", "PRT", "member")}),
    ("Like Kenya, both Rwanda and Burundi are also members of the EAC.", {("EAC", s, "member") for s in ("KEN", "RWA", "BDI")}),
    ("Belize, like Guatemala a SICA member, abstained.", {("SICA", "BLZ", "member"), ("SICA", "GTM", "member")}),
    ("The Eurasian Economic Union met. Its envoy, speaking on behalf of the organization's member States - Armenia, "
     "Belarus and Kazakhstan - said.", {("EAEU", s, "member") for s in ("ARM", "BLR", "KAZ")}),
    ("The EU met. Montenegro applied in 2008.", {("EU", "MNE", "accession_initiated")}),
    ("Joint Statement of the 20th ASEAN Summit. We welcomed EU envoys. We thanked our Dialogue Partners, among them Canada "
     "and New Zealand.", {("ASEAN", "CAN", "dialogue_partner"), ("ASEAN", "NZL", "dialogue_partner")}),
    ("The SCO met. Cambodia and Nepal became dialogue partners in 2015.",
     {("SCO", "KHM", "dialogue_partner"), ("SCO", "NPL", "dialogue_partner")}),
    # an apposition after "as well as" is the last group's; exclusion from participation is a suspension
    ("Serbia and Albania, as well as Switzerland and Liechtenstein, members of the European Free Trade Association, aligned "
     "themselves.", {("EFTA", "CHE", "member"), ("EFTA", "LIE", "member")}),
    ("Cuba was excluded from participation in the OAS in 1962.", {("OAS", "CUB", "suspended")}),
    ("Russia was expelled from the Council of Europe in 2022.", {("COE", "RUS", "withdrawn")}),
    # a status said of its subject with a copula; "stayed in"; "members of X now include ..."; "whose eight member
    # states include"; "as NATO members"; an organisation before the noun ends the phrase
    ("Jamaica remains an active member of CARICOM.", {("CARICOM", "JAM", "member")}),
    ("Laos and Cambodia are also long-standing members of ASEAN.", {("ASEAN", "LAO", "member"), ("ASEAN", "KHM", "member")}),
    ("Only Armenia and Belarus stayed in the CSTO after 2012.", {("CSTO", "ARM", "member"), ("CSTO", "BLR", "member")}),
    ("Members of NATO now include two Nordic newcomers, Finland and Sweden.", {("NATO", "FIN", "member"), ("NATO", "SWE", "member")}),
    ("The EAC, whose eight member states include Kenya and Somalia, met.", {("EAC", "KEN", "member"), ("EAC", "SOM", "member")}),
    ("Spain and Italy, as NATO members, backed the plan.", {("NATO", "ESP", "member"), ("NATO", "ITA", "member")}),
    ("Kenya and Uganda, the two IGAD members most involved in the talks, objected.",
     {("IGAD", "KEN", "member"), ("IGAD", "UGA", "member")}),
    ("Norway is not a member of the European Union.", set()),
    ("Norway remains outside the European Union.", set()),
    # "groups", "also form", "two of its members", a lifted suspension, suspended participation, "the 15-member body",
    # "welcomed X as its eighth member", "X's membership of", "X's observer seat", "Poland's NATO allies", "applied and",
    # "has been a dialogue partner"
    ("SICA, founded in 1991, groups Belize, Guatemala and Honduras.",
     {("SICA", s, "member") for s in ("BLZ", "GTM", "HND")}),
    ("Four of them - Benin, Niger, Mali and Togo - also form the West African Economic and Monetary Union (WAEMU).",
     {("WAEMU", s, "member") for s in ("BEN", "NER", "MLI", "TGO")}),
    ("The SADC summit noted tension between two of its members, Zambia and Malawi.",
     {("SADC", "ZMB", "member"), ("SADC", "MWI", "member")}),
    ("The Commonwealth has lifted the suspension it imposed on Fiji.",
     {("COMMONWEALTH", "FJI", "suspended")}),
    ("Guinea, whose participation in the Organisation internationale de la Francophonie had been suspended after the coup, complained.",
     {("OIF", "GIN", "suspended")}),
    ("ECOWAS met. The 15-member body has also suspended Guinea after the coup.",
     {("ECOWAS", "GIN", "suspended")}),
    ("The EAC welcomed Somalia as its eighth member in 2024.",
     {("EAC", "SOM", "member")}),
    ("Kyrgyzstan's membership of the Eurasian Economic Union dates from 2015.",
     {("EAEU", "KGZ", "member")}),
    ("The ASEAN summit met. Timor-Leste's observer seat was kept.",
     {("ASEAN", "TLS", "observer")}),
    ("Poland's NATO allies Lithuania and Latvia agreed.",
     {("NATO", s, "member") for s in ("POL", "LTU", "LVA")}),
    ("The EU met. Turkey applied and waited.",
     {("EU", "TUR", "accession_initiated")}),
    ("The SCO met. Nepal has been a dialogue partner since 2015.",
     {("SCO", "NPL", "dialogue_partner")}),
    ("Russia applied pressure on Kyiv.", set()),
    # a withdrawal that took effect; founders after "re-launched" and after an acronym in brackets and a dash; a
    # "where" aside before the verb; "counts ... among its members"
    ("Uzbekistan's withdrawal from the CSTO took effect in December 2012.", {("CSTO", "UZB", "withdrawn")}),
    ("The Arab Maghreb Union was re-launched by a charter signed on Feb. 17, 1989, by Algeria, Libya and Tunisia.",
     {("AMU", s, "member") for s in ("DZA", "LBY", "TUN")}),
    ("SADC was created in 1980 as the Southern African Development Coordination Conference (SADCC) by nine countries of "
     "southern Africa — Angola, Botswana and Zambia among them.", {("SADC", s, "member") for s in ("AGO", "BWA", "ZMB")}),
    ("ECOWAS met. Mali, where soldiers seized power in 2020, remains suspended from the 15-member bloc.",
     {("ECOWAS", "MLI", "suspended")}),
    ("The OIC met. The Organisation counts Albania and Uganda among its members.", {("OIC", "ALB", "member"), ("OIC", "UGA", "member")}),
    # a UN office has no member states: a status said without an organisation is the last one that has members
    ("The OSCE met in Vienna. The UN Office for West Africa and the Sahel (UNOWAS) briefed. Mongolia, a participating State "
     "since 2012, spoke.", {("OSCE", "MNG", "member")}),
    ("The European Union met. UNOCA briefed. Serbia and Albania, both candidate countries, spoke.",
     {("EU", "SRB", "accession_initiated"), ("EU", "ALB", "accession_initiated")}),
    ("The EU met. The United Kingdom, which left the Union on 31 January 2020, coordinated.", {("EU", "GBR", "withdrawn")}),
    ("The EU met. Accession negotiations with Ukraine and the Republic of Moldova were opened in 2024.",
     {("EU", "UKR", "accession_initiated"), ("EU", "MDA", "accession_initiated")}),
    ("The EU met. Compare Moldova, which applied in March 2022.", {("EU", "MDA", "accession_initiated")}),
    # not statuses: a relation between states, a negation, a confession, the Security Council
    ("Russia, a partner of China, objected.",
     set()),
    ("Egypt, which is not an IGAD member, attended.",
     set()),
    ("Iran admitted that it had enriched uranium.",
     set()),
    ("Cuba is neither a member nor an observer of the OAS.",
     set()),
    ("The Security Council met. Guyana, a member of the Council, spoke.",
     set()),
])
def test_membership_phrases_read_on_the_masked_sentence(rules, text, want):
    assert _memberships(rules, text, date(2025, 7, 1)) == want


@pytest.mark.parametrize("text, want", [
    # a table: a status column with dates, a column named by its organisation, a column of statuses
    ("Table 2. Observers of the Organization of American States (selection)\n\nCountry | Observer since | Notes\n"
     "Spain | 1972 | permanent observer\nJapan | 1973 | —\n", {("OAS", "ESP", "observer"), ("OAS", "JPN", "observer")}),
    ("3. States in both organisations\n\nState | Joined the Commonwealth | Status in La Francophonie\nRwanda | 2009 | member\n"
     "Ghana | 1957 | member (associate member 2006-2024)\nMozambique | 1995 | observer\n",
     {("COMMONWEALTH", s, "member") for s in ("RWA", "GHA", "MOZ")}
     | {("OIF", "RWA", "member"), ("OIF", "GHA", "member"), ("OIF", "GHA", "associate_member"), ("OIF", "MOZ", "observer")}),
    ("Suspensions by the ECOWAS Authority\n\n| State | Suspended | Lifted |\n|---|---|---|\n| Guinea | 2021 | 2024 |\n"
     "| Mali | 2021 | — |\n", {("ECOWAS", "GIN", "suspended"), ("ECOWAS", "MLI", "suspended")}),
    # labelled lists, dated lists under an intro about growth, a chronology in the present tense
    ("The Shanghai Cooperation Organisation at a glance\n\n- Founding members: China, Kazakhstan, Kyrgyzstan, Russia, "
     "Tajikistan and Uzbekistan\n- Observers: Afghanistan and Mongolia\n",
     {("SCO", s, "member") for s in ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")}
     | {("SCO", "AFG", "observer"), ("SCO", "MNG", "observer")}),
    ("NATO has grown in rounds since 1949:\n\n- 1999: Czechia, Hungary and Poland\n- 2004: Bulgaria and Estonia\n",
     {("NATO", s, "member") for s in ("CZE", "HUN", "POL", "BGR", "EST")}),
    ("Commonwealth timeline\n\n- 1972: Pakistan leaves after Bangladesh is recognised.\n- 1989: Pakistan rejoins.\n"
     "- 2009: Fiji is suspended.\n",
     {("COMMONWEALTH", "PAK", "withdrawn"), ("COMMONWEALTH", "PAK", "member"), ("COMMONWEALTH", "FJI", "suspended")}),
    # a second predicate after "; it", asides between listed states, an adverb before "as an associate member"
    ("La Francophonie timeline\n\n- 2010: Estonia is admitted directly as an observer.\n- 2004 and 2006: Austria (2004) and "
     "Greece (2006) become members.\n- 2013: Thailand withdraws; it rejoins in 2016.\n",
     {("OIF", "EST", "observer"), ("OIF", "AUT", "member"), ("OIF", "GRC", "member"), ("OIF", "THA", "withdrawn"),
      ("OIF", "THA", "member")}),
    # a record's field lines ("Member States (3): ...", "Former members: ..."); organisations in brackets after states;
    # columns named by organisations hold what the caption says, and a cell may name its own organisation
    ("Annex\n\nSouthern African Development Community (SADC)\nEstablished: 17 August 1992\nMember States (3): Angola, "
     "Botswana, Zambia\nFormer members: Seychelles (2004)\nNotes: Seychelles rejoined in 2008.\n",
     {("SADC", s, "member") for s in ("AGO", "BWA", "ZMB", "SYC")} | {("SADC", "SYC", "withdrawn")}),
    ("Overlapping memberships. Two: Kenya and Uganda (EAC, IGAD); Angola (ECCAS, SADC).",
     {("EAC", "KEN", "member"), ("EAC", "UGA", "member"), ("IGAD", "KEN", "member"), ("IGAD", "UGA", "member"),
      ("ECCAS", "AGO", "member"), ("SADC", "AGO", "member")}),
    ("Table 3. Suspensions after coups in two cases\n\n| State | AU | ECOWAS / SADC |\n|---|---|---|\n| Niger | July 2023 | "
     "ECOWAS: July 2023 |\n| Madagascar | March 2009 | SADC: March 2009 |\n",
     {("AU", "NER", "suspended"), ("AU", "MDG", "suspended"), ("ECOWAS", "NER", "suspended"), ("SADC", "MDG", "suspended")}),
    # "are in the Commonwealth" (not "in the ECOWAS region"); "all belong"; a frozen membership; plural observers; members
    # "on the Council"; dialogue relations; a chronology item's own organisation
    ("Ghana and Nigeria are in the Commonwealth, Liberia is not.",
     {("COMMONWEALTH", "GHA", "member"), ("COMMONWEALTH", "NGA", "member")}),
    ("Kenya is in the ECOWAS region.", set()),
    ("On the OIC side, Chad, Niger and Mali all belong.", {("OIC", s, "member") for s in ("TCD", "NER", "MLI")}),
    ("The CSTO met. Uzbekistan froze its membership in 2012.", {("CSTO", "UZB", "participation_frozen")}),
    ("The EAEU met. Uzbekistan and Cuba were admitted as observers in December 2020.",
     {("EAEU", "UZB", "observer"), ("EAEU", "CUB", "observer")}),
    ("The three EU members on the Council, France, Ireland and Estonia, spoke.", {("EU", s, "member") for s in ("FRA", "IRL", "EST")}),
    ("The SCO maintains formal dialogue relations with Nepal and Cambodia.",
     {("SCO", "NPL", "dialogue_partner"), ("SCO", "KHM", "dialogue_partner")}),
    ("EFTA timeline\n\n- 1973: Denmark joins the European Communities.\n", {("EU", "DNK", "member")}),
    # "former Member States" were members and withdrew; an acronym in brackets after the organisation; an aside that
    # names a status before the verb; "expelled X"; a bare "withdrew." ending the clause; states founding an organisation
    ("COMESA met in Lusaka. The Summit noted that Tanzania and Lesotho, former Member States, were invited back.",
     {("COMESA", s, st) for s in ("TZA", "LSO") for st in ("member", "withdrawn")}),
    ("As a member of the Eurasian Economic Union (EAEU), Armenia abstained.", {("EAEU", "ARM", "member")}),
    ("Belarus, still formally a member of the Commonwealth of Independent States, froze its participation in the "
     "organisation in 2025.", {("CIS", "BLR", "member"), ("CIS", "BLR", "participation_frozen")}),
    ("On 16 March 2022 the Committee of Ministers of the Council of Europe expelled Russia.", {("COE", "RUS", "withdrawn")}),
    ("The CSTO shrank in 1999, when Azerbaijan, Georgia and Uzbekistan withdrew.",
     {("CSTO", s, "withdrawn") for s in ("AZE", "GEO", "UZB")}),
    ("In 1997 Bangladesh and four other states founded the Bay of Bengal Initiative for Multi-Sectoral Technical and "
     "Economic Cooperation in Bangkok.", {("BIMSTEC", "BGD", "member")}),
    ("Russian forces withdrew.", set()),
    # a hedge in an earlier clause does not reach past "and"; "founders:"; an adverb after "admitted"; "as a dialogue
    # partner"; "remains suspended by"; "the Eurasian union" as a head noun with its modifier
    ("The EAEU met. Kazakhstan has not applied to join the OIC's observer group and remains a full member of the Eurasian "
     "union.", {("EAEU", "KAZ", "member")}),
    ("The CIS was set up in December 1991 with three founders: Belarus, Russia and Ukraine.",
     {("CIS", s, "member") for s in ("BLR", "RUS", "UKR")}),
    ("The Council of Europe met. Andorra was admitted unanimously on 10 November 1994.", {("COE", "AND", "member")}),
    ("The SCO met. Sri Lanka has worked with the Organization as a dialogue partner since 2010.",
     {("SCO", "LKA", "dialogue_partner")}),
    ("Mali remains suspended by ECOWAS.", {("ECOWAS", "MLI", "suspended")}),
    # "his country" / "whose country" is the state its speaker stands for; "one of the OSCE's six ... Partners"; a
    # trading partner is no status
    ("Kenya's delegate added that his country was a member of the African Union, IGAD and the East African Community.",
     {("AU", "KEN", "member"), ("IGAD", "KEN", "member"), ("EAC", "KEN", "member")}),
    ("Tunisia's representative said that her country was one of the OSCE's six Mediterranean Partners for Co-operation.",
     {("OSCE", "TUN", "partner")}),
    ("Montenegro's delegate, whose country is a candidate for membership of the European Union, spoke.",
     {("EU", "MNE", "accession_initiated")}),
    ("The EAEU met. Kazakhstan remains a member, and China is still its main trading partner.", {("EAEU", "KAZ", "member")}),
    # a heading "Members (4):" with its list in bullets; a field with a long aside and "- all since"; organisations
    # listed in a table cell, each with its own status (an invitation not taken up is none)
    ("2. SOUTHERN AFRICAN DEVELOPMENT COMMUNITY (SADC)\nFounded: 17 August 1992\nMembers (4):\n- Angola, Botswana - founding "
     "members, 17 August 1992\n- Namibia - 1990\n- Comoros* - 2017\nDialogue partners (2): Japan, the European Union\n"
     "Observers: Norway, Sweden (all since 2001)\n",
     {("SADC", s, "member") for s in ("AGO", "BWA", "NAM", "COM")} | {("SADC", "JPN", "dialogue_partner")}
     | {("SADC", "NOR", "observer"), ("SADC", "SWE", "observer")}),
    ("The Nordic Council of Ministers reports.\n\nMembers (3): Denmark (including Greenland and the Faroe Islands), Finland, "
     "Iceland - all since 1971\n", {("NORDIC_COUNCIL", s, "member") for s in ("DNK", "FIN", "ISL")}),
    ("Table 2. Memberships of three states\n\nCountry | Memberships\nPeru | Pacific Alliance (founding member, 2011); OECD "
     "accession candidate (since 2022)\nChile | OECD (since 2010); invited to join BRICS, membership not confirmed\n",
     {("PACIFIC_ALLIANCE", "PER", "member"), ("OECD", "PER", "accession_initiated"), ("OECD", "CHL", "member")}),
    # a mission has contributors, not members; "isn't" negates; "South American" is no state
    ("The ECOWAS Stabilisation Support Mission in Guinea-Bissau (ESSMGB) left. Mali, Niger and Burkina Faso, all founding "
     "members of the Community, left ECOWAS.",
     {("ECOWAS", s, st) for s in ("MLI", "NER", "BFA") for st in ("member", "withdrawn")}),
    ("The GCC met. Egypt, which isn't a GCC member, attended.", set()),
    ("Two South American states are OIC members: Suriname and Guyana.", {("OIC", "SUR", "member"), ("OIC", "GUY", "member")}),
    # "a Dialogue Partner of ASEAN" (not a plain partner); a subject list does not run back across ";"; "signed on:";
    # "entered NATO"; "which Afghanistan helped found"; "fellow EU member States"; "an associate member" is no member
    ("We noted the interest of India, a Dialogue Partner of ASEAN since 1996.", {("ASEAN", "IND", "dialogue_partner")}),
    ("Its member States are Armenia, Belarus and Kazakhstan; Turkmenistan is an associate member of the CIS.",
     {("CIS", "TKM", "associate_member")}),
    ("The SCO grew. At Astana in 2017 two more states signed on: India and Pakistan.", {("SCO", "IND", "member"), ("SCO", "PAK", "member")}),
    ("Estonia, Latvia and Lithuania entered NATO on 29 March 2004.", {("NATO", s, "member") for s in ("EST", "LVA", "LTU")}),
    ("The Arab Maghreb Union (AMU), which Morocco helped found in 1989, is dormant.", {("AMU", "MAR", "member")}),
    ("Estonia will sit alongside fellow European Union member States Denmark and Latvia.",  # "fellow": Estonia too
     {("EU", "EST", "member"), ("EU", "DNK", "member"), ("EU", "LVA", "member")}),
    # founders named with their organisation's head noun, or with an organisation the text does not know
    ("The EAC was revived in 2000. The founders were Kenya, Tanzania and Uganda; Rwanda and Burundi joined in 2007.",
     {("EAC", s, "member") for s in ("KEN", "TZA", "UGA", "RWA", "BDI")}),
    ("The EAEU met. The Fund's founders were Kazakhstan, Kyrgyzstan and Tajikistan.", set()),
    # an organisation named in the clause right after an apposition; "without belonging" negates
    ("COMESA met. Lesotho and Angola, former Member States that withdrew from the Southern African Development Community, "
     "were named.", {("SADC", s, st) for s in ("LSO", "AGO") for st in ("member", "withdrawn")}),
    ("Norway and Iceland, the two members of EFTA, are tied to the EU's market without belonging to the bloc.",
     {("EFTA", "NOR", "member"), ("EFTA", "ISL", "member")}),
    # an organ stands for its organisation
    ("The Commonwealth Ministerial Action Group (CMAG) suspended Fiji in 2009.", {("COMMONWEALTH", "FJI", "suspended")}),
    # columns named by organisations whose cells say the status ("observer (2020)", "withdrew (2012)", "not a member")
    ("Table 4. Memberships of three states\n\nState | CIS | CSTO | SCO\nKazakhstan | member | member | member (founder)\n"
     "Turkmenistan | associate member (2005) | not a member | guest only\nUzbekistan | member | withdrew (2012) | observer (2004)\n",
     {("CIS", "KAZ", "member"), ("CSTO", "KAZ", "member"), ("SCO", "KAZ", "member"), ("CIS", "TKM", "associate_member"),
      ("CIS", "UZB", "member"), ("CSTO", "UZB", "withdrawn"), ("SCO", "UZB", "observer")}),
    # a state labelling the organisations it belongs to ("but not" ends the list); a bare "entered in 1995"
    ("Who is in which club:\n\n- Rwanda: EAC, ECCAS and COMESA\n- Tanzania: EAC and SADC, but not COMESA\n",
     {("EAC", "RWA", "member"), ("ECCAS", "RWA", "member"), ("COMESA", "RWA", "member"), ("EAC", "TZA", "member"),
      ("SADC", "TZA", "member")}),
    ("ASEAN grew. Laos, once wary, entered in 1997. The treaty entered into force on 1 July.", {("ASEAN", "LAO", "member")}),
    # a plain-text table whose columns a line of dashes marks; a cell's own status word ("EU candidate")
    ("The Organization of the Black Sea Economic Cooperation (BSEC) has thirteen members.\n\n"
     "Member State   Joined   Other memberships (year of entry)\n------------   ------   ---------------------------------\n"
     "Albania        1992     NATO (2009); EU candidate (2014)\nGreece         1992     NATO (1952); EU (1981)\n"
     "Serbia         2004     EU candidate (2012)\n",
     {("BSEC", "ALB", "member"), ("BSEC", "GRC", "member"), ("BSEC", "SRB", "member"), ("NATO", "ALB", "member"),
      ("EU", "ALB", "accession_initiated"), ("NATO", "GRC", "member"), ("EU", "GRC", "member"),
      ("EU", "SRB", "accession_initiated")}),
    # a list after a table belongs to the organisation named before the table, not to one in its cells
    ("The Organization of the Black Sea Economic Cooperation (BSEC)\n\nMember State   Also in\n------------   -------\n"
     "Albania        NATO\nGreece         EU\nRomania        NATO\n\n- Observers: Austria and Egypt.\n",
     {("NATO", "ALB", "member"), ("EU", "GRC", "member"), ("NATO", "ROU", "member"), ("BSEC", "AUT", "observer"),
      ("BSEC", "EGY", "observer")}),
    # an organisation a column's header leaves out does not name the column
    ("Member States of the African Union and suspensions\n\n| State | Region | RECs (excluding CEN-SAD) |\n|---|---|---|\n"
     "| Kenya | Eastern | EAC, IGAD |\n| Mali | Western | ECOWAS |\n",
     {("EAC", "KEN", "member"), ("IGAD", "KEN", "member"), ("ECOWAS", "MLI", "member")}),
    # an organisation named only to be set apart is no context for the list after it
    ("The Council of Europe should not be confused with the European Union.\n\n1956\n- 16 April: Austria joins.\n",
     {("COE", "AUT", "member")}),
    # a former name in the aside after a listed state is the same state, and the list goes on after it
    ("1. ECOWAS\n\nFounding members in 1975: Benin (then Dahomey), Burkina Faso (then Upper Volta), Ghana and Togo.\n",
     {("ECOWAS", s, "member") for s in ("BEN", "BFA", "GHA", "TGO")}),
    # not memberships: a table without a status column; a numbered paragraph is prose, not a labelled item
    ("The African Union met.\n\nCountry | Capital | Population\nFrance | Paris | 68\nGermany | Berlin | 84\n", set()),
    ("6. Gabon hosted the African Union summit.\n\n7. ECOWAS brings together 12 member States: Benin, Ghana and Togo among "
     "them.\n", {("ECOWAS", s, "member") for s in ("BEN", "GHA", "TGO")}),
])
def test_memberships_stated_by_layout(rules, text, want):
    assert _memberships(rules, text, date(2025, 6, 1)) == want


def test_an_acronym_hyphened_onto_unknown_capitals_is_not_an_organisation(extractor):
    # ("BIST-EC", BIMSTEC's first name, is one of its names in the knowledge base: never the European Communities)
    text = "The grouping was founded as BIST-EC in 1997. The UN-EU partnership held; the Islamic Development Bank (IsDB) paid."
    found = [(e.text, e.id) for e in extractor.extract_text(text, date(2025, 7, 1)).entities if e.kind == "organisation"]
    assert found == [("BIST-EC", "BIMSTEC"), ("EU", "EU"), ("Islamic Development Bank", "ISDB"), ("IsDB", "ISDB")]


@pytest.mark.parametrize("text, want", [
    # a date right after a resolution gives its year, and the same number cited bare elsewhere takes it too
    ("S/RES/2417 (24 May 2018) condemned starvation. Resolution 2417 is cited often.", ["S/RES/2417 (2018)", "S/RES/2417 (2018)"]),
    ("the arms embargo of resolution 1556 of 30 July 2004 and", ["S/RES/1556 (2004)"]),
    ("S/RES/1701, adopted on 11 August 2006, ended the war.", ["S/RES/1701 (2006)"]),
    # an Assembly resolution is not the Council's, and a bare number stays as written
    ("General Assembly resolution 2758 of 25 October 1971", []),
    ("see S/RES/2532 for details", ["S/RES/2532"]),
    # "UNSCR" names a Council resolution
    ("under UNSCR 1701/2006 and UNSCR 2231 (2015)", ["S/RES/1701 (2006)", "S/RES/2231 (2015)"]),
])
def test_resolutions_dated_by_the_words_after_them(text, want):
    from councilwatch.extract.pipeline import find_symbol_mentions

    assert [s.symbol for s in find_symbol_mentions(text)] == want


def test_a_table_row_gives_its_resolution_the_row_year():
    from councilwatch.extract.pipeline import find_symbol_mentions

    found = [s.symbol for s in find_symbol_mentions("| 18 November 2016 | S/RES/2320 | welcomed the AU's commitment |")]
    assert found == ["S/RES/2320 (2016)"]


def test_a_date_column_takes_the_status_its_caption_names(rules):
    text = ("The SCO's outer ring\n\nObservers (year granted)\n\n| Country | Since |\n|---|---|\n| Mongolia | 2004 |\n"
            "| Afghanistan | 2012 |\n")
    assert _memberships(rules, text, date(2025, 6, 1)) == {("SCO", "MNG", "observer"), ("SCO", "AFG", "observer")}


def test_partner_states_are_members_and_partner_countries_partners(rules):
    assert _memberships(rules, "The EAC partner states, Kenya and Uganda, met in Arusha.", date(2025, 6, 1)) == {
        ("EAC", "KEN", "member"), ("EAC", "UGA", "member")}
    assert _memberships(rules, "Uganda, a Partner State of the EAC, hosted the talks.", date(2025, 6, 1)) == {("EAC", "UGA", "member")}
    assert _memberships(rules, "BRICS partner countries such as Malaysia and Thailand attended.", date(2025, 6, 1)) == {
        ("BRICS", "MYS", "partner"), ("BRICS", "THA", "partner")}


def test_days_under_a_year_heading_take_its_year():
    text = "Key dates:\n\n1997\n- 6 June: a meeting in Bangkok.\n- 22 December: a fifth member.\n\n2004\n- 12 March: a summit.\n"
    assert _dates(text, date(2025, 10, 30)) == [
        ("1997", "1997-01-01", "1997-12-31"), ("6 June", "1997-06-06", "1997-06-06"),
        ("22 December", "1997-12-22", "1997-12-22"), ("2004", "2004-01-01", "2004-12-31"),
        ("12 March", "2004-03-12", "2004-03-12")]


def test_a_revision_date_in_a_header_line_is_the_documents_date():
    from councilwatch.extract.dates import document_date

    text = "CHRONOLOGY\nThree circles, 1967-2025\nBackground series, last updated 30 October 2025\n\nText."
    assert document_date(text)[0] == date(2025, 10, 30)


def test_a_date_column_beside_a_status_column_only_dates_it(rules):
    text = ("The Francophonie's wider circle\n\n| Country | Status | Since |\n|---|---|---|\n| Serbia | associate member | 2018 |\n"
            "| Austria | observer | 2004 |\n")
    assert _memberships(rules, text, date(2025, 6, 1)) == {("OIF", "SRB", "associate_member"), ("OIF", "AUT", "observer")}


def test_a_meeting_an_acronym_defines_is_not_an_organisation(extractor):
    text = "Leaders met at the Commonwealth Heads of Government Meeting (CHOGM) in Apia; the next CHOGM is in 2026."
    assert {e.id for e in extractor.extract_text(text, date(2024, 10, 26)).entities if e.kind == "organisation"} <= {"COMMONWEALTH"}


@pytest.mark.parametrize("header", ["Also in", "RECs (excluding CEN-SAD)", "Regional economic communities"])
def test_a_column_of_organisations_gives_each_state_its_memberships(rules, header):
    text = f"Overlaps\n\n| Member | {header} |\n|---|---|\n| Djibouti | IGAD, African Union |\n| Eritrea | IGAD |\n"
    assert _memberships(rules, text, date(2025, 6, 1)) == {("IGAD", "DJI", "member"), ("AU", "DJI", "member"),
                                                          ("IGAD", "ERI", "member")}
