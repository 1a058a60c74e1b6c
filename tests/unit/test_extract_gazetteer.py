from datetime import date

import pytest

from councilwatch.extract.gazetteer import Gazetteer

STATES = [("ARM", "Armenia", "Armenia", []), ("RUS", "Russian Federation", "Russia", ["Russia"]),
          ("USA", "United States of America", "United States", ["US", "the US", "United States"]),
          ("GBR", "United Kingdom of Great Britain and Northern Ireland", "United Kingdom", ["UK", "the UK"]),
          ("FRA", "France", "France", []), ("TJK", "Tajikistan", "Tajikistan", []),
          ("IRN", "Iran (Islamic Republic of)", "Iran", ["Iran"]), ("DZA", "Algeria", "Algeria", []),
          ("MOZ", "Mozambique", "Mozambique", []), ("SLE", "Sierra Leone", "Sierra Leone", []),
          ("GUY", "Guyana", "Guyana", []), ("CHN", "China", "China", [])]
ORGS = [("CSTO", "Collective Security Treaty Organization", ["Collective Security Treaty Organisation"]),
        ("CIS", "Commonwealth of Independent States", ["CIS"])]
TERMS = [(s, "permanent", date(1945, 10, 24), None) for s in ("CHN", "FRA", "GBR", "RUS", "USA")] + \
        [(s, "elected", date(2024, 1, 1), date(2025, 12, 31)) for s in ("DZA", "MOZ", "SLE", "GUY")]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_rows(STATES, ORGS, TERMS)


def ids(gaz, text, year=2024):
    return [(m.text, m.kind, m.id) for m in gaz.find(text, year)]


def test_names_aliases_and_acronyms(gaz):
    assert ids(gaz, "Russia and the Collective Security Treaty Organisation (CSTO) met the US.") == [
        ("Russia", "state", "RUS"), ("Collective Security Treaty Organisation", "organisation", "CSTO"),
        ("CSTO", "organisation", "CSTO"), ("US", "state", "USA")]


def test_acronyms_are_case_sensitive_and_names_need_a_capital(gaz):
    assert ids(gaz, "let us go; the cis-trans isomer; france") == []


def test_longest_match_wins(gaz):
    assert ids(gaz, "the Russian Federation") == [("Russian Federation", "state", "RUS")]


def test_offsets_point_at_the_text(gaz):
    text = "Côte İstanbul — Armenia’s alliance"
    (m,) = gaz.find(text, 2024)
    assert text[m.start:m.end] == "Armenia"


def test_groups_name_their_members_for_the_documents_year(gaz):
    found = {m.id: m for m in gaz.find("The P3 and the A3 disagreed; the E10 abstained.", 2024)}
    assert found["P3"].text == "The P3" and found["P3"].entry.members == ("FRA", "GBR", "USA")
    assert found["A3"].entry.members == ("DZA", "MOZ", "SLE")  # Guyana is elected but not African
    assert set(found["E10"].entry.members) == {"DZA", "MOZ", "SLE", "GUY"}


def test_people_and_adjectives(gaz):
    found = ids(gaz, "Armenian Prime Minister Nikol Pashinyan met Putin.")
    assert ("Armenian", "state", "ARM") in found
    assert ("Nikol Pashinyan", "person", "nikol-pashinyan") in found and ("Putin", "person", "vladimir-putin") in found


def test_misspelt_state_found_by_rapidfuzz(gaz):
    assert ids(gaz, "Tadjikistan agreed.") == [("Tadjikistan", "state", "TJK")]


def test_text_defined_organisation(gaz):
    found = ids(gaz, "the Central European Initiative (CEI). The CEI met.")
    assert [i for _, k, i in found if k == "organisation"] == ["CEI", "CEI", "CEI"]


def test_an_organ_of_the_united_nations_an_acronym_defines_is_no_organisation(gaz):
    assert ids(gaz, "the members of the UN Security Council (UNSC) and of the General Assembly (UNGA). The UNSC met.") == []


def test_symbols_are_skipped(gaz):
    assert ids(gaz, "CIS/2020/1") == []


def test_a_defined_name_starts_at_its_first_capital(gaz):
    # the span must not take in the preposition before it, or a cue ending in "of" cannot reach it
    found = ids(gaz, "They remain members of the Economic Community of the Great Lakes Countries (CEPGL).")
    assert found[0] == ("Economic Community of the Great Lakes Countries", "organisation", "CEPGL")


def test_a_capitalised_word_in_parentheses_is_not_an_acronym(gaz):
    assert ids(gaz, "the report of its Fifth Committee (Administrative) and of the Sixth Committee (Legal)") == []


def test_fallback_organisations_outside_the_knowledge_base(gaz):
    text = ("The Organisation of Eastern Caribbean States, the Turkic Council, UEMOA, the Arctic Council, "
            "the G5 Sahel and UN Women met the World Bank, the EAC Regional Force and UNMOGIP.")
    assert [i for _, k, i in ids(gaz, text) if k == "organisation"] == [
        "OECS", "OTS", "WAEMU", "ARCTIC_COUNCIL", "G5S", "UN_WOMEN", "WORLD_BANK", "EACRF", "UNMOGIP"]


def test_fallback_acronyms_stay_case_sensitive_and_a_defined_one_keeps_its_id(gaz):
    assert ids(gaz, "the world bank, the arctic council; Alba and Opec") == []
    found = ids(gaz, "the Economic Cooperation Organization (ECO). The ECO met.")
    assert [i for _, k, i in found if k == "organisation"] == ["ECO", "ECO", "ECO"]


def test_every_fallback_organisation_has_an_id_a_name_a_kind_and_a_source():
    import csv

    from councilwatch.extract.components import PATTERNS

    rows = list(csv.DictReader((PATTERNS / "organisations_fallback.csv").open(encoding="utf-8")))
    assert len(rows) > 100
    for i, row in enumerate(rows, start=2):
        assert row["id"] and row["id"] == row["id"].upper() and row["name"] and row["kind"], i
        assert row["source"].startswith(("http://", "https://")) or "/" in row["source"], (i, row["source"])
    # a name names one organisation (a row may repeat an id to add the names of its organs)
    owner: dict[str, str] = {}
    for row in rows:
        for name in filter(None, [row["name"], *row["aliases"].split("|")]):
            assert owner.setdefault(name.lower(), row["id"]) == row["id"], name


def test_a_dependent_territory_is_not_reported_as_a_state_nor_read_as_its_administering_state():
    states = STATES + [("MSR", "Montserrat", "Montserrat", []),
                       ("VGB", "Virgin Islands, British", "British Virgin Islands", ["British Virgin Islands"])]
    gaz = Gazetteer.from_rows(states, ORGS, TERMS)
    found = [(m.text, m.kind, m.id) for m in gaz.find("Montserrat, the British Virgin Islands and British officials met.")]
    assert found == [("British", "state", "GBR")]


def test_every_territory_is_a_known_area_with_its_administering_state_and_a_source():
    import csv

    from councilwatch.extract.gazetteer import TERRITORIES
    from councilwatch.sources.curated import DATA_DIR

    iso3 = {r["iso3"] for r in csv.DictReader((DATA_DIR / "states.csv").open(encoding="utf-8"))}
    rows = list(csv.DictReader(TERRITORIES.open(encoding="utf-8")))
    assert {"MSR", "AIA", "NCL"} <= {r["iso3"] for r in rows}
    for row in rows:
        assert row["iso3"] in iso3 and row["administered_by"] in iso3, row
        assert row["source"].startswith(("http://", "https://")), row
