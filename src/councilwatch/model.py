"""Value types shared by every layer: status and kind vocabularies, fact records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class MembershipStatus(str, Enum):
    """How a state stands in an organisation during a period (see docs/data-model.md)."""

    MEMBER = "member"
    ASSOCIATE_MEMBER = "associate_member"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"
    PARTNER = "partner"
    ACCESSION_INITIATED = "accession_initiated"
    PARTICIPATION_FROZEN = "participation_frozen"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# Statuses in which a state still belongs to the organisation's membership.
MEMBERSHIP_STATUSES = frozenset(
    {MembershipStatus.MEMBER, MembershipStatus.PARTICIPATION_FROZEN, MembershipStatus.SUSPENDED}
)


class OrgKind(str, Enum):
    REGIONAL = "regional"
    SUB_REGIONAL = "sub_regional"
    INTERGOVERNMENTAL = "intergovernmental"
    UN_ORGAN = "un_organ"
    UN_BODY = "un_body"
    UN_OFFICE = "un_office"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class Seat(str, Enum):
    PERMANENT = "permanent"
    ELECTED = "elected"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class StateRef:
    iso3: str
    name: str


@dataclass(frozen=True)
class MembershipFact:
    """One status period of a state in an organisation, with its source."""

    organisation: str
    state: str
    state_name: str
    status: MembershipStatus
    start: str  # ISO/EDTF
    end: str | None
    source: str
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "organisation": self.organisation,
            "state": self.state,
            "name": self.state_name,
            "status": self.status.value,
            "since": self.start,
            "until": self.end,
            "source": self.source,
            "note": self.note,
        }


@dataclass(frozen=True)
class CouncilSeat:
    state: str
    name: str
    seat: Seat
    start: date
    end: date | None
    source: str


@dataclass(frozen=True)
class Presidency:
    year: int
    month: int
    state: str
    name: str
    basis: str  # "record" or "rule"
    source: str = ""

    @property
    def month_text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def as_dict(self) -> dict:
        return {"month": self.month_text, "state": self.state, "name": self.name}


@dataclass
class ImportReport:
    """What an import did: counts and each rejected row with its position and reason."""

    source: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "rejected_rows": self.rejected,
        }
