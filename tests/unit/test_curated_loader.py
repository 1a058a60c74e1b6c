"""The curated loader refuses a bad file naming the file, the line and the problem."""

from pathlib import Path

import pytest

from councilwatch.errors import CuratedDataError
from councilwatch.sources.curated import DATA_DIR, read_curated

STATES = """iso3,m49,name,short_name,aliases,un_admitted,un_ended,predecessor,successor,source
ARM,051,Armenia,Armenia,,1992-03-02,,,,https://www.un.org/en/about-us/member-states
RUS,643,Russian Federation,Russia,Russia,1945-10-24,,SUN,,https://www.un.org/en/about-us/member-states
"""
ORGS = """id,name,aliases,kind,founded,dissolved,description,source
CSTO,Collective Security Treaty Organization,ODKB,regional,2002-10-07,,A military alliance.,https://en.odkb-csto.org/
"""
GOOD = """state,status,start,end,note,source
ARM,member,1992-05-15,2024-02-22,,https://en.odkb-csto.org/
ARM,participation_frozen,2024-02-22,,,https://en.odkb-csto.org/
RUS,member,1992-05-15,,,https://en.odkb-csto.org/
"""


def make(tmp_path: Path, memberships: str = GOOD, states: str = STATES, orgs: str = ORGS) -> Path:
    (tmp_path / "memberships").mkdir()
    (tmp_path / "states.csv").write_text(states, encoding="utf-8")
    (tmp_path / "organisations.csv").write_text(orgs, encoding="utf-8")
    (tmp_path / "memberships" / "CSTO.csv").write_text(memberships, encoding="utf-8")
    return tmp_path


def test_good_files_load(tmp_path):
    curated = read_curated(make(tmp_path))
    assert [m["status"] for m in curated.memberships] == ["member", "participation_frozen", "member"]
    assert curated.memberships[1]["locator"] == "memberships/CSTO.csv:3"


@pytest.mark.parametrize(
    "row, problem",
    [
        ("ARM,member,2024-03-01,,,https://x.org", "overlaps the one on line 3"),
        ("RUS,member,2010-01-01,2009-01-01,,https://x.org", "is not after start"),
        ("XXX,member,2010-01-01,,,https://x.org", "unknown state code 'XXX'"),
        ("RUS,observer,1990-01-01,1991-01-01,,", "missing source"),
        ("RUS,ally,1990-01-01,1991-01-01,,https://x.org", "unknown status 'ally'"),
        ("RUS,member,1990-14-01,1991-01-01,,https://x.org", "start:"),
    ],
)
def test_bad_membership_row_names_file_line_and_problem(tmp_path, row, problem):
    with pytest.raises(CuratedDataError) as err:
        read_curated(make(tmp_path, GOOD + row + "\n"))
    assert err.value.file == "memberships/CSTO.csv"
    assert err.value.line == 5
    assert problem in str(err.value)
    assert str(err.value).startswith("memberships/CSTO.csv:5: ")


def test_membership_file_of_unknown_organisation(tmp_path):
    data = make(tmp_path)
    (data / "memberships" / "NOPE.csv").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CuratedDataError, match="no organisation 'NOPE'"):
        read_curated(data)


def test_duplicate_state_and_bad_code(tmp_path):
    with pytest.raises(CuratedDataError, match="states.csv:4: state ARM is listed twice"):
        read_curated(make(tmp_path, states=STATES + "ARM,051,Armenia,Armenia,,,,,,https://x.org\n"))


def test_missing_column(tmp_path):
    with pytest.raises(CuratedDataError, match="header lacks column"):
        read_curated(make(tmp_path, memberships="state,status,start\nARM,member,1992\n"))


def test_packaged_files_are_valid_and_sourced():
    curated = read_curated(DATA_DIR)
    assert len(curated.states) >= 193
    for table in ("states", "organisations", "memberships", "council_terms", "presidencies"):
        for row in getattr(curated, table):
            assert row["source"].strip(), f"{table} row {row['locator']} has no source"
