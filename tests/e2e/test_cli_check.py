"""`councilwatch import ...` and `councilwatch check` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Until cli/__init__.py main() imports "imports" and "check", register them explicitly.
RUNNER = "from councilwatch.cli import cli, kb, imports, check; cli.main(prog_name='councilwatch')"


def run(kb_path, *args):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COUNCILWATCH_DB": str(kb_path)}
    return subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True, env=env, timeout=300)


def test_import_then_check(kb_path, shared_data):
    r = run(kb_path, "import", "council-terms", str(shared_data / "unsc_elected_members/sc_elected_members_terms_1946_2020.csv"),
            "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"] == "council-terms"
    r = run(kb_path, "import", "cow-igo", str(shared_data / "cow_igo_v3"))
    assert r.returncode == 0 and r.stdout.startswith("cow-igo: ") and " inserted, 0 updated" in r.stdout
    r = run(kb_path, "check", "--format", "json")
    assert r.returncode == 0, r.stderr
    findings = json.loads(r.stdout)
    subjects = {(f["check"], f["subject"]) for f in findings}
    assert ("elected members vs curated", "1980 DDR") in subjects
    assert any(c == "cow-igo vs curated" for c, _ in subjects)
    # COW's CSTO begins with the 2002 Charter: the curated 1992-2001 Treaty years are not a disagreement.
    assert not any(f["subject"] == "CSTO ARM" and "1993" in f["detail"] for f in findings)


def test_bad_input_is_one_line_exit_2(kb_path, tmp_path):
    p = tmp_path / "x.xlsx"
    p.write_bytes(b"")
    r = run(kb_path, "import", "undl", str(p))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "empty" in r.stderr and "Traceback" not in r.stderr
    r = run(kb_path, "import", "cow-igo", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_help_texts(kb_path):
    r = run(kb_path, "import", "--help")
    assert r.returncode == 0 and "idempotent" in r.stdout and "cow-igo" in r.stdout
    r = run(kb_path, "check", "--help")
    assert r.returncode == 0 and "disagreements" in r.stdout.lower()
