"""Extraction speed: words per second for symbols + dates + entities on ~1 MB of text, and peak memory,
next to spaCy's blank-pipeline tokenisation alone and dateparser's search_dates over the same text.

    python benchmarks/bench_extract.py [--mb 1.0] [--repeat 5]

The text is the development set's documents (devset/*.txt) concatenated until it reaches the size,
so it is many documents of UN-report, press-release and forecast prose. One process, one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def corpus(mb: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "devset").glob("*.txt"))]
    out, size = [], 0
    while size < mb * 1_000_000:
        for t in texts:
            out.append(t)
            size += len(t)
    return out


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dateparser-kb", type=int, default=40, help="dateparser is slow: time it on this many KB and scale")
    args = ap.parse_args()

    from datetime import date

    from councilwatch.api import open_store
    from councilwatch.extract.pipeline import Extractor

    docs = corpus(args.mb)
    text = "\n\n".join(docs)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/kb.sqlite")
        ex = Extractor.from_store(store)
        store.dispose()
    ref = date(2024, 7, 1)
    ex.extract_text(docs[0], doc_date=ref)  # warm up: spaCy, patterns, caches

    print(f"corpus: {len(docs)} documents, {len(text) / 1e6:.2f} MB, {words:,} words; median of {args.repeat} runs\n")

    fast = timed(lambda: ex.extract_text(text, doc_date=ref, facts=False), args.repeat)
    full = timed(lambda: ex.extract_text(text, doc_date=ref), max(1, args.repeat // 2))
    tracemalloc.start()
    ex.extract_text(text, doc_date=ref)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    import spacy

    nlp = spacy.blank("en")
    tok = timed(lambda: [len(d) for d in nlp.pipe(docs, batch_size=64)], args.repeat)

    from dateparser.search import search_dates

    sample_chars = args.dateparser_kb * 1000
    sample, n = [], 0
    for d in docs:
        if n >= sample_chars:
            break
        sample.append(d)
        n += len(d)
    sample_words = sum(len(d.split()) for d in sample)
    search_dates("warm up on 3 May 2021", languages=["en"])
    dp = timed(lambda: [search_dates(d, languages=["en"], settings={"RELATIVE_BASE": __import__("datetime").datetime(2024, 7, 1)}) for d in sample], 1)

    rows = [
        ("councilwatch symbols+dates+entities", words / statistics.median(fast)),
        ("councilwatch full (+ memberships, events, stances)", words / statistics.median(full)),
        ("spaCy blank 'en' tokenisation alone", words / statistics.median(tok)),
        (f"dateparser search_dates ({sample_words:,}-word sample)", sample_words / statistics.median(dp)),
    ]
    ours = rows[0][1]
    print(f"{'':52} {'words/s':>12} {'ours / this':>12}")
    for name, wps in rows:
        print(f"{name:52} {wps:12,.0f} {ours / wps:12.2f}")
    print(f"\npeak Python memory of a full extraction (tracemalloc): {peak / 2**20:.1f} MiB for {len(text) / 2**20:.2f} MiB of text")
    print("target: >= 100,000 words/s for symbols+dates+entities on one core")


if __name__ == "__main__":
    main()
