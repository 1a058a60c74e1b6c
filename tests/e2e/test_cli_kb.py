"""The knowledge-base commands, run as a user runs them."""

import csv
import io
import json

import pytest

from tests.conftest import run_cli


def test_presidency_text_and_json(cli):
    out = cli("presidency", "2024-07")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Russian Federation"
    out = cli("presidency", "2024-07", "--format", "json")
    assert json.loads(out.stdout) == {"month": "2024-07", "state": "RUS", "name": "Russian Federation"}


def test_members_json_contract(cli):
    out = cli("members", "CSTO", "--on", "2024-07-01", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    armenia = next(r for r in rows if r["state"] == "ARM")
    assert set(armenia) == {"state", "name", "status", "since", "source"}
    assert armenia["status"] == "participation_frozen" and armenia["since"] == "2024-02-22"
    assert armenia["name"] == "Armenia" and armenia["source"]
    assert {r["state"] for r in rows} == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_lenient_names(cli):
    out = cli("members", "Shanghai Cooperation Organisation", "--on", "2024-07-01", "--format", "csv")
    assert out.returncode == 0, out.stderr
    states = {r["state"] for r in csv.DictReader(io.StringIO(out.stdout))}
    assert {"CHN", "IND", "IRN", "PAK", "RUS"} <= states
    out = cli("memberships", "Tadjikistan", "--on", "2024-07-01", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert {"CSTO", "SCO", "CIS"} <= {r["organisation"] for r in json.loads(out.stdout)}


def test_overlap_and_matrix(cli):
    out = cli("overlap", "CSTO", "SCO", "CIS", "--on", "2024-07-01", "--format", "json")
    in_all = {r["state"] for r in json.loads(out.stdout)}
    assert in_all == {"KAZ", "KGZ", "RUS", "TJK"}  # Belarus only initiated SCO accession; Armenia is not in the SCO
    out = cli("overlap", "CSTO", "SCO", "CIS", "--on", "2024-07-01", "--matrix", "--format", "json")
    matrix = {r["state"]: r for r in json.loads(out.stdout)["matrix"]}
    assert matrix["ARM"]["CSTO"] == "participation_frozen" and matrix["ARM"]["SCO"] == "dialogue_partner"
    assert "UZB" in matrix and matrix["UZB"]["CSTO"] is None  # left the CSTO in 2012
    assert matrix["BLR"]["SCO"] == "accession_initiated"


def test_composition(cli):
    out = cli("composition", "--on", "2024-07-01", "--format", "json")
    rows = json.loads(out.stdout)
    assert len(rows) == 15
    assert {"DZA", "GUY", "KOR", "SLE", "SVN", "ECU", "JPN", "MLT", "MOZ", "CHE"} == {
        r["state"] for r in rows if r["seat"] == "elected"}
    # Italy and the Netherlands split the 2017-2018 term.
    in_2017 = {r["state"] for r in json.loads(cli("composition", "2017", "--format", "json").stdout)}
    in_2018 = {r["state"] for r in json.loads(cli("composition", "2018", "--format", "json").stdout)}
    assert "ITA" in in_2017 and "NLD" not in in_2017
    assert "NLD" in in_2018 and "ITA" not in in_2018


def test_history_lists_dated_changes_with_sources(cli):
    out = cli("history", "CSTO", "--format", "json")
    rows = json.loads(out.stdout)
    uzb = [r for r in rows if r["state"] == "UZB"]
    assert any(r["status"] == "withdrawn" for r in uzb)
    assert all(r["source"] for r in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (["members", "Atlantis Pact"], "unknown organisation"),
        (["memberships", "Freedonia"], "unknown state"),
        (["presidency", "2024-13"], "month 13 does not exist"),
        (["presidency", "July"], "is not a month"),
        (["members", "CSTO", "--on", "2023-02-30"], "day is out of range"),
        (["members", "CSTO", "--format", "xml"], "Invalid value"),
        (["composition", "2024", "--on", "2024-01-01"], "not both"),
        (["nonsense"], "No such command"),
    ],
)
def test_user_errors_are_one_line_exit_2(cli, args, message):
    out = cli(*args)
    assert out.returncode == 2, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    assert message in lines[0]


def test_unknown_name_lists_candidates(cli):
    out = cli("members", "Shanghai Coop Org Council")
    assert out.returncode == 2
    assert "nearest:" in out.stderr


def test_init_is_idempotent(tmp_path):
    db = tmp_path / "fresh.sqlite"
    first = run_cli("init", db=db)
    assert first.returncode == 0 and "loaded curated facts" in first.stdout, first.stderr
    second = run_cli("init", db=db)
    assert second.returncode == 0 and "store is current" in second.stdout


def test_every_command_has_help(cli):
    out = cli("--help")
    assert out.returncode == 0
    for command in ("init", "presidency", "composition", "members", "memberships", "overlap", "history"):
        sub = cli(command, "--help")
        assert sub.returncode == 0 and "Usage:" in sub.stdout, command
