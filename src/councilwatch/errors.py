"""Typed errors. Each carries what the user needs to fix the input."""


class CouncilwatchError(Exception):
    """Base class: a user-facing problem, shown as one line, exit code 2."""

    exit_code = 2


class BadDate(CouncilwatchError, ValueError):
    """A date or month that cannot be read or does not exist."""


class UnknownName(CouncilwatchError, LookupError):
    """A state, organisation or agenda item that matches nothing known closely enough."""

    def __init__(self, kind: str, name: str, candidates: list[str]):
        self.kind, self.name, self.candidates = kind, name, candidates
        hint = f"; nearest: {', '.join(candidates)}" if candidates else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")


class UnknownOrganisation(UnknownName):
    def __init__(self, name: str, candidates: list[str]):
        super().__init__("organisation", name, candidates)


class UnknownState(UnknownName):
    def __init__(self, name: str, candidates: list[str]):
        super().__init__("state", name, candidates)


class CuratedDataError(CouncilwatchError):
    """A packaged curated file has a bad row; names file, line and problem."""

    exit_code = 1

    def __init__(self, file: str, line: int, problem: str):
        self.file, self.line, self.problem = file, line, problem
        super().__init__(f"{file}:{line}: {problem}")


class ImportRejected(CouncilwatchError):
    """An import refused as a whole; nothing was written."""


class MissingData(CouncilwatchError):
    """The knowledge base lacks what the request needs; says what is missing."""
