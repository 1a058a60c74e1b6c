"""Printed agenda titles -> canonical agenda items (the 2010-2018 tables are checked in integration/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilwatch.sources.agenda_titles import (
    ALIASES_PATH, AliasFileError, canonical_key, classify, display_title, load_aliases, normalised_title, slug,
)

UKRAINE = ("Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations "
           "addressed to the President of the Security Council (S/2014/136)")


@pytest.mark.parametrize("titles,key", [
    (["Reports of the Secretary-General on the Sudan and South Sudan",
      "Reports of the Secretary-General on the Sudan and South-Sudan",
      "Report of the Secretary-General — Sudan"], "sudan-south-sudan"),
    (["Non-proliferation/Democratic People's Republic of Korea", "Non-proliferation/DPRK",
      "Non-proliferation \u2013 Democratic People\u2019s Republic of Korea"], "non-proliferation-dprk"),
    ([UKRAINE, UKRAINE.replace("(S/2014/136)", "( S/2014/136)"), UKRAINE.replace("28 February 2014", "2014"),
      UKRAINE.replace(" (S/2014/136)", "")], "letters-ukraine-2014"),
    (["The situation in Afghanistan", "Afghanistan", "THE SITUATION IN AFGHANISTAN "], "afghanistan"),
    (["The situation in Côte d'Ivoire", "Cote d\u2019Ivoire"], "cote-divoire"),
    (["Peace and security in Africa", "Peace and security in Africa — Ebola"], "peace-and-security-in-africa"),
])
def test_spellings_of_one_item(titles, key):
    assert {canonical_key(t) for t in titles} == {key}
    assert len({display_title(t) for t in titles}) == 1


def test_different_items_stay_apart():
    assert canonical_key("The situation in the Middle East") == "middle-east"
    assert canonical_key("The situation in the Middle East, including the Palestinian question") == \
        "middle-east-palestinian-question"
    assert canonical_key("Non-proliferation") != canonical_key("Non-proliferation/DPRK")


def test_subtitle_kept_as_printed():
    item = classify("Meeting of the Security Council with the troop- and police- contributing countries pursuant to "
                    "resolution 1353 (2001), annex II, sections A and B - Côte d'Ivoire")
    assert (item.key, item.subtitle) == ("tcc-meetings", "Côte d'Ivoire")
    assert classify("Peace and security in Africa — Horn of Africa").subtitle == "Horn of Africa"
    assert classify("Maintenance of international peace and security: Nuclear non-proliferation").subtitle == \
        "Nuclear non-proliferation"
    assert classify("The situation in Afghanistan").subtitle is None


def test_display_title_is_the_reviewed_title():
    assert display_title("Afghanistan") == "The situation in Afghanistan"
    assert display_title("Sudan") == "Reports of the Secretary-General on the Sudan and South Sudan"
    assert display_title(UKRAINE.replace(" (S/2014/136)", "")) == UKRAINE


def test_letters_without_alias_group_by_sender_and_year():
    letter = ("Letter dated 1 March 2031 from the Permanent Representative of Ruritania to the United Nations "
              "addressed to the President of the Security Council (S/2031/170)")
    item = classify(letter)
    assert (item.key, item.title, item.reviewed) == ("letters-ruritania-2031", letter, False)
    assert canonical_key("Letter dated 10 February 1988 from the Permanent Observer of the Republic of Korea to the "
                         "United Nations addressed to the President of the Security Council (S/19488)") == \
        "letters-republic-of-korea-1988"
    assert canonical_key("Letter, 1 September 1983, from the United States of America (S/15947)") == \
        "letters-united-states-1983"
    assert canonical_key("Identical letters dated 5 May 2030 from the Chargé d'affaires a.i. of the Permanent Mission "
                         "of the United Kingdom of Great Britain and Northern Ireland to the United Nations addressed "
                         "to the Secretary-General") == "letters-united-kingdom-2030"


def test_unreviewed_titles_get_a_stable_slug():
    item = classify("The question of Ruritania")
    assert (item.key, item.title, item.reviewed) == ("ruritania", "The question of Ruritania", False)
    assert canonical_key("  The   question of Ruritania ") == "ruritania"
    assert canonical_key("") == "untitled"


@pytest.mark.parametrize("title,normal", [
    ("The situation in the Middle East", "middle east"),
    ("Middle East situation", "middle east"),
    ("The question concerning Haiti", "haiti"),
    ("The situation concerning the Democratic Republic of the Congo", "democratic republic of the congo"),
    ("Letter from Ukraine (S/2014/136)", "letter from ukraine"),
    ("Election of five members ( S/2014/520, S/2014/521 and S/2014/522)", "election of five members"),
    ("Non-proliferation \u2014 Iran", "non-proliferation - iran"),
    ("The promotion of the rule of law", "promotion of the rule of law"),
])
def test_normalised_title(title, normal):
    assert normalised_title(title) == normal


def test_slug():
    assert slug("Côte d'Ivoire") == "cote-divoire"
    assert slug("  Non-proliferation / DPRK ") == "non-proliferation-dprk"


def test_packaged_aliases_are_consistent():
    aliases = load_aliases()
    assert len(aliases) >= 70
    for alias in aliases:
        # each alias's own display title names its own item
        item = classify(alias.title)
        assert (item.key, item.subtitle) == (alias.key, None), alias.line


def test_aliases_path_is_in_the_package():
    assert ALIASES_PATH.name == "agenda_aliases.csv"
    assert ALIASES_PATH.parent.name == "data"


@pytest.mark.parametrize("body,problem", [
    ("pattern,key,title\n^x$,x,X\n", "header must be pattern,key,title,note,source"),
    ("pattern,key,title,note,source\n^x$,,X,,u\n", ":2: pattern, key, title and source are required"),
    ("pattern,key,title,note,source\n^x$,x,X,,\n", ":2: pattern, key, title and source are required"),
    ("pattern,key,title,note,source\n^x$,Not A Slug,X,,u\n", ":2: key 'Not A Slug' is not a slug"),
    ("pattern,key,title,note,source\n^x(,x,X,,u\n", ":2: bad pattern"),
    ("pattern,key,title,note,source\n^x$,x,X,,u\n^y$,x,Y,,u\n", ":3: key 'x' already has the title 'X'"),
])
def test_bad_alias_file_names_line_and_problem(tmp_path: Path, body, problem):
    path = tmp_path / "agenda_aliases.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(AliasFileError) as err:
        load_aliases(path)
    assert problem in str(err.value)
