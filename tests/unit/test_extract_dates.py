from datetime import date

import pytest

from councilwatch.extract.dates import document_date, find_dates

REF = date(2024, 7, 1)


def found(text, ref=REF):
    return [(d.text, d.value.earliest.isoformat(), d.value.latest.isoformat(), d.value.precision.value)
            for d in find_dates(text, ref)]


@pytest.mark.parametrize("text, expected", [
    ("On 22 March, Russia", [("22 March", "2024-03-22", "2024-03-22", "day")]),
    ("on 22 August the", [("22 August", "2023-08-22", "2023-08-22", "day")]),  # latest on or before the document
    ("The Council will meet on 3 March.", [("3 March", "2025-03-03", "2025-03-03", "day")]),  # looks ahead
    ("In September 2022, Belarus", [("September 2022", "2022-09-01", "2022-09-30", "month")]),
    ("in early 2023, the party", [("early 2023", "2023-01-01", "2023-04-30", "part_of_year")]),
    ("mid-2021", [("mid-2021", "2021-05-01", "2021-08-31", "part_of_year")]),
    ("late 2023", [("late 2023", "2023-09-01", "2023-12-31", "part_of_year")]),
    ("the first half of 2021", [("the first half of 2021", "2021-01-01", "2021-06-30", "part_of_year")]),
    ("between 2016 and 2019", [("between 2016 and 2019", "2016-01-01", "2019-12-31", "year")]),
    ("in 2020 and 2021", [("2020", "2020-01-01", "2020-12-31", "year"), ("2021", "2021-01-01", "2021-12-31", "year")]),
    ("on 15-16 September 2022", [("15-16 September 2022", "2022-09-15", "2022-09-16", "day")]),
    ("Vienna, March 5, 2022 —", [("March 5, 2022", "2022-03-05", "2022-03-05", "day")]),
    ("since the 1990s", [("the 1990s", "1990-01-01", "1999-12-31", "year")]),
    ("8 August 2022S/2022/606 This", [("8 August 2022", "2022-08-08", "2022-08-08", "day")]),
])
def test_dates_in_running_text(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Lately, it has prioritised peace", "In recent years, however,", "Since then, tensions have deepened",
    "resolutions 2701 (2023) and 2702 (2023)", "document S/2023/45 of", "over 130 people were killed",
    "They may 5 times", "the 2030 Agenda for Sustainable Development",
])
def test_not_dates(text):
    assert found(text) == []


def test_month_alone_needs_a_preposition_and_a_capital():
    assert found("In July, the Council") == [("July", "2024-07-01", "2024-07-31", "month")]
    assert found("The May 2023 summit") == [("May 2023", "2023-05-01", "2023-05-31", "month")]
    assert found("it may help") == []


def test_day_and_month_without_a_reference_date_are_skipped():
    assert found("On 22 March, Russia", ref=None) == []


@pytest.mark.parametrize("head, expected", [
    ("July 2024 Monthly Forecast\n\nText", date(2024, 7, 1)),
    ("What's in Blue\nPosted 28 September 2018\n", date(2018, 9, 28)),
    ("NEW YORK, 14 March 2023 — The Council", date(2023, 3, 14)),
    ("United Nations S/2022/606\nDistr.: General\n8 August 2022\n", date(2022, 8, 8)),
    ("Letter dated 3 May 2021 from the Permanent Representative", date(2021, 5, 3)),
    # a date after a short label on a header line
    ("Nordic Council of Ministers\nNews | 4 October 2023\n\nHeadline", date(2023, 10, 4)),
    ("Press release – 12 January 2022\nText", date(2022, 1, 12)),
    # a revision date after "last" or after a separator on a header line
    ("Background series, last updated 30 October 2025\n", date(2025, 10, 30)),
    ("Fact sheet for the planning unit | Updated: 1 September 2025\n\nText", date(2025, 9, 1)),
])
def test_document_date_from_the_text(head, expected):
    assert document_date(head)[0] == expected


def test_no_document_date_in_plain_prose():
    assert document_date("Russia has sought to promote greater cooperation.") is None
    assert document_date("The plan was updated 3 May 2021 by the ministers.") is None
