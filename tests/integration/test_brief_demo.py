"""`make demo`: a fresh knowledge base and the July 2024 entry on the UN and the CSTO, the SCO and the CIS."""

import re
from io import BytesIO
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, str]:
    import contextlib
    import io

    from councilwatch import demo

    out = tmp_path_factory.mktemp("demo") / "out"
    (out).mkdir()
    (out / "councilwatch-demo.sqlite").write_text("not a database: the demo must start afresh")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert demo.main(str(out)) == 0
    return out, printed.getvalue()


def _tree(html: str):
    import html5lib

    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(html)
    assert parser.errors == []
    return tree


def _section(tree, heading: str):
    """The elements after an h2 up to the next h2, as text and as elements."""
    body = list(tree.find(".//article"))
    start = next(i for i, el in enumerate(body) if el.tag == "h2" and "".join(el.itertext()) == heading)
    end = next((i for i, el in enumerate(body) if i > start and el.tag == "h2"), len(body))
    return body[start + 1:end]


def test_demo_writes_three_files_and_a_summary(demo):
    out, printed = demo
    files = sorted(p.name for p in out.glob("2024-07-un-csto-sco-cis.*"))
    assert files == ["2024-07-un-csto-sco-cis.html", "2024-07-un-csto-sco-cis.md", "2024-07-un-csto-sco-cis.pdf"]
    assert "The Russian Federation holds the Council presidency in July 2024." in printed
    assert "Armenia (participation frozen)" in printed and "Belarus (accession initiated)" in printed
    assert "missing" in printed


def test_html_entry_shows_the_facts_with_their_sources(demo):
    out, _ = demo
    tree = _tree((out / "2024-07-un-csto-sco-cis.html").read_text(encoding="utf-8"))
    sources = {li.get("id"): li for li in tree.findall(".//ol[@class='sources']/li")}

    def cited(el) -> list:
        refs = [a.get("href")[1:] for a in el.iter("a") if (a.get("href") or "").startswith("#") and "-src-" in a.get("href")]
        assert refs, f"no source for: {''.join(el.itertext())[:80]}"
        return [sources[r] for r in refs]

    expected = _section(tree, "Expected Council Action")
    presidency = next(p for p in expected if "presidency" in "".join(p.itertext()))
    assert "Russian Federation" in "".join(presidency.itertext()) and cited(presidency)

    tables = {t.find("caption").text.split(" (")[0]: t for t in tree.findall(".//table[@class='members']")}
    assert set(tables) == {"Collective Security Treaty Organization", "Shanghai Cooperation Organisation",
                           "Commonwealth of Independent States"}
    for name, table in tables.items():
        assert "first day of the month" in "".join(table.find("caption").itertext()) and cited(table.find("caption"))
    rows = lambda t: {r[0].text: "".join(r[1].itertext()) for r in t.findall(".//tbody/tr")}  # noqa: E731
    csto = rows(tables["Collective Security Treaty Organization"])
    assert set(csto) == {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russian Federation", "Tajikistan"}
    assert csto["Armenia"].startswith("participation frozen")
    assert rows(tables["Shanghai Cooperation Organisation"])["Belarus"].startswith("accession initiated")
    assert len([s for s in rows(tables["Commonwealth of Independent States"]).values() if not s.startswith("associate")]) == 9

    items = [li for el in _section(tree, "Key Recent Developments") for li in el.iter("li")]
    text = {"".join(li.itertext()): li for li in items}

    def item(pattern: str):
        found = [li for t, li in text.items() if re.search(pattern, t)]
        assert found, pattern
        return found[0]

    for pattern in (r"^28 October 2016 Debate \(S/PV\.7796\)", r"^25 September 2019 Debate \(ministerial level\) \(S/PV\.8626\)",
                    r"^16 February 2022 Debate \(S/PV\.8967\)", r"^22 March 2024 .*Crocus City Hall", r"^18 April 2024 .*drills"):
        assert cited(item(pattern))
    dynamics = [li for el in _section(tree, "Council and Wider Dynamics") for li in el.iter("li")]
    p3 = [li for li in dynamics if "".join(li.itertext()).startswith("2016–2024 The P3")]
    russia = [li for li in dynamics if "Russian Federation (supportive" in "".join(li.itertext())]
    assert p3 and russia and all(cited(li) for li in p3 + russia)

    docs = {a.text: a.get("href") for el in _section(tree, "Documents") for a in el.iter("a") if a.text and "/" in a.text}
    assert docs["S/2022/606"] == "https://undocs.org/en/S/2022/606"
    assert docs["A/RES/77/19"] == "https://undocs.org/en/A/RES/77/19"
    assert docs["S/PV.8967"] == "https://undocs.org/en/S/PV.8967"
    doc_text = "".join("".join(el.itertext()) for el in _section(tree, "Documents"))
    assert "8 August 2022 S/2022/606" in doc_text

    loads = [el.get("src") for el in tree.iter() if el.get("src")]
    assert not [u for u in loads if u.startswith(("http:", "https:"))]


def test_pdf_renders_the_same_entry(demo):
    from pypdf import PdfReader

    out, _ = demo
    reader = PdfReader(BytesIO((out / "2024-07-un-csto-sco-cis.pdf").read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 3
    for needle in ("Russian Federation holds the Council presidency", "participation frozen", "accession initiated",
                   "S/PV.8967", "S/2022/606", "A/RES/77/19", "Crocus City Hall"):
        assert needle in text


def test_markdown_entry_has_footnotes_for_every_citation(demo):
    out, _ = demo
    md = (out / "2024-07-un-csto-sco-cis.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\[\^(s-\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(s-\d+)\]:", md, re.M))
    assert used and used == defined
    assert "[S/2022/606](https://undocs.org/en/S/2022/606)" in md
