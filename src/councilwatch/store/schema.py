"""The knowledge base's tables. Every fact row names its source, its origin
(which loader put it there: curated, an importer, an accepted claim) and when it
was recorded. Change a table here, then add an Alembic migration."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from councilwatch.store.revision import SCHEMA_REVISION  # noqa: E402,F401 - re-exported

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def provenance() -> list[Column]:
    """Columns every fact carries: where it comes from and when it was recorded."""
    return [
        Column("source", Text, nullable=False),
        Column("origin", String(32), nullable=False),
        # Where in the origin: "memberships/CSTO.csv:5", "scact2018_table_en.html:row 12".
        Column("locator", Text),
        Column("recorded_at", DateTime(timezone=True), nullable=False),
    ]


def fuzzy(name: str, nullable: bool = True) -> list[Column]:
    """A fuzzy date: EDTF text plus its earliest and latest days, for queries."""
    return [
        Column(name, String(32), nullable=nullable),
        Column(f"{name}_earliest", Date, nullable=nullable),
        Column(f"{name}_latest", Date, nullable=nullable),
    ]


meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

states = Table(
    "states",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("m49", String(3)),
    Column("name", Text, nullable=False),
    Column("short_name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("un_admitted", Date),
    Column("un_ended", Date),
    Column("predecessor", String(3)),
    Column("successor", String(3)),
    *provenance(),
)

organisations = Table(
    "organisations",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("kind", String(24), nullable=False),
    *fuzzy("founded"),
    *fuzzy("dissolved"),
    Column("description", Text, nullable=False, default=""),
    *provenance(),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("organisation", String(16), ForeignKey("organisations.id"), nullable=False),
    Column("state", String(3), ForeignKey("states.iso3"), nullable=False),
    Column("status", String(24), nullable=False),
    *fuzzy("start", nullable=False),
    *fuzzy("end"),
    Column("note", Text, nullable=False, default=""),
    *provenance(),
    Index("ix_memberships_org_state", "organisation", "state"),
    Index("ix_memberships_state", "state"),
)

council_terms = Table(
    "council_terms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(3), ForeignKey("states.iso3"), nullable=False),
    Column("seat", String(16), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("note", Text, nullable=False, default=""),
    *provenance(),
    Index("ix_council_terms_start", "start"),
)

presidencies = Table(
    "presidencies",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("state", String(3), ForeignKey("states.iso3"), nullable=False),
    *provenance(),
)

agenda_items = Table(
    "agenda_items",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("title", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("topic", String(160)),
    *provenance(),
)

meetings = Table(
    "meetings",
    metadata,
    # The S/PV record without resumption: resumptions fold into their meeting.
    Column("record", String(40), primary_key=True),
    Column("number", Integer),
    Column("date", Date, nullable=False),
    Column("resumptions", JSON, nullable=False),  # [{"record": "S/PV.9678 (Resumption 1)", "date": ...}]
    Column("kind", String(40)),  # briefing, debate, open debate, adoption, ... when known
    Column("subjects", JSON),  # topic and organisation ids the meeting concerns, when known
    Column("summary", Text),  # one line written by us (curated) or taken from the record's title
    Column("press_releases", JSON),  # SC/... symbols of the meeting's press release(s), when printed
    Column("note", Text),  # "closed meeting", "meeting held in Nairobi": what the record cell adds
    *provenance(),
    Index("ix_meetings_date", "date"),
)

meeting_items = Table(
    "meeting_items",
    metadata,
    Column("record", String(40), ForeignKey("meetings.record", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("agenda_item", String(160), ForeignKey("agenda_items.id"), nullable=False),
    Column("title", Text, nullable=False),  # as printed
    Index("ix_meeting_items_item", "agenda_item"),
)

outcomes = Table(
    "outcomes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record", String(40), ForeignKey("meetings.record", ondelete="CASCADE")),  # null: no formal meeting
    Column("date", Date, nullable=False),
    Column("agenda_item", String(160), ForeignKey("agenda_items.id")),
    Column("kind", String(32), nullable=False),
    Column("symbol", String(80)),
    Column("vote", String(16)),
    Column("vetoed_by", JSON, nullable=False),
    Column("procedure", Text),  # e.g. the letter recording a written-procedure vote
    Column("text", Text, nullable=False, default=""),
    # Natural key of an imported outcome ("S/PV.7796#01", "S/2020/870#01"): re-imports update, never duplicate.
    Column("ref", String(120)),
    *provenance(),
    Index("ix_outcomes_symbol", "symbol"),
    Index("ix_outcomes_ref", "ref", unique=True),
    Index("ix_outcomes_record", "record"),
    Index("ix_outcomes_date", "date"),
)

documents = Table(
    "documents",
    metadata,
    Column("symbol", String(80), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("date", Date),
    Column("subjects", JSON, nullable=False),
    Column("agenda_item", String(160), ForeignKey("agenda_items.id")),
    Column("url", Text),
    Column("full_text", Text),
    Column("vote", String(24)),  # adoption vote "102-5-28" (for-against-abstentions), when recorded
    *provenance(),
    Index("ix_documents_date", "date"),
)

document_links = Table(
    "document_links",
    metadata,
    Column("symbol", String(80), primary_key=True),
    Column("related", String(80), primary_key=True),
    Column("relation", String(32), primary_key=True),  # draft_of, meeting, related, ...
    *provenance(),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *fuzzy("when", nullable=False),
    Column("summary", Text, nullable=False),
    Column("kind", String(32), nullable=False, default="event"),
    Column("actors", JSON, nullable=False),
    Column("topics", JSON, nullable=False),  # organisation ids and agenda item ids it concerns
    Column("quote", Text),
    *provenance(),
    Index("ix_events_when", "when_earliest"),
)

stances = Table(
    "stances",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actors", JSON, nullable=False),
    Column("target", String(160), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    *fuzzy("when"),
    Column("quote", Text),
    *provenance(),
)

# Subjects a brief can be written on: an agenda item, or a focus within one (the UN and the CSTO, SCO, CIS).
topics = Table(
    "topics",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("title", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("organisations", JSON, nullable=False),  # organisation ids the topic concerns
    Column("agenda_items", JSON, nullable=False),  # agenda item ids it is discussed under
    Column("description", Text, nullable=False, default=""),
    *provenance(),
)

# Briefs generated and published (the Atom feed lists them); the text is rendered again on demand.
briefs = Table(
    "briefs",
    metadata,
    Column("slug", String(200), primary_key=True),
    Column("kind", String(16), nullable=False),  # entry or monthly
    Column("topic", String(160)),
    Column("month", String(7), nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    Column("digest", String(64), nullable=False),  # of the rendered Markdown: a new version bumps `updated`
    Column("published", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document", String(200), nullable=False),  # symbol or a source key for the text
    Column("kind", String(24), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("state", String(16), nullable=False),  # linked, pending, accepted, rejected
    Column("fact", String(80)),  # table:id of the fact it supports or became
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document", "kind", "start", "end"),
)

# Where a stored document's text names a UN symbol: exact symbol search, and provenance of claims.
document_symbols = Table(
    "document_symbols",
    metadata,
    Column("document", String(80), ForeignKey("documents.symbol", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("symbol", String(80), nullable=False),
    Index("ix_document_symbols_symbol", "symbol"),
)

import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(40), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("report", JSON, nullable=False),
)

forecast_runs = Table(
    "forecast_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("month", String(7), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("result", JSON, nullable=False),
)
