import pytest

from councilwatch.extract.reading import MAX_BYTES, UnreadableDocument, decode, read_document


def test_html_drops_scripts_styles_and_navigation():
    html = ("<html><head><title>t</title><script>var x = 'Russia';</script><style>p{}</style></head><body>"
            "<nav>Home | Armenia</nav><p>On 22 February, Armenia froze its participation.</p>"
            "<script>alert('CSTO')</script><footer>Sign up</footer></body></html>")
    text, fmt = decode(html.encode(), "page.html")
    assert fmt == "html"
    assert "On 22 February, Armenia froze its participation." in text
    assert "var x" not in text and "alert" not in text and "Home" not in text and "Sign up" not in text


def test_html_keeps_paragraphs_apart():
    text, _ = decode(b"<!doctype html><p>First.</p><p>Second</p>", "x")
    assert "First.\n" in text and text.strip().endswith("Second")


def test_legacy_encoding_is_detected():
    raw = "Côte d’Ivoire and Türkiye met in Genève on 3 May 2021. ".encode("cp1252") * 20
    text, fmt = decode(raw, "old.txt")
    assert fmt == "text" and "Côte d’Ivoire" in text


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"   \n\n", "empty"), (bytes(range(256)) * 4, "binary"),
    (b"%PDF-1.4\n garbage that is not a pdf", "PDF"),
    (b"<html><body><script>only code</script></body></html>", "no text"),
])
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(UnreadableDocument, match=message):
        decode(data, "bad")


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.seek(MAX_BYTES + 1)
        f.write(b"x")
    with pytest.raises(UnreadableDocument, match="larger than"):
        read_document(path)


def test_pdf_text_is_read(tmp_path):
    pytest.importorskip("weasyprint")
    from weasyprint import HTML

    pdf = HTML(string="<p>In September 2022, Belarus initiated its accession to the SCO.</p>").write_pdf()
    text, fmt = decode(pdf, "x.pdf")
    assert fmt == "pdf" and "Belarus initiated its accession" in " ".join(text.split())
