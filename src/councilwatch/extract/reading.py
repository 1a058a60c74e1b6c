"""Reading documents as text: plain text in any common encoding, HTML without boilerplate, PDF.

Offsets reported by the extractor are into the text returned here (after HTML
stripping), so a claim's span can always be cut out of the stored full text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from councilwatch.errors import CouncilwatchError

# Larger files are refused rather than read: the biggest UN reports are a few MB of PDF.
MAX_BYTES = 50 * 1024 * 1024
# After extraction: about 3.5 million words, far beyond any single UN document.
MAX_CHARS = 20_000_000


class UnreadableDocument(CouncilwatchError):
    """A file that is not a readable text, HTML or PDF document; says which and why."""


@dataclass(frozen=True)
class TextDocument:
    source: str
    text: str
    format: str  # text, html, pdf
    modified: date | None = None


_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
# Elements that hold no document text: code, navigation, page furniture.
_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
         "iframe", "button", "select", "head")
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "pre", "dd", "dt", "dl", "main", "figure", "figcaption", "hr", "td", "th"}


def read_document(path: str | Path) -> TextDocument:
    """Read a file as text; raises UnreadableDocument with the reason when it cannot be."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableDocument(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableDocument(f"{p}: {size / 1e6:.1f} MB is larger than the {MAX_BYTES // 2**20} MB limit")
    data = p.read_bytes()
    modified = datetime.fromtimestamp(p.stat().st_mtime).date()
    text, fmt = decode(data, name=str(p))
    return TextDocument(str(p), text, fmt, modified)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Turn file bytes into (text, format)."""
    if not data.strip():
        raise UnreadableDocument(f"{name}: empty file")
    if data[:5] == b"%PDF-":
        return _check(pdf_text(data, name), name), "pdf"
    head = data[:2048]
    if _HTML_SNIFF.match(head) or (name.lower().endswith((".html", ".htm")) and b"<" in head):
        return _check(html_text(_to_str(data, name)), name), "html"
    return _check(_normalise(_to_str(data, name)), name), "text"


def _check(text: str, name: str) -> str:
    if len(text) > MAX_CHARS:
        raise UnreadableDocument(f"{name}: {len(text):,} characters of text exceeds the {MAX_CHARS:,} limit")
    if not text.strip():
        raise UnreadableDocument(f"{name}: no text in the document")
    return text


def _to_str(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # NUL bytes and other controls mean a binary file (UTF-16 without BOM is rare in practice).
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) * 0.01:
        raise UnreadableDocument(f"{name}: binary data, not a text, HTML or PDF document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocument(f"{name}: cannot tell the text encoding")
    return str(best)


def _normalise(text: str) -> str:
    # Offsets are into this text: only newlines are normalised, nothing moves within a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def html_text(html: str) -> str:
    """The visible text of an HTML page: scripts, styles, navigation and page furniture dropped."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:  # noqa: ANN001 - lxml element
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    text = "".join(parts).replace("\u00a0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def pdf_text(data: bytes, name: str = "<pdf>") -> str:
    """The text of a PDF, page by page; a scanned PDF without a text layer gives an error."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for a password
                raise UnreadableDocument(f"{name}: the PDF is encrypted") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableDocument(f"{name}: damaged PDF ({exc})") from None
    text = "\n\n".join(_normalise(p).strip() for p in pages)
    # PDF text breaks lines mid-sentence and hyphenates; join the hyphenated words back.
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    if not text.strip():
        raise UnreadableDocument(f"{name}: the PDF has no text layer (a scan?)")
    return text
