"""Shapes of the JSON API, for validation of what we send and for the OpenAPI schema."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Error(BaseModel):
    error: str = Field(description="What went wrong, in one line a person can act on.")
    status: int
    candidates: list[str] | None = Field(None, description="Nearest known names, for an unknown name.")
    missing: bool | None = Field(None, description="True when the knowledge base lacks the data (say, the meeting record).")


class Member(BaseModel):
    state: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["ARM"])
    name: str
    status: str = Field(description="member, observer, participation_frozen, ... (see docs/data-model.md)")
    since: str = Field(description="Start of the period, ISO/EDTF (a day, month, year or part of a year).")
    until: str | None = Field(description="End of the period (ISO/EDTF), or null while it lasts.")
    source: str
    note: str = ""


class Membership(Member):
    organisation: str
    organisation_name: str


class OrganisationSummary(BaseModel):
    id: str = Field(examples=["CSTO"])
    name: str
    kind: str
    founded: str | None
    dissolved: str | None
    source: str


class Organisation(OrganisationSummary):
    aliases: list[str]
    description: str


class StateRef(BaseModel):
    state: str
    name: str


class Overlap(BaseModel):
    on: str
    organisations: list[str]
    in_all: list[StateRef] = Field(description="States with a status in every one of the organisations.")
    matrix: list[dict[str, str | None]] = Field(
        description="One row per state in any of them: state, name, and its status in each organisation (or null).")


class Presidency(BaseModel):
    month: str = Field(examples=["2024-07"])
    state: str
    name: str
    basis: str = Field(description="'record' (as published) or 'rule' (the alphabetical rotation from the last record).")
    source: str


class CouncilMember(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    state: str
    name: str
    seat: str = Field(description="permanent or elected")
    from_: str = Field(alias="from")
    to: str | None
    source: str


class CouncilTerm(BaseModel):
    seat: str
    start: date
    end: date | None
    source: str
    note: str = ""


class PresidencyHeld(BaseModel):
    month: str
    source: str


class State(BaseModel):
    iso3: str
    name: str
    short_name: str
    m49: str | None
    aliases: list[str]
    un_admitted: date | None
    un_ended: date | None
    predecessor: str | None
    successor: str | None
    source: str
    council_terms: list[CouncilTerm]
    presidencies: list[PresidencyHeld] = Field(description="Presidencies on record (the records start in 2006).")
    memberships: list[Membership]


class StateSummary(BaseModel):
    iso3: str
    name: str
    un_admitted: date | None
    un_ended: date | None


class ReviewResult(BaseModel):
    id: int
    state: str = Field(description="accepted or rejected")
    claim: dict[str, Any] | None = None
