"""The text commands as a user runs them: extract, ingest, review, eval-extract."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_extract_json_for_one_and_several_files(cli, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("On 22 February, Armenia froze its participation in the CSTO (S/2024/1).", encoding="utf-8")
    b = tmp_path / "b.html"
    b.write_text("<html><script>var Russia=1</script><body><p>Posted 28 September 2018</p><p>The P3 met.</p></body></html>")
    r = cli("extract", str(a), "--doc-date", "2024-07-01")
    assert r.returncode == 0, r.stderr
    one = json.loads(r.stdout)
    assert one["document"]["doc_date_basis"] == "option"
    assert one["memberships"][0]["status"] == "participation_frozen"
    assert one["symbols"][0]["symbol"] == "S/2024/1"
    r = cli("extract", str(a), str(b))
    both = json.loads(r.stdout)
    assert isinstance(both, list) and len(both) == 2
    html = both[1]
    assert html["document"]["doc_date"] == "2018-09-28" and html["document"]["doc_date_basis"] == "text"
    assert [e["id"] for e in html["entities"]] == ["P3"]  # nothing from the script
    assert both[0]["document"]["doc_date_basis"] == "file"


def test_extract_table(cli, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("In September 2022, Belarus initiated its accession to the SCO.")
    r = cli("extract", str(a), "--format", "table")
    assert r.returncode == 0 and "accession_initiated" in r.stdout


def test_bad_files_are_one_line_errors(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    for path in (empty, binary, tmp_path / "missing.txt"):
        r = cli("extract", str(path))
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith("councilwatch: error:") and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    r = cli("extract", str(empty), "--doc-date", "2024-13-01")
    assert r.returncode == 2


def test_ingest_review_accept_reject(cli, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Posted 10 March 2025\n\nOn 3 March 2025, Kazakhstan froze its participation in the CSTO. "
                   "On 4 March 2025, Kyrgyzstan withdrew from the CIS.", encoding="utf-8")
    r = cli("ingest", str(doc), "--format", "json")
    assert r.returncode == 0, r.stderr
    (rep,) = json.loads(r.stdout)
    assert rep["new_claims"] >= 2 and rep["pending"] >= 2
    r = cli("ingest", str(doc), "--format", "json")
    assert json.loads(r.stdout)[0]["new_claims"] == 0
    pending = json.loads(cli("review", "--format", "json").stdout)
    members = [c for c in pending if c["kind"] == "membership"]
    assert {c["claim"].split()[0] for c in members} == {"KAZ", "KGZ"}
    kaz = next(c for c in members if c["claim"].startswith("KAZ"))
    kgz = next(c for c in members if c["claim"].startswith("KGZ"))
    r = cli("review", "accept", str(kaz["id"]), "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["state"] == "accepted"
    assert cli("review", "reject", str(kgz["id"])).returncode == 0
    r = cli("members", "CSTO", "--on", "2025-04-01", "--format", "json")
    assert {m["state"]: m["status"] for m in json.loads(r.stdout)}["KAZ"] == "participation_frozen"
    r = cli("review", "accept", "999999")
    assert r.returncode == 2 and "no claim 999999" in r.stderr


def test_a_doubtful_membership_is_left_out_of_extract_and_marked_in_review(cli, tmp_path):
    doc = tmp_path / "old.txt"
    doc.write_text("Posted 10 March 2025\n\nOn 3 March 2023, Kazakhstan froze its participation in the CSTO.", encoding="utf-8")
    out = json.loads(cli("extract", str(doc)).stdout)
    assert not [m for m in out["memberships"] if m["state"] == "KAZ"]
    assert cli("ingest", str(doc)).returncode == 0
    pending = json.loads(cli("review", "--format", "json").stdout)
    assert [c["claim"] for c in pending if c["kind"] == "membership"] == ["KAZ participation_frozen CSTO 2023-03-03 (doubtful)"]


def test_eval_extract_on_the_devset(cli):
    r = cli("eval-extract", str(ROOT / "devset"), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["documents"] >= 10
    scores = {s["kind"]: s for s in out["scores"]}
    assert set(scores) == {"symbols", "states", "organisations", "dates", "memberships"}
    assert scores["symbols"]["f1"] >= 0.9 and scores["dates"]["f1"] >= 0.8


def test_help_texts(cli):
    for cmd in (["extract"], ["ingest"], ["review"], ["review", "accept"], ["eval-extract"]):
        r = cli(*cmd, "--help")
        assert r.returncode == 0 and len(r.stdout) > 200
