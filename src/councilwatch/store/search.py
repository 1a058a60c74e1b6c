"""Full-text search over stored documents: SQLite FTS5 or PostgreSQL text search; symbols exactly.

The FTS5 index is a separate virtual table kept in step by `index_document`;
PostgreSQL searches `to_tsvector('english', full_text)` through a GIN
expression index. A query that is a UN symbol ("s/2022/606") is matched
exactly, against documents' own symbols and the symbols their texts name.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from councilwatch.store.schema import document_symbols, documents

SNIPPET_WORDS = 16


def ensure_index(conn: Connection) -> None:
    """Create the full-text index if it does not exist (idempotent)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                          "document UNINDEXED, full_text, tokenize='porter unicode61')"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents "
                          "USING gin (to_tsvector('english', coalesce(full_text, '')))"))


def index_document(conn: Connection, key: str, full_text: str) -> None:
    """(Re)index one document's text; PostgreSQL indexes the column itself."""
    if conn.dialect.name == "sqlite":
        ensure_index(conn)
        conn.execute(text("DELETE FROM documents_fts WHERE document = :k"), {"k": key})
        conn.execute(text("INSERT INTO documents_fts (document, full_text) VALUES (:k, :t)"), {"k": key, "t": full_text})


def _fts5_query(query: str) -> str:
    # Every word quoted: user text never becomes FTS5 syntax (AND, NEAR, column filters).
    return " ".join('"' + w.replace('"', '""') + '"' for w in query.split())


def search(conn: Connection, query: str, limit: int = 20) -> list[dict]:
    """Documents matching `query`: document, title, date, snippet, how (symbol/text), best first."""
    from councilwatch.symbols import BadSymbol, normalise

    query = query.strip()
    if not query:
        return []
    try:
        symbol = normalise(query)
    except BadSymbol:
        symbol = None
    if symbol is not None:
        return _by_symbol(conn, symbol, limit)
    if conn.dialect.name == "sqlite":
        ensure_index(conn)
        rows = conn.execute(text(
            "SELECT f.document, snippet(documents_fts, 1, '[', ']', '…', :n) AS snip, bm25(documents_fts) AS rank "
            "FROM documents_fts f WHERE documents_fts MATCH :q ORDER BY rank LIMIT :lim"),
            {"q": _fts5_query(query), "lim": limit, "n": SNIPPET_WORDS}).all()
        found = [(r[0], r[1]) for r in rows]
    else:
        rows = conn.execute(text(
            "SELECT symbol, ts_headline('english', full_text, q, 'StartSel=[,StopSel=],MaxWords=25,MinWords=8') AS snip "
            "FROM documents, websearch_to_tsquery('english', :q) q "
            "WHERE to_tsvector('english', coalesce(full_text, '')) @@ q "
            "ORDER BY ts_rank(to_tsvector('english', coalesce(full_text, '')), q) DESC LIMIT :lim"),
            {"q": query, "lim": limit}).all()
        found = [(r[0], r[1]) for r in rows]
    meta = _meta(conn, [k for k, _ in found])
    return [{**meta.get(k, {"document": k}), "snippet": " ".join(s.split()), "match": "text"} for k, s in found]


def _by_symbol(conn: Connection, symbol: str, limit: int) -> list[dict]:
    own = conn.execute(select(documents.c.symbol).where(documents.c.symbol == symbol)).scalars().all()
    citing = conn.execute(
        select(document_symbols.c.document).where(document_symbols.c.symbol == symbol).distinct()
    ).scalars().all()
    keys = list(dict.fromkeys([*own, *citing]))[:limit]
    meta = _meta(conn, keys)
    return [{**meta.get(k, {"document": k}), "snippet": "", "match": "symbol" if k in own else "cites symbol"} for k in keys]


def _meta(conn: Connection, keys: list[str]) -> dict[str, dict]:
    if not keys:
        return {}
    rows = conn.execute(select(documents.c.symbol, documents.c.title, documents.c.date, documents.c.kind)
                        .where(documents.c.symbol.in_(keys)))
    return {r.symbol: {"document": r.symbol, "title": r.title, "date": r.date, "kind": r.kind} for r in rows}
