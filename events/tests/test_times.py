"""Readers see an event's time in its own zone and in the audience's zones, in their language,
right on either side of a daylight-saving change; all-day events show days."""

import datetime

import pytest

from events.timezones import abbreviation, describe, local_to_utc, zone

BERLIN = "Europe/Berlin"


def utc(*parts):
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


def local(time_zone, *parts):
    return datetime.datetime(*parts, tzinfo=zone(time_zone)).astimezone(datetime.UTC)


def test_a_summer_event_in_berlin_reads_mesz_in_german_and_cest_in_english():
    start, end = local(BERLIN, 2021, 9, 29, 10), local(BERLIN, 2021, 9, 29, 11, 30)
    assert start == utc(2021, 9, 29, 8)  # stored in UTC
    assert describe(start, end, BERLIN, extra_zones=["Africa/Nairobi"], language="de") == (
        "29.09.2021, 10:00–11:30 MESZ (11:00–12:30 EAT)")
    assert describe(start, end, BERLIN, extra_zones=["Africa/Nairobi"], language="en") == (
        "29 September 2021, 10:00–11:30 CEST (11:00–12:30 EAT)")


def test_the_same_wall_clock_time_after_the_clocks_go_back_is_an_hour_later_elsewhere():
    """10:00 in Berlin is 11:00 in Nairobi in summer and 12:00 in winter (Nairobi has no
    daylight saving), and São Paulo (no letters in tzdata) reads as UTC−3."""
    start, end = local(BERLIN, 2021, 11, 10, 10), local(BERLIN, 2021, 11, 10, 11, 30)
    assert start == utc(2021, 11, 10, 9)
    zones = ["Africa/Nairobi", "America/Sao_Paulo"]
    assert describe(start, end, BERLIN, extra_zones=zones, language="de") == (
        "10.11.2021, 10:00–11:30 MEZ (12:00–13:30 EAT; 06:00–07:30 UTC\u22123)")
    assert describe(start, end, BERLIN, extra_zones=zones, language="en") == (
        "10 November 2021, 10:00–11:30 CET (12:00–13:30 EAT; 06:00–07:30 UTC\u22123)")


def test_an_event_across_the_night_the_clocks_go_back_names_both_abbreviations():
    # 31 October 2021: 03:00 CEST became 02:00 CET. 01:30 to 03:30 local is three hours.
    start, end = local(BERLIN, 2021, 10, 31, 1, 30), local(BERLIN, 2021, 10, 31, 3, 30)
    assert end - start == datetime.timedelta(hours=3)
    assert describe(start, end, BERLIN, language="de") == (
        "31.10.2021, 01:30 MESZ – 03:30 MEZ")
    assert describe(start, end, BERLIN, language="en") == (
        "31 October 2021, 01:30 CEST – 03:30 CET")


def test_an_extra_zone_on_another_day_shows_its_date():
    start, end = local(BERLIN, 2021, 9, 29, 22), local(BERLIN, 2021, 9, 29, 23)
    assert describe(start, end, BERLIN, extra_zones=["Australia/Sydney"], language="en") == (
        "29 September 2021, 22:00–23:00 CEST (30 September 2021, 06:00–07:00 AEST)")


def test_an_all_day_event_shows_its_days_only():
    start, end = local(BERLIN, 2021, 9, 29), local(BERLIN, 2021, 10, 1)  # two days
    assert describe(start, end, BERLIN, all_day=True, extra_zones=["Africa/Nairobi"],
                    language="de") == "29.09.2021 – 30.09.2021"
    one_day = describe(start, local(BERLIN, 2021, 9, 30), BERLIN, all_day=True, language="en")
    assert one_day == "29 September 2021"


def test_an_event_in_nairobi_shown_to_berlin():
    nairobi = "Africa/Nairobi"
    start, end = local(nairobi, 2022, 3, 1, 10, 30), local(nairobi, 2022, 3, 1, 12)
    assert describe(start, end, "Africa/Nairobi", extra_zones=[BERLIN], language="de") == (
        "01.03.2022, 10:30–12:00 EAT (08:30–10:00 MEZ)")


def test_a_time_skipped_when_the_clocks_go_forward_does_not_exist():
    tz = zone(BERLIN)
    assert local_to_utc(datetime.datetime(2021, 3, 28, 2, 30), tz) is None
    assert local_to_utc(datetime.datetime(2021, 3, 28, 3, 30), tz) == utc(2021, 3, 28, 1, 30)


@pytest.mark.parametrize("name", ["Europe/Berln", "", "Mars/Olympus", "../etc/passwd"])
def test_an_unknown_zone_is_no_zone(name):
    assert zone(name) is None


def test_half_hour_offsets_read_with_minutes():
    moment = utc(2021, 9, 29, 8).astimezone(zone("Asia/Kathmandu"))
    assert abbreviation(moment, "en") == "UTC+5:45"
