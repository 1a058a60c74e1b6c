"""The publishing commands as a user runs them: brief, monthly, feed."""

import pytest


def test_brief_markdown_to_stdout(cli):
    r = cli("brief", "CSTO SCO CIS", "--month", "2024-07")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("*July 2024 Monthly Forecast*")
    assert "## Key Recent Developments" in r.stdout and "S/PV.8967" in r.stdout


def test_brief_html_and_pdf_to_files(cli, tmp_path):
    html, pdf = tmp_path / "b.html", tmp_path / "sub" / "b.pdf"
    r = cli("brief", "un-csto-sco-cis", "--month", "2024-07", "--format", "html", "-o", str(html))
    assert r.returncode == 0, r.stderr
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = cli("brief", "un-csto-sco-cis", "--month", "2024-07", "--format", "pdf", "-o", str(pdf))
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_unknown_item_names_the_nearest_candidates(cli):
    r = cli("brief", "Cooperation between the UN and the Galactic Empire", "--month", "2024-07")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "unknown agenda item or topic" in r.stderr and "nearest:" in r.stderr


@pytest.mark.parametrize("month", ["2024-13", "July"])
def test_bad_month_is_a_user_error(cli, month):
    r = cli("brief", "CSTO SCO CIS", "--month", month)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "month" in r.stderr


def test_month_without_data_gives_a_brief_that_says_what_is_missing(cli):
    r = cli("brief", "un-au", "--month", "2031-03")
    assert r.returncode == 0, r.stderr
    assert "*Missing: no forecast: no meetings known after 19 July 2024" in r.stdout


def test_monthly_and_feed(cli, tmp_path):
    import feedparser

    r = cli("monthly", "2024-07", "--format", "md")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# July 2024 Monthly Forecast") and "## Cooperation between the UN and the CSTO" in r.stdout
    r = cli("feed", "--base-url", "https://cw.example.org", "-o", str(tmp_path / "briefs.atom"))
    assert r.returncode == 0, r.stderr
    parsed = feedparser.parse((tmp_path / "briefs.atom").read_text(encoding="utf-8"))
    assert parsed.bozo == 0
    assert [e.link for e in parsed.entries] == ["https://cw.example.org/briefs/2024-07-monthly-forecast"]


def test_help_texts(cli):
    for command in ("brief", "monthly", "feed"):
        r = cli(command, "--help")
        assert r.returncode == 0 and "Example" in r.stdout
