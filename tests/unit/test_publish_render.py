"""Rendering: standalone, well-formed HTML with sources; data escaped in HTML, PDF and Markdown; the Atom feed."""

import re
from datetime import datetime, timezone

import pytest

from councilwatch.publish import atom_feed, record_brief, render_brief
from councilwatch.publish.assemble import assemble_brief

HOSTILE = '<script>alert("x")</script><b>bold</b> & [link](javascript:alert(1))'


def _parse(html: str):
    import html5lib

    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(html)
    return parser, tree


@pytest.fixture
def hostile_kb(kb):
    """The curated KB plus an event and a document whose text is markup."""
    from councilwatch.store import schema as t

    now = datetime.now(timezone.utc)
    prov = {"source": "https://example.org/<script>", "origin": "test", "locator": None, "recorded_at": now}
    with kb.store.write() as conn:
        conn.execute(t.events.insert().values(
            when="2024-05-01", when_earliest=datetime(2024, 5, 1).date(), when_latest=datetime(2024, 5, 1).date(),
            summary=HOSTILE, kind="statement", actors=["RUS"], topics=["un-csto-sco-cis"], **prov))
        conn.execute(t.documents.insert().values(
            symbol="S/2024/999", kind="letter", title=HOSTILE, date=datetime(2024, 5, 2).date(),
            subjects=["un-csto-sco-cis"], **prov))
    return kb


def test_html_is_well_formed_standalone_and_cites_sources(kb):
    html = render_brief(kb, "un-csto-sco-cis", "2024-07", "html")
    parser, tree = _parse(html)
    assert parser.errors == []
    loads = [el.get("src") for el in tree.iter() if el.get("src")]
    loads += [el.get("href") for el in tree.iter() if el.tag == "link" and el.get("href")]
    assert not [u for u in loads if re.match(r"https?:", u)], "a standalone brief must not load anything"
    assert tree.find(".//style") is not None and len([e for e in tree.iter() if str(e.tag).endswith("}svg")]) == 2
    sources = tree.findall(".//ol[@class='sources']/li")
    cites = {a.get("href") for a in tree.iter("a") if (a.get("href") or "").startswith("#2024-07-un-csto-sco-cis-src-")}
    assert len(sources) >= 20 and cites == {f"#{li.get('id')}" for li in sources}


def test_source_text_is_escaped_in_html_and_markdown(hostile_kb):
    html = render_brief(hostile_kb, "un-csto-sco-cis", "2024-07", "html")
    parser, tree = _parse(html)
    assert parser.errors == []
    assert not [s for s in tree.iter("script")]
    assert tree.find(".//b[.='bold']") is None
    text = "".join(tree.find(".//body").itertext())
    assert text.count('<script>alert("x")</script><b>bold</b>') == 2  # the event and the document, as text
    md = render_brief(hostile_kb, "un-csto-sco-cis", "2024-07", "md")
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\[link\\]" in md


def test_pdf_renders_and_shows_markup_as_text(hostile_kb):
    from io import BytesIO

    from pypdf import PdfReader

    pdf = render_brief(hostile_kb, "un-csto-sco-cis", "2024-07", "pdf")
    assert pdf[:5] == b"%PDF-"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "<script>" in text and "Crocus City Hall" in text and "S/2022/606" in text


def test_atom_feed_is_valid_and_lists_recorded_briefs(kb):
    import feedparser

    assert feedparser.parse(atom_feed(kb, "https://cw.example.org")).bozo == 0  # empty but valid
    record_brief(kb, assemble_brief(kb, "un-csto-sco-cis", "2024-07"))
    record_brief(kb, assemble_brief(kb, "un-au", "2024-07"))
    parsed = feedparser.parse(atom_feed(kb, "https://cw.example.org/"))
    assert parsed.bozo == 0 and parsed.version == "atom10"
    links = {e.link for e in parsed.entries}
    assert links == {"https://cw.example.org/briefs/2024-07-un-csto-sco-cis", "https://cw.example.org/briefs/2024-07-un-au"}
    assert all(e.updated_parsed and e.id.startswith("tag:councilwatch") for e in parsed.entries)


def test_recording_again_without_changes_keeps_updated(kb):
    from councilwatch.publish import list_briefs

    b = assemble_brief(kb, "un-csto-sco-cis", "2024-07")
    record_brief(kb, b)
    first = list_briefs(kb)[0]["updated"]
    record_brief(kb, assemble_brief(kb, "un-csto-sco-cis", "2024-07"))
    assert list_briefs(kb)[0]["updated"] == first
