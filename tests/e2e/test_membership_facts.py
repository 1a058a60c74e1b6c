"""Dated membership facts, answered through the CLI (`members ORG --on DATE --format json`).

Each fact was checked against public sources (the organisations' own pages, UN
documents, news of record) independently of the curated files. None means the
state has no status in the organisation on that day.
"""

import json
from collections import defaultdict

import pytest

FACTS = [
    # CSTO: the seed's facts and the states that left
    ("CSTO", "2024-07-01", "ARM", "participation_frozen"),
    ("CSTO", "2024-02-21", "ARM", "member"),
    ("CSTO", "2024-07-01", "BLR", "member"),
    ("CSTO", "2024-07-01", "KAZ", "member"),
    ("CSTO", "2024-07-01", "KGZ", "member"),
    ("CSTO", "2024-07-01", "RUS", "member"),
    ("CSTO", "2024-07-01", "TJK", "member"),
    ("CSTO", "2024-07-01", "UZB", None),
    ("CSTO", "2024-07-01", "AZE", None),
    ("CSTO", "2024-07-01", "GEO", None),
    ("CSTO", "2010-01-01", "UZB", "member"),
    ("CSTO", "2026-11-01", "ARM", "participation_frozen"),
    # SCO: enlargements 2017, 2023, 2024; Belarus's accession
    ("SCO", "2024-07-01", "BLR", "accession_initiated"),
    ("SCO", "2024-07-05", "BLR", "member"),
    ("SCO", "2022-10-01", "BLR", "accession_initiated"),
    ("SCO", "2024-07-01", "IRN", "member"),
    ("SCO", "2023-07-05", "IRN", "member"),
    ("SCO", "2022-06-01", "IRN", "accession_initiated"),
    ("SCO", "2024-07-01", "IND", "member"),
    ("SCO", "2024-07-01", "PAK", "member"),
    ("SCO", "2015-01-01", "IND", "observer"),
    ("SCO", "2016-06-01", "IND", "accession_initiated"),  # procedure launched at Ufa, July 2015
    ("SCO", "2017-06-10", "PAK", "member"),
    ("SCO", "2024-07-01", "CHN", "member"),
    ("SCO", "2024-07-01", "UZB", "member"),
    ("SCO", "2024-07-01", "TKM", None),
    ("SCO", "2024-07-01", "USA", None),
    ("SCO", "2024-07-01", "ARM", "dialogue_partner"),
    ("SCO", "2024-07-01", "MNG", "observer"),
    # CIS
    ("CIS", "2024-07-01", "ARM", "member"),
    ("CIS", "2024-07-01", "AZE", "member"),
    ("CIS", "2024-07-01", "BLR", "member"),
    ("CIS", "2024-07-01", "KAZ", "member"),
    ("CIS", "2024-07-01", "KGZ", "member"),
    ("CIS", "2024-07-01", "RUS", "member"),
    ("CIS", "2024-07-01", "TJK", "member"),
    ("CIS", "2024-07-01", "UZB", "member"),
    ("CIS", "2024-07-01", "GEO", None),
    ("CIS", "2008-01-01", "GEO", "member"),
    ("CIS", "2024-07-01", "UKR", None),
    ("CIS", "2024-07-01", "TKM", "associate_member"),
    # EAEU
    ("EAEU", "2024-07-01", "ARM", "member"),
    ("EAEU", "2024-07-01", "KGZ", "member"),
    ("EAEU", "2014-12-31", "RUS", None),
    ("EAEU", "2024-07-01", "UZB", "observer"),
    ("EAEU", "2024-07-01", "TJK", None),
    # NATO
    ("NATO", "2023-04-03", "FIN", "accession_initiated"),
    ("NATO", "2023-04-04", "FIN", "member"),
    ("NATO", "2024-03-06", "SWE", "accession_initiated"),
    ("NATO", "2024-03-07", "SWE", "member"),
    ("NATO", "2020-03-27", "MKD", "member"),
    ("NATO", "2017-06-05", "MNE", "member"),
    ("NATO", "2024-07-01", "TUR", "member"),
    ("NATO", "1960-01-01", "DEU", "member"),
    ("NATO", "1952-01-01", "GRC", "accession_initiated"),  # protocol of 22 October 1951
    ("NATO", "1952-02-18", "GRC", "member"),
    ("NATO", "1951-01-01", "GRC", None),
    ("NATO", "2024-07-01", "AUT", "partner"),
    # EU
    ("EU", "2019-12-31", "GBR", "member"),
    ("EU", "2020-02-01", "GBR", None),
    ("EU", "2013-07-01", "HRV", "member"),
    ("EU", "2024-07-01", "UKR", "accession_initiated"),
    ("EU", "2024-07-01", "NOR", None),
    ("EU", "2004-05-01", "POL", "member"),
    # Council of Europe, OSCE, CEI
    ("COE", "2021-01-01", "RUS", "member"),
    ("COE", "2022-03-01", "RUS", "suspended"),
    ("COE", "2022-03-20", "RUS", None),
    ("COE", "2024-07-01", "UKR", "member"),
    ("COE", "2024-07-01", "BLR", "accession_initiated"),  # applied 1993; the application is frozen
    ("COE", "2024-07-01", "KAZ", None),
    ("OSCE", "2024-07-01", "RUS", "member"),
    ("OSCE", "2024-07-01", "MNG", "member"),
    ("OSCE", "2024-07-01", "USA", "member"),
    ("CEI", "2023-01-01", "BLR", "suspended"),
    ("CEI", "2023-01-01", "ITA", "member"),
    # AU and African sub-regional organisations
    ("AU", "2016-12-31", "MAR", None),
    ("AU", "2017-02-01", "MAR", "member"),
    ("AU", "2024-07-01", "MLI", "suspended"),
    ("AU", "2024-07-01", "NER", "suspended"),
    ("AU", "2024-07-01", "BFA", "suspended"),
    ("AU", "2024-07-01", "SDN", "suspended"),
    ("AU", "2024-07-01", "GAB", "suspended"),
    ("AU", "2025-06-01", "GAB", "member"),
    ("AU", "2024-07-01", "NGA", "member"),
    ("AU", "2024-07-01", "EGY", "member"),
    ("ECOWAS", "2024-07-01", "NGA", "member"),
    ("ECOWAS", "2025-02-01", "MLI", None),
    ("ECOWAS", "2025-02-01", "BFA", None),
    ("ECOWAS", "2025-02-01", "NER", None),
    ("ECOWAS", "2024-07-01", "MRT", "associate_member"),
    ("IGAD", "2024-07-01", "SSD", "member"),
    ("IGAD", "2024-07-01", "ERI", "member"),
    ("SADC", "2024-07-01", "ZAF", "member"),
    ("SADC", "2010-01-01", "MDG", "suspended"),
    ("ECCAS", "2024-01-01", "GAB", "suspended"),
    ("ECCAS", "2024-07-01", "GAB", "member"),
    ("LAS", "2012-06-01", "SYR", "suspended"),
    ("LAS", "2023-06-01", "SYR", "member"),
    ("LAS", "2024-07-01", "EGY", "member"),
    ("LAS", "1985-01-01", "EGY", "suspended"),
    # Asia, the Americas, the Pacific
    ("ASEAN", "2023-01-01", "TLS", "observer"),
    ("ASEAN", "2025-11-01", "TLS", "member"),
    ("ASEAN", "2024-07-01", "MMR", "member"),
    ("OAS", "2023-01-01", "NIC", "member"),
    ("OAS", "2024-01-01", "NIC", None),
    ("OAS", "2020-01-01", "VEN", None),
    ("OAS", "2010-01-01", "HND", "suspended"),
    ("OAS", "2024-07-01", "CAN", "member"),
    ("CELAC", "2021-06-01", "BRA", "participation_frozen"),
    ("CELAC", "2023-02-01", "BRA", "member"),
    ("GCC", "2018-01-01", "QAT", "member"),
    ("GCC", "2024-07-01", "IRQ", None),
    ("PIF", "2010-01-01", "FJI", "suspended"),
    ("PIF", "2015-01-01", "FJI", "member"),
    ("CARICOM", "2024-07-01", "HTI", "member"),
    ("CARICOM", "2024-07-01", "AIA", "associate_member"),
    ("OIC", "2013-01-01", "SYR", "suspended"),
    ("OIC", "2024-07-01", "TUR", "member"),
    ("OIC", "2024-07-01", "RUS", "observer"),
    # BRICS
    ("BRICS", "2024-01-01", "EGY", "member"),
    ("BRICS", "2023-12-31", "EGY", "accession_initiated"),
    ("BRICS", "2025-02-01", "IDN", "member"),
    ("BRICS", "2025-02-01", "BLR", "partner"),
    ("BRICS", "2024-07-01", "ARG", None),
    ("GUAM", "2024-07-01", "UKR", "member"),
]


def _by_query():
    grouped = defaultdict(list)
    for org, day, state, status in FACTS:
        grouped[(org, day)].append((state, status))
    return sorted(grouped.items())


def test_enough_facts():
    assert len(FACTS) >= 80
    assert sum(1 for f in FACTS if f[3] is None) >= 15
    assert sum(1 for f in FACTS if f[1] >= "2022") >= 40


@pytest.mark.parametrize("query, expected", _by_query(), ids=lambda v: "@".join(v) if isinstance(v, tuple) else None)
def test_members_on_day(cli, query, expected):
    org, day = query
    out = cli("members", org, "--on", day, "--format", "json")
    assert out.returncode == 0, out.stderr
    got = {r["state"]: r for r in json.loads(out.stdout)}
    for state, status in expected:
        if status is None:
            assert state not in got, f"{state} in {org} on {day}: {got.get(state)}"
        else:
            assert state in got, f"{state} missing from {org} on {day}"
            assert got[state]["status"] == status, f"{state} in {org} on {day}"
            assert got[state]["source"], "every row names its source"
