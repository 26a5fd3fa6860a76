"""Slot values out of the caller's words, in code: dates, guests, room types, names, codes, rooms, times.

A 0.5B model copies and guesses numbers badly ("2026-11-3" for December 3rd) and every token it
generates costs tens of milliseconds here, so values are read by these deterministic parsers and
the model only says what the caller wants (``agent.dialogue.commands``). Dates are read against
the hotel's today; a month and day already past this year mean next year.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from tools.spoken import parse_time_said, read_spelling

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}


def words_to_digits(text: str) -> str:
    """'two adults on the twenty first' -> '2 adults on the 21st'; 'room two fourteen' keeps its digits."""
    tokens = re.findall(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:st|nd|rd|th)?|[^\sA-Za-z\d]+|\s+", text)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        word = tokens[index].lower()
        if word in _TENS:
            value = _TENS[word]
            nxt = _peek_word(tokens, index)
            if nxt is not None and (tokens[nxt].lower() in _UNITS and 0 < _UNITS[tokens[nxt].lower()] < 10):
                out.append(str(value + _UNITS[tokens[nxt].lower()]))
                index = nxt + 1
                continue
            if nxt is not None and tokens[nxt].lower() in _ORDINALS and _ORDINALS[tokens[nxt].lower()] < 10:
                out.append(_suffixed(value + _ORDINALS[tokens[nxt].lower()]))
                index = nxt + 1
                continue
            out.append(str(value))
        elif word in _UNITS and word != "oh":
            out.append(str(_UNITS[word]))
        elif word in _ORDINALS:
            out.append(_suffixed(_ORDINALS[word]))
        else:
            out.append(tokens[index])
        index += 1
    return "".join(out)


def _peek_word(tokens: list[str], index: int) -> int | None:
    """The index of the next word after ``index``, skipping one space or hyphen."""
    nxt = index + 1
    if nxt < len(tokens) and tokens[nxt] in (" ", "-"):
        nxt += 1
    return nxt if nxt < len(tokens) and tokens[nxt][:1].isalpha() else None


def _suffixed(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# "St. David's Day", "Saint Andrew's Day" -> "st david's day"; "when the clocks-went-forward" -> "clocks go forward"
_SAINTS_DAY = re.compile(r"\b(?:st\.|saint) (?=\w+'?s day\b)")
_CLOCKS = re.compile(r"\bclocks?[- ](?:go|goes|going|went|change|changes|changing|move|moving)[- ](back|forward)\b")


# A price asked for, in plain words or idiom ("what's the damage", "what would that set me back")
PRICE_ASKED = re.compile(r"\b(?:how much|prices?|pricing|costs?|rates?|charges?|tariff|what'?s the damage|"
                         r"(?:set|sets|setting) (?:me|us) back|what (?:does|would|will) (?:it|that) come to)\b")


def normalise(text: str) -> str:
    """Lower case, digits for number words, single spaces: what every parser below reads."""
    said = " ".join(words_to_digits(text).lower().replace("’", "'").split())
    said = _CALLED_PET.sub(r"\1", said)
    return _CLOCKS.sub(r"clocks go \1", _SAINTS_DAY.sub("st ", said))


# "pet" as a way of addressing someone ("cheers, pet", "do 203, pet?"), as in the North East of England and
# Scotland: no animal is asked about
_CALLED_PET = re.compile(r", pet(?=\s*(?:[.?!,;]|$))|\b(cheers|thanks|ta|aye|alright|howay|hiya|ok|okay|morning) pet\b")


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stay:
    check_in: date | None = None
    check_out: date | None = None
    nights: int | None = None

    @property
    def complete(self) -> bool:
        return self.check_in is not None and (self.check_out is not None or self.nights is not None)

    @property
    def departure(self) -> date | None:
        if self.check_in is None:
            return None
        if self.check_out is not None:
            return self.check_out
        return self.check_in + timedelta(days=self.nights) if self.nights else None

    def merged(self, newer: Stay) -> Stay:
        """This stay with whatever ``newer`` says replacing what it had (a correction)."""
        check_in = newer.check_in or self.check_in
        check_out, nights = self.check_out, self.nights
        if newer.check_out is not None:
            check_out, nights = newer.check_out, None
            if check_in is not None and check_out <= check_in and newer.check_in is None \
                    and (check_in - check_out).days < 31:  # "leaving the 2nd" after arriving the 29th
                check_out = _day_after(check_in, check_out.day) or check_out
        elif newer.nights is not None:
            check_out, nights = None, newer.nights
        elif newer.check_in is not None and check_out is not None and check_out <= newer.check_in:
            # "Actually make it the 20th" after "the 10th to the 12th": keep the length, not the old end.
            length = (check_out - self.check_in).days if self.check_in else 1
            check_out, nights = None, max(length, 1)
        return Stay(check_in, check_out, nights)


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "march 3rd", "march the 3rd", "3rd of march", "3 march", "the 3rd", "3rd"; an ISO date too.
_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<m1>{_MONTH_NAMES})\.? (?:the )?{_DAY.replace('(', '(?P<d1>', 1)}\b"
    rf"|(?:the )?{_DAY.replace('(', '(?P<d2>', 1)}(?: (?:of )?(?P<m2>{_MONTH_NAMES})\b)?"
    rf"|(?P<rel>today|tonight|tomorrow night|tomorrow|day after tomorrow)"
    rf"|(?P<nw1>next week,? (?:on )?)?(?P<next>next |this |coming |on )?"
    rf"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    rf"(?P<nw2>,? (?:of |in )?next week)?(?: night)?)",
)
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
# Days said by name ("arriving on christmas eve"); not "that christmas option", which names a booking.
HOLIDAY_DAYS: dict[str, tuple[int, int]] = {
    "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1), "new years day": (1, 1),
    "hogmanay": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "valentine's day": (2, 14), "valentines day": (2, 14), "valentine's": (2, 14),
    "valentines": (2, 14), "halloween": (10, 31), "st patrick's day": (3, 17), "st david's day": (3, 1),
    "st andrew's day": (11, 30), "st george's day": (4, 23), "burns night": (1, 25), "bonfire night": (11, 5),
    "guy fawkes night": (11, 5), "may day": (5, 1), "turn of the year": (12, 31), "labour day": (5, 1),
    "anzac day": (4, 25), "australia day": (1, 26), "canada day": (7, 1), "juneteenth": (6, 19),
    "bastille day": (7, 14), "remembrance day": (11, 11), "armistice day": (11, 11),
    # Bangladesh's own: the hotel's guests plan around them
    "victory day": (12, 16), "independence day": (3, 26), "pohela boishakh": (4, 14), "bengali new year": (4, 14),
    "ekushey february": (2, 21), "language martyrs' day": (2, 21),
}
# Days that move with the moon: their distance from Easter Sunday
_EASTER_DAYS = {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
                "easter saturday": -1, "maundy thursday": -3, "palm sunday": -7, "mothering sunday": -21,
                "shrove tuesday": -47, "pancake day": -47, "mardi gras": -47, "fat tuesday": -47,
                "ash wednesday": -46, "whit sunday": 49, "pentecost": 49,
                "whit monday": 50}
# Days that fall on the nth weekday of their month (-1: the last): the bank holidays, the clocks changing
_NTH_WEEKDAY_DAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "memorial day": (5, 0, -1), "early may bank holiday": (5, 0, 1),
    "may bank holiday": (5, 0, 1), "spring bank holiday": (5, 0, -1), "august bank holiday": (8, 0, -1),
    "summer bank holiday": (8, 0, -1), "june bank holiday": (6, 0, 1), "october bank holiday": (10, 0, -1),
    "labor day": (9, 0, 1), "columbus day": (10, 0, 2), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3), "mother's day": (5, 6, 2), "mothers day": (5, 6, 2),
    "father's day": (6, 6, 3), "fathers day": (6, 6, 3),
    "clocks go back": (10, 6, -1), "clocks go forward": (3, 6, -1),
    "remembrance sunday": (11, 6, 2), "remembrance": (11, 6, 2),
}
# Days a fixed distance from another: London's carnival is the Sunday and Monday of August's bank holiday
_DAYS_FROM_A_HOLIDAY: dict[str, tuple[str, int]] = {"notting hill carnival": ("august bank holiday", -1),
                                                    "carnival": ("august bank holiday", -1)}
_WITHOUT_APOSTROPHE = {name.replace("'", ""): name for name in HOLIDAY_DAYS if "'" in name}  # "st davids day"
HOLIDAY_NAMES: tuple[str, ...] = tuple(sorted({*HOLIDAY_DAYS, *_EASTER_DAYS, *_NTH_WEEKDAY_DAYS, *_WITHOUT_APOSTROPHE,
                                               *_DAYS_FROM_A_HOLIDAY}, key=len, reverse=True))
_HOLIDAY_NAMES = "|".join(re.escape(name) for name in HOLIDAY_NAMES)


def _weekdays_of(year: int, month: int, weekday: int) -> list[date]:
    """Every date of that month falling on ``weekday`` (0 = Monday), in order."""
    return [day for day in calendar.Calendar().itermonthdates(year, month)
            if day.month == month and day.weekday() == weekday]


def holiday_in(name: str, year: int) -> date | None:
    """The day ``name`` falls on in ``year`` (None for a name that is no holiday, or no such day)."""
    name = _WITHOUT_APOSTROPHE.get(name, name)
    if name in _EASTER_DAYS:
        return _easter(year) + timedelta(days=_EASTER_DAYS[name])
    if name in _NTH_WEEKDAY_DAYS:
        month, weekday, nth = _NTH_WEEKDAY_DAYS[name]
        return _weekdays_of(year, month, weekday)[nth if nth < 0 else nth - 1]
    if name in HOLIDAY_DAYS:
        month, day = HOLIDAY_DAYS[name]
        with contextlib.suppress(ValueError):
            return date(year, month, day)
    if name in _DAYS_FROM_A_HOLIDAY:
        holiday, offset = _DAYS_FROM_A_HOLIDAY[name]
        named = holiday_in(holiday, year)
        return named + timedelta(days=offset) if named is not None else None
    return None


# The same name on other countries' calendars (a caller from there names their booking by it): Canada's
# Thanksgiving, Labour Day in America and Canada, May Day as Labor Day, the US Independence Day, Britain's Mothering
# Sunday for Mother's Day.
_ELSEWHERE_NTH_WEEKDAY: dict[str, tuple[int, int, int]] = {"thanksgiving": (10, 0, 2), "labour day": (9, 0, 1)}
_ELSEWHERE_FIXED: dict[str, tuple[int, int]] = {"independence day": (7, 4), "labor day": (5, 1)}
_ELSEWHERE_EASTER: dict[str, int] = {"mother's day": -21, "mothers day": -21, "carnival": -48}  # the Caribbean's


def holiday_dates(name: str, year: int) -> list[date]:
    """Every day ``name`` falls on in ``year`` on the calendars callers use: ours first (``holiday_in``)."""
    name = _WITHOUT_APOSTROPHE.get(name, name)
    days = [day for day in (holiday_in(name, year),) if day is not None]
    if name in _ELSEWHERE_NTH_WEEKDAY:
        month, weekday, nth = _ELSEWHERE_NTH_WEEKDAY[name]
        days.append(_weekdays_of(year, month, weekday)[nth - 1])
    if name in _ELSEWHERE_FIXED:
        days.append(date(year, *_ELSEWHERE_FIXED[name]))
    if name in _ELSEWHERE_EASTER:
        days.append(_easter(year) + timedelta(days=_ELSEWHERE_EASTER[name]))
    return days


# "The day after boxing day" is a day; "our trip around christmas" names a booking near it, and no day.
_HOLIDAY = re.compile(rf"(?<!after )(?<!before )(?<!around )(?<!over )(?<!merry )(?<!happy )(?<!last )\b(?:on |for )?"
                      rf"(?:the (?P<rel>day|night) (?P<way>after|before) |the )?(?P<day>{_HOLIDAY_NAMES})\b(?! option)")
# "the tuesday after next": the week after the coming one
_AFTER_NEXT = re.compile(rf"\b(?:the )?(?P<wd>{_WEEKDAY_NAMES}) after next\b")
# "monday and tuesday nights next week": the week is said once, for both days
_SHARED_WEEK = re.compile(rf"\b(?P<a>{_WEEKDAY_NAMES})(?P<join> (?:and|to|through|till|until|-) )"
                          rf"(?P<b>{_WEEKDAY_NAMES})(?P<night> nights?)? next week\b")
_WEEK_ON = re.compile(r"(?<!for )\ba week (?:on )?(?:this |next |coming )?"
                      r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# "today" in a pleasantry names no day of the stay ("how's your morning going today? I'd like ...")
_SMALL_TALK_TODAY = re.compile(
    r"\b(?:how|what)(?:'s|'re| is| are)? (?:are |is )?(?:you|u|ya|things|everything|it|life|your (?:day|morning))"
    r"(?: (?:doing|feeling|keeping|going|been|treating you|up to))?(?: (?:well|good|ok|okay|so far|all))? today\b|"
    r"\b(?:hope|trust) (?:you|you're|you are|your day|all|all's|everything|everything's)(?: [\w']+){0,3}? today\b|"
    r"\b(?:all|everything|you|you're|you are) (?:is |are |'s )?(?:well|good|ok|okay|alright|fine|doing well|"
    r"doing ok|keeping well) today\b|"
    r"\b(?:bother(?:ing)?|troubl(?:e|ing)|disturb(?:ing)?|call(?:ing)?|ring(?:ing)?|phon(?:e|ing)) "
    r"(?:you )?(?:so early |so late |again |on christmas |on a holiday )?today\b")
_NIGHTS = re.compile(
    r"\b(?:for )?(?:(\d{1,2})|a|an|one) (?:more )?(?:nights?|days?)\b|\b(a|one|1) week\b|\b(\d) weeks\b")
_LONGER = re.compile(r"\b(?:(\d{1,2})|a|an|one) (?:more |extra |additional )?(?:nights?|days?) "
                     r"(?P<way>longer|more|extra|less|shorter|fewer)\b|"
                     r"\b(?P<more>(?:\d{1,2})|an?|one) (?:more|extra|additional) (?:nights?|days?)\b|"
                     r"\bextend(?:ing)?\b.*\bby (?P<by>\d{1,2}|an?|one) (?:nights?|days?)\b|"
                     r"\b(?:add|adding|tack on|tag on|throw in) (?:on )?(?P<add>\d{1,2}|an?|one|another) "
                     r"(?:extra |more )?"
                     r"nights?\b|\banother night\b|"
                     r"\b(?:knock|take|drop|cut|lose) (?:off )?(?P<cut>\d{1,2}|an?|one|the last) nights?(?: off)?\b|"
                     r"\bcut (?:it|the stay|my stay|our stay|the booking) short by (?P<short>\d{1,2}|an?|one) "
                     r"nights?\b")
_WEEKEND = re.compile(r"\b(?:this|the|next|coming) weekend\b")
_RANGE_SPLIT = re.compile(
    r"\b(?:to|until|till|til|through|thru|and|-|leaving|departing|checking out|check out|out on)\b")


@dataclass(frozen=True)
class _DateMention:
    start: int
    end: int
    day: date | None  # None: a bare day whose month comes from a later mention ("the 11th to the 14th of july")
    day_only: int | None = None
    explicit_month: bool = False
    weekday: int | None = None  # said as a weekday ("to Sunday"): counts from the date before it


_WEEKDAY_ONLY = re.compile(
    r"(?:next |this |coming |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?")


def _next_weekday(today: date, weekday: int, *, next_week: bool) -> date:
    ahead = (weekday - today.weekday()) % 7
    if next_week and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _roll(month: int, day: int, today: date) -> date | None:
    """Month and day as the next such date from today (a date past this year is next year's)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _day_after(start: date, day: int) -> date | None:
    """The first date after ``start`` that falls on the ``day``th of a month."""
    for offset in range(3):
        month = (start.month - 1 + offset) % 12 + 1
        year = start.year + (start.month - 1 + offset) // 12
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate > start:
            return candidate
    return None


def _day_in_coming_month(day: int, today: date) -> date | None:
    """'The 5th' with no month: this month if still ahead, else next month."""
    return _day_after(today - timedelta(days=1), day)


def _day_near(day: int, near: date | None, today: date) -> date | None:
    """A bare "the 12th" in the month of ``near`` (the booking being changed), if that day is still ahead."""
    if near is None:
        return None
    try:
        candidate = near.replace(day=day)
    except ValueError:
        return None
    return candidate if candidate >= today else None


def _day_on_weekday(day: int, weekday: int, today: date) -> date | None:
    """The first ``day``th of a month from today on that falls on ``weekday`` (within a year), if any."""
    for months_ahead in range(12):
        first = (today.replace(day=1) + timedelta(days=32 * months_ahead)).replace(day=1)
        try:
            candidate = first.replace(day=day)
        except ValueError:
            continue
        if candidate >= today and candidate.weekday() == weekday:
            return candidate
    return None


def _mentions(text: str, today: date, near: date | None = None) -> list[_DateMention]:
    found: list[_DateMention] = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["iso"]:
            try:
                found.append(_DateMention(match.start(), match.end(), date.fromisoformat(groups["iso"]), None, True))
            except ValueError:
                continue
        elif groups["m1"] or groups["m2"]:
            month = MONTHS[groups["m1"] or groups["m2"]]
            day = int(groups["d1"] or groups["d2"])
            found.append(_DateMention(match.start(), match.end(), _roll(month, day, today), None, True))
        elif groups["d2"]:
            day = int(groups["d2"])
            raw = match.group(0)
            # A bare number is a date only as an ordinal or after "the" ("the 5th", "5th"), never "2 adults",
            # and never a choice ("the first one", "the 2nd option").
            if not (re.search(r"(st|nd|rd|th)\b", raw) or raw.startswith("the ")) or not 1 <= day <= 31:
                continue
            if re.match(r"\s*(?:one|1|option|choice|room|type|kind|booking|reservation|"
                        # "first prize", "second thoughts", "my first visit": a rank, not a day
                        r"prize|place|class|rate|time|times|floor|things?|impressions?|aid|name|hand|gear|step|"
                        r"priority|thoughts?|visit|trip|stay|and foremost|of all|person|guest)\b", text[match.end():]):
                continue
            # "the 2 queen beds", "the 3 of us": a plain number after "the" is a date only where a date can end.
            if not re.search(r"(st|nd|rd|th)\b", raw) and not re.match(
                    r"\s*(?:$|[.,;!?)-]|(?:to|till|until|through|thru|and|or|for|please|instead|then|at|on)\b)",
                    text[match.end():]):
                continue
            found.append(_DateMention(match.start(), match.end(), None, day))
        elif groups["rel"]:
            offset = {"today": 0, "tonight": 0, "tomorrow": 1, "tomorrow night": 1, "day after tomorrow": 2}
            found.append(_DateMention(match.start(), match.end(), today + timedelta(days=offset[groups["rel"]])))
        elif groups["wd"]:
            weekday = WEEKDAYS[groups["wd"]]
            if groups["nw1"] or groups["nw2"]:  # "<weekday> next week": that day of the next calendar week
                next_week_day = today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
                found.append(_DateMention(match.start(), match.end(), next_week_day))
                continue
            nxt = (groups["next"] or "").strip() == "next"
            found.append(_DateMention(match.start(), match.end(),
                                      _next_weekday(today, weekday, next_week=nxt), weekday=weekday))
    # "Wednesday the 25th", "Friday, December 4th": a weekday naming the date that follows is one date; a bare day
    # so named is the next one that falls on that weekday ("saturday the 13th" after other days were said).
    named: list[_DateMention] = []
    for index, m in enumerate(found):
        if index and named and named[-1] is found[index - 1] and found[index - 1].weekday is not None \
                and found[index - 1].day_only is None and not found[index - 1].explicit_month \
                and _WEEKDAY_ONLY.fullmatch(text[found[index - 1].start:found[index - 1].end]) \
                and re.fullmatch(r"[ ,]*(?:the )?", text[found[index - 1].end:m.start]):
            named_weekday = found[index - 1].weekday
            m = dataclasses.replace(m, start=named.pop().start)  # one mention, from the weekday on
            if m.day is None and m.day_only is not None and named_weekday is not None:
                on_weekday = _day_on_weekday(m.day_only, named_weekday, today)
                m = dataclasses.replace(m, day=on_weekday, explicit_month=on_weekday is not None)
        named.append(m)
    found = named
    # A bare day takes the month of the next mention that names one ("the 11th to the 14th of july").
    resolved: list[_DateMention] = []
    for index, mention in enumerate(found):
        if mention.day is None and mention.day_only is not None:
            later = next((m for m in found[index + 1:] if m.explicit_month and m.day is not None), None)
            when: date | None = None
            if later is not None and later.day is not None:
                try:
                    when = later.day.replace(day=mention.day_only)
                except ValueError:
                    when = None  # a 31st, then june's 2nd: no 31st in june, so may's
                if when is None or when > later.day:  # "the 30th to the 2nd of april": the month before
                    month = later.day.month - 1 or 12
                    year = later.day.year - (1 if later.day.month == 1 else 0)
                    try:
                        when = date(year, month, mention.day_only)
                    except ValueError:
                        when = None
            else:  # the day said before, not a weekday restating it ("the 9th of may, that friday, to the 11th")
                previous = next((m.day for m in reversed(resolved) if m.weekday is None),
                                resolved[-1].day if resolved else None)
                if previous is not None:  # "march 3rd to the 6th"
                    try:
                        when = previous.replace(day=mention.day_only)
                    except ValueError:
                        when = None
                    if when is not None and when < previous:
                        when = _roll((previous.month % 12) + 1, mention.day_only, previous)
                else:
                    when = _day_near(mention.day_only, near, today) or _day_in_coming_month(mention.day_only, today)
            mention = _DateMention(mention.start, mention.end, when, mention.day_only)
        dated = next((m.day for m in reversed(resolved) if m.weekday is None), None)  # not a weekday restating it
        resolved.append(_weekday_by_previous(text, mention, dated))
    return _restatements_dropped(text, [m for m in resolved if m.day is not None])


_BEFORE_OR_AFTER_IT = re.compile(r"\s+(?P<way>before|after)\b(?=\s*(?:[,.;:!?]|$|(?:that|it|then)\b))")


def _weekday_by_previous(text: str, mention: _DateMention, previous: date | None) -> _DateMention:
    """"the tuesday before" (or "after"), said after a date: that weekday next to the date, not the coming one."""
    way = _BEFORE_OR_AFTER_IT.match(text, mention.end)
    if way is None and previous is not None and mention.weekday is not None and not mention.explicit_month \
            and mention.day is not None and mention.day < previous and previous.weekday() != mention.weekday \
            and not re.search(r"\b(?:next|this|last|coming)\b", text[mention.start:mention.end]):
        # a bare weekday said after a later date (in on the 26th, home by sunday) is the first one after it
        day = previous + timedelta(days=1)
        while day.weekday() != mention.weekday:
            day += timedelta(days=1)
        return dataclasses.replace(mention, day=day)
    if way is None or previous is None or mention.weekday is None or mention.explicit_month:
        return mention
    step = -1 if way["way"] == "before" else 1
    day = previous + timedelta(days=step)
    while day.weekday() != mention.weekday:
        day += timedelta(days=step)
    return dataclasses.replace(mention, day=day)


# Between a day and the same day said again: "sunday, I mean the 12th", "the 3rd, a thursday".
_SAME_DAY_AGAIN = re.compile(r"[\W\s]*(?:(?:so|er|erm|um|uh|i mean|that'?s|that is|which is|being|i\.?e\.?)\W+)*"
                             r"(?:[\w']+(?: [\w']+){0,2},\s*)?"  # "the 1st, <a day's name we don't know>, the monday"
                             r"(?:the |a |on |that )?")


def _restatements_dropped(text: str, mentions: list[_DateMention]) -> list[_DateMention]:
    """One mention for a day said twice in a row (a weekday and its date, or "tomorrow, that's the 2nd"): a
    weekday after a date of that weekday names the same day, wherever the weekday alone would fall. The same date
    again after other words is also said again ("next monday I arrive, the 6th of march"): no stay ends the day it
    starts."""
    kept: list[_DateMention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if previous is not None and previous.day is not None and mention.day is not None \
                and (mention.day == previous.day
                     or (_SAME_DAY_AGAIN.fullmatch(text[previous.end: mention.start])
                         and mention.weekday is not None and previous.weekday is None
                         and previous.day.weekday() == mention.weekday)):
            continue
        kept.append(mention)
    return kept


def parse_extension(text: str) -> int | None:
    """'one night longer', 'two more nights', 'extend it by a night' -> +N; 'a night shorter' -> -N."""
    said = normalise(text)
    match = _LONGER.search(said)
    if not match:
        return None

    def count(raw: str | None) -> int:
        return int(raw) if raw and raw.isdigit() else 1

    if match.group("by"):
        return count(match.group("by"))
    if match.group("cut") or match.group("short"):
        return -count(match.group("cut") or match.group("short"))
    if match.group("add") or match.group(0) == "another night":
        return count(match.group("add"))
    if match.group("more"):
        return count(match.group("more"))
    nights = count(match.group(1))
    return -nights if match.group("way") in ("less", "shorter", "fewer") else nights


# Between two dates: the later one replaces the earlier ("booked Tuesday; could you move it to Saturday", "the 3rd, no,
# the 5th"). "Friday instead of Thursday", "Friday, not Thursday": the earlier one replaces the later.
_REPLACED_BY_LATER = re.compile(r"\b(?:instead|rather|change[ds]?|changing|move[ds]?|moving|switch|swap|shift|push|"
                                r"pushed|postpone|reschedule|no|sorry|actually|make it)\b")
_REPLACES_LATER = re.compile(rf"^\W*(?:(?:the |a |on )?(?:{_WEEKDAY_NAMES})\W+)?"  # "the 17th, the sunday, not ..."
                             r"(?:(?:now|then|please|actually|really)\W+)?(?:instead of|rather than|than|not)\b")
# A slip put right: the date said just before is out, and nothing else.
_CORRECTS = re.compile(r"\b(?:no wait|wait|sorry|i mean|i meant|make that|scratch that|(?:is|was|that'?s) "
                       r"(?:wrong|incorrect|a mistake|not right))\b")
# The day said before is not the one meant: "arriving saturday; not that saturday, a week later, the 17th".
_NOT_THIS = re.compile(rf"^\W*not (?:this|that)(?: (?:one|week|{_WEEKDAY_NAMES}))?\b\W+(?!(?:but|and)\b)")
_INSTEAD_AFTER = re.compile(r"^\W*instead\b")
# After "<day> instead": a departure that stays ("... and still go on the 20th", "but leave on the 20th")
_KEEPS_DEPARTURE = re.compile(r"\b(?:and|but)\b(?: \w+){0,3}? (?:go|leave|leaving|depart\w*|check ?-?out|checking out|"
                              r"out|go home|head home)\b[^.?!\d]{0,40}$")
# Words right before a lone date that make it the departure ("check out on the 28th", "until Sunday").
_DEPARTURE_CUE = re.compile(r"\b(?:leave|leaving|depart|departing|check ?-?out|checking out|out|until|till|til|"
                            r"through|thru|up to|go home|going home|off home|head home|heading home|end|ends|"
                            r"ending|"
                            r"finish|finishes|finishing|"
                            r"(?:run|runs|last|lasts) (?:on )?(?:to|into|up to))"
                            r"(?:\W+(?:on|the|by|stays|remains|is|is still|will be|will still be))*\W*$")


_SHIFT = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|one) (?P<unit>days?|nights?|weeks?) (?P<dir>later|earlier|early|sooner)\b|"
    r"\b(?:push|pushed|move|moved|postpone|put|set)\b[^.?!]{0,30}?\b(?P<back>back|forward|ahead)?(?: by)? "
    r"(?P<n2>\d{1,2}|a|an|one) (?P<unit2>days?|nights?|weeks?)\b(?: (?P<dir2>later|earlier|back|forward))?|"
    r"\b(?:bring|brought)\b[^.?!]{0,30}?\bforward (?:by )?(?P<n3>\d{1,2}|a|an|one) (?P<unit3>days?|weeks?)\b|"
    # Indian English "prepone": bring forward
    r"\bprepon(?:e|ed|ing)\b[^.?!]{0,30}?\bby (?P<n4>\d{1,2}|a|an|one) (?P<unit4>days?|weeks?)\b")
_DEPARTURE_WORDS = re.compile(r"\b(?:leave|leaving|depart|departing|check ?-?out|checking out|go home|going home|"
                              r"end|finish)\b")


def parse_shift(text: str) -> tuple[str, int] | None:
    """A booking moved by a length: ("arrival", 1) for "arrive a day later" or "push it back a day" (the stay
    keeps its length), ("departure", -1) for "leave a day early"; None when the words say no such thing."""
    said = normalise(text)
    match = _SHIFT.search(said)
    if not match:
        return None
    raw_n = match.group("n") or match.group("n2") or match.group("n3") or match.group("n4")
    unit = match.group("unit") or match.group("unit2") or match.group("unit3") or match.group("unit4") or "day"
    days = (int(raw_n) if raw_n.isdigit() else 1) * (7 if unit.startswith("week") else 1)
    if match.group("n3") or match.group("n4"):
        return ("arrival", -days)
    if match.group("n2"):
        if match.group("back") is None and match.group("dir2") is None:
            return None  # "move it to 3 nights" is a length, not a move
        earlier = "forward" in (match.group("back") or "", match.group("dir2") or "") \
            or match.group("dir2") == "earlier"
        return ("arrival", -days if earlier else days)
    sign = 1 if match.group("dir") == "later" else -1
    before = said[: match.start()]
    return ("departure" if _DEPARTURE_WORDS.search(before) else "arrival", sign * days)


def days_said(text: str, today: date) -> list[date]:
    """Every date the words name, in order ("the one on the 4th of May": that booking's arrival, whatever
    else was said around it)."""
    return [m.day for m in _mentions(_dates_read(text, today), today) if m.day is not None]


def parse_stay(text: str, today: date, *, near: date | None = None) -> Stay:
    """Arrival, departure and/or a number of nights, as far as ``text`` says them.

    Two dates are the arrival and the departure whatever joins them ("the 11th, until the 13th", or a
    misheard "until") when the second is later, unless the words say one replaces the other: then the
    one meant is the new arrival ("it's booked for the 3rd, the 5th instead please"). ``near``: the arrival of a
    booking being changed, whose month a bare day ("the 20th") is read in while that day is still ahead.
    """
    return _stay_from(_NAMES_THE_BOOKING.sub(" ", _dates_read(text, today)), today, near)


# "our reservation starting the 8th" says which booking, not a day of the new stay (``days_said`` still reads it)
_NAMES_THE_BOOKING = re.compile(
    rf"\b(?:my|our|the|that|(?:i|we)(?:'ve| have)(?: got)? an?) (?:current |existing |original |old )?"
    rf"(?:booking|reservation|stay)"
    rf"(?: (?:i|we) (?:have|'ve got|'ve|have got|made|booked|hold))? (?:from|on|for|of|"
    rf"starting(?: on)?|that starts(?: on)?|beginning(?: on)?) (?:(?:{_WEEKDAY_NAMES}),? )?(?:the )?"
    rf"(?:\d{{4}}-\d\d-\d\d(?: to \d{{4}}-\d\d-\d\d)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?: of (?:{_MONTH_NAMES}))?|(?:{_MONTH_NAMES}) (?:the )?\d{{1,2}}(?:st|nd|rd|th)?|(?:{_WEEKDAY_NAMES}))\b"
    rf"(?:,? (?:the |a |that )?(?:{_WEEKDAY_NAMES})\b)?")  # "... for the 25th, the friday": its weekday said again


_MOVE_FROM = re.compile(r"\b(?:move|moving|moved|change|changing|shift|shifting|push|bring|switch|swap|reschedule|"
                        r"postpone|prepone|put)\b")


def moved_arrival(text: str, today: date, arrival: date, departure: date) -> date | None:
    """The new arrival when the words move the booking from its own arrival to another day ("shift it off
    its first day onto a later one"): a bare day is read in the arrival's month. None when they name no such
    move, or name the booking's own stay (its arrival, then its departure, names it)."""
    said = _dates_read(text, today)
    if not _MOVE_FROM.search(said):
        return None
    mentions = _mentions(said, today, near=arrival)
    for mention, following in itertools.pairwise(mentions):
        own = mention.day == arrival or (mention.day_only == arrival.day and not mention.explicit_month)
        if not own or not re.fullmatch(r"\W*(?:to|till|until|into|onto)\W*", said[mention.end: following.start]):
            continue
        new = following.day
        if following.day_only is not None and not following.explicit_month:
            new = _day_near(following.day_only, arrival, today) or new
        elif following.weekday is not None:
            new = _next_weekday(arrival + timedelta(days=1), following.weekday, next_week=False)
        if new is None or new in (arrival, departure) or new < today:
            return None
        return new
    return None


def _dates_read(text: str, today: date) -> str:
    """The words made ready for reading dates: normalised, with lengths that are no stay taken out and the
    days said in words ("christmas eve", "a week on friday") written as dates."""
    text = re.sub(r"\bfirst thing\b", "early", text, flags=re.I)  # "leaving first thing friday": no 1st
    # A choice, not a 1st ("the one night" is a length).
    text = re.sub(r"\b(the|that|this|which|other) one\b(?! nights?\b)", r"\1 option", text, flags=re.I)
    text = re.sub(rf"\b(the|that|this) ({_MONTH_NAMES}|{_WEEKDAY_NAMES}|christmas|new year'?s?|easter|weekend) one\b",
                  r"\1 \2 option", text, flags=re.I)  # "the march one": which booking, not March 1st
    text = re.sub(rf"\b(the|that|this|my|our) ({_HOLIDAY_NAMES}) (booking|reservation|stay|trip|break|getaway)\b",
                  r"\1 \2 option \3", text, flags=re.I)  # "our easter trip": which booking, not Easter Sunday
    said = _SMALL_TALK_TODAY.sub(lambda m: m.group(0)[: -len("today")], normalise(text))
    if _LONGER.search(said):  # "two nights longer" changes a length, it is not one
        said = _LONGER.sub(" ", said)
    if parse_shift(said) is not None:  # "a day later" moves a booking, it is no length
        said = _SHIFT.sub(" ", said)
    said = _PAST_OCCASION.sub(" ", said)
    said = _HOLIDAY_NAMING_A_DATE.sub(lambda m: _holiday_naming_a_date(m, today), said)
    said = _COUPLE.sub(lambda m: "2 weeks" if m["fortnight"] else f"2 {m['unit']}", said)
    said = _WEEKS_FROM.sub(lambda m: _weeks_from(m, today), said)
    said = _SLASHED.sub(lambda m: _slashed(m, today), said)
    said = _AFTER_NEXT_WEEKEND.sub(lambda m: _weekend_after_next(today), said)
    said = _WEEKDAY_NEXT.sub(lambda m: f"next {m['wd']}", said)
    said = _WEEKDAY_WEEK.sub(lambda m: (_next_weekday(today, WEEKDAYS[m["wd"]], next_week=False)
                                        + timedelta(days=7)).isoformat(), said)
    said = _WEEKEND_OF.sub(lambda m: _weekend_of(m, today), said)
    said = _NTH_WEEKEND.sub(lambda m: _nth_weekend(m, today), said)
    said = _NTH_WEEKDAY.sub(lambda m: _nth_weekday(m, today), said)
    said = _WEEKDAY_BY_HOLIDAY.sub(lambda m: _weekday_by_holiday(m, today), said)
    said = _holiday_weekend(said, today)
    said = _HOLIDAY.sub(lambda m: _holiday(m, today), said)
    said = _OF_THIS_MONTH.sub(lambda m: _of_this_month(m, today), said)
    said = _OUT_THE_DAY_AFTER.sub(lambda m: f"until {date.fromisoformat(m['day']) + timedelta(days=1)}{m['mid']}", said)
    said = _SHARED_WEEK.sub(lambda m: f"{m['a']} next week{m['join']}{m['b']} next week{m['night'] or ''}", said)
    said = _AFTER_NEXT.sub(lambda m: (_next_weekday(today, WEEKDAYS[m["wd"]], next_week=True)
                                      + timedelta(days=7)).isoformat(), said)
    # "a week on <weekday>": that weekday's next date and seven days, not seven nights
    return _WEEK_ON.sub(lambda m: (_next_weekday(today, WEEKDAYS[m["wd"]], next_week=False)
                                   + timedelta(days=7)).isoformat(), said)


# A day said with a holiday's name next to it: the day said is the one meant, whichever country's holiday the name
# is ("the 4th of march, our national day"; "today, the holiday"; "<holiday>, the 9th").
_ORDINAL_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)\b|(?<=the )\d{1,2}\b)"
_SAID_DAY = (rf"\b(?:today|tomorrow|tonight|(?:the )?{_ORDINAL_DAY}(?: of (?:{_MONTH_NAMES}))?|"
             rf"(?:{_MONTH_NAMES}) \d{{1,2}}(?:st|nd|rd|th)?)")
_HOLIDAY_NAMING_A_DATE = re.compile(
    rf"(?P<date>{_SAID_DAY}),? (?:(?:our|the|my|their|which is|that'?s|it'?s|being) )?(?P<name>{_HOLIDAY_NAMES})\b|"
    rf"\b(?P<name2>{_HOLIDAY_NAMES}),? (?P<date2>(?:the |on (?:the )?)?{_ORDINAL_DAY})")


def _holiday_naming_a_date(match: re.Match[str], today: date) -> str:
    """The day said, not our calendar's day of that name; a bare day number that is the holiday's takes its month."""
    said, name = match["date"] or match["date2"], (match["name"] or match["name2"]).removeprefix("the ")
    number = re.search(r"\d+", said)
    if number is None or re.search(rf"\b(?:{_MONTH_NAMES})\b", said):
        return said
    holiday = _holiday_date(name, today)
    return holiday.isoformat() if holiday.day == int(number.group(0)) else said
# A holiday or month of a past stay is no day of this one: "we stayed over the <holiday> weekend last year".
_PAST_OCCASION = re.compile(rf"\b(?:the )?(?:{_HOLIDAY_NAMES}|{_MONTH_NAMES})(?: long)?(?: weekend| holidays?)? "
                            r"(?:last year|last time|years? ago)\b|"
                            r"\blast year'?s [\w' ]{3,30}?\b(?:weekend|holidays?)\b")


# "a week today", "a fortnight from tomorrow", "tomorrow week": a day so many weeks on, not a length
_WEEKS_FROM = re.compile(r"(?<!for )\b(?P<n>a|1|2) weeks? (?:from |on )?(?P<base>today|tomorrow)\b|"
                         r"\b(?P<base2>today|tomorrow) (?P<n2>week|2 weeks)\b")


def _weeks_from(match: re.Match[str], today: date) -> str:
    base = match["base"] or match["base2"]
    weeks = 2 if (match["n"] or "") == "2" or match["n2"] == "2 weeks" else 1
    return (today + timedelta(days=(1 if base == "tomorrow" else 0) + 7 * weeks)).isoformat()


# "a couple of nights", "a fortnight"
_COUPLE = re.compile(r"\b(?:a |one |1 )?(?:couple (?:of )?(?P<unit>nights|days)|(?P<fortnight>fortnight))\b")
# "20/12" (day first, as the hotel's country writes it), "20/12/2026"
_SLASHED = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?\b")
_AFTER_NEXT_WEEKEND = re.compile(r"\b(?:the )?weekend after next\b")
# "thursday week": a week after the coming thursday
_WEEKDAY_WEEK = re.compile(rf"\b(?:on )?(?P<wd>{_WEEKDAY_NAMES}) week\b")
# "friday next", as "next friday" (not "friday next week")
_WEEKDAY_NEXT = re.compile(rf"\b(?P<wd>{_WEEKDAY_NAMES}) next\b(?! (?:week|month|year|weekend)\b)")


def _slashed(match: re.Match[str], today: date) -> str:
    day, month = int(match["day"]), int(match["month"])
    if match["year"]:
        year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return match.group(0)
    when = _roll(month, day, today) if 1 <= month <= 12 else None
    return when.isoformat() if when else match.group(0)


def _weekend_after_next(today: date) -> str:
    friday = today - timedelta(days=today.weekday()) + timedelta(days=14 + 4)
    return f"{friday.isoformat()} to {(friday + timedelta(days=2)).isoformat()}"


def _easter(year: int) -> date:
    """Easter Sunday (the Gregorian computus, as the Anonymous Gregorian algorithm gives it)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(name: str, today: date) -> date:
    """The holiday's next date from today."""
    for year in (today.year, today.year + 1):
        when = holiday_in(name, year)
        if when is not None and when >= today:
            return when
    return today


def _holiday(match: re.Match[str], today: date) -> str:
    day = _holiday_date(match["day"], today - timedelta(days=1 if match["way"] == "after" else 0))
    shift = {"after": 1, "before": -1}.get(match["way"] or "", 0)
    return (day + timedelta(days=shift)).isoformat()


# "the saturday after easter": that weekday's first date after (or last before) the holiday
_WEEKDAY_BY_HOLIDAY = re.compile(rf"\b(?:the )?(?P<wd>{_WEEKDAY_NAMES}) (?P<way>after|before) "
                                 rf"(?P<day>{_HOLIDAY_NAMES})\b")


def _weekday_by_holiday(match: re.Match[str], today: date) -> str:
    day = _holiday_date(match["day"], today - timedelta(days=7 if match["way"] == "after" else 0))
    step = 1 if match["way"] == "after" else -1
    when = day + timedelta(days=step)
    while when.weekday() != WEEKDAYS[match["wd"]]:
        when += timedelta(days=step)
    return when.isoformat()


# "<holiday> weekend", "the weekend (when) the clocks go back": the weekend nearest that day; a weekday said after
# it falls in that weekend
_HOLIDAY_WEEKEND = re.compile(rf"\b(?:the |a |this |that )?(?:(?P<day>{_HOLIDAY_NAMES}) (?:long )?weekend\b|"
                              rf"weekend (?:when |that |of )?(?:the )?(?P<day_after>{_HOLIDAY_NAMES})\b)"
                              r"(?! (?:option|booking|reservation|stay|trip|break|getaway)\b)")
_WEEKEND_DAYS = {"thursday": -1, "friday": 0, "saturday": 1, "sunday": 2, "monday": 3}
_WEEKEND_DAY = re.compile(rf"\b(?:the |on |from )?(?P<wd>{'|'.join(_WEEKEND_DAYS)})\b(?! (?:next|after|week)\b)")


def _holiday_weekend(said: str, today: date) -> str:
    match = _HOLIDAY_WEEKEND.search(said)
    if match is None:
        return said
    when = _holiday_date(match["day"] or match["day_after"], today)
    ahead = (4 - when.weekday()) % 7
    friday = when + timedelta(days=ahead) if ahead <= 3 else when - timedelta(days=7 - ahead)
    rest = said[match.end():]
    if _WEEKEND_DAY.search(rest):
        # in words, not ISO: "<day> and <day> nights" must still read as the nights they are
        rest = _WEEKEND_DAY.sub(lambda m: _in_words(friday + timedelta(days=_WEEKEND_DAYS[m["wd"]])), rest)
        return f"{said[: match.start()]}that weekend{rest}"
    return f"{said[: match.start()]}{friday.isoformat()} to {(friday + timedelta(days=2)).isoformat()}{rest}"


# "the third weekend of august", "the last weekend in june": that Friday to Sunday
_NTH_WEEKEND = re.compile(rf"\b(?:the )?(?P<nth>1st|first|2nd|second|3rd|third|4th|fourth|last) weekend (?:of|in) "
                          rf"(?P<month>{_MONTH_NAMES})\b")
_NTH = {"1st": 0, "first": 0, "2nd": 1, "second": 1, "3rd": 2, "third": 2, "4th": 3, "fourth": 3, "last": -1}


def _nth_weekend(match: re.Match[str], today: date) -> str:
    month = MONTHS[match["month"]]
    for year in (today.year, today.year + 1):
        friday = _weekdays_of(year, month, 5)[_NTH[match["nth"]]] - timedelta(days=1)
        if friday + timedelta(days=2) >= today:
            return f"{friday.isoformat()} to {(friday + timedelta(days=2)).isoformat()}"
    return match.group(0)


_NTH_WEEKDAY = re.compile(rf"\b(?:the )?(?P<nth>1st|first|2nd|second|3rd|third|4th|fourth|last) "
                          rf"(?P<wd>{_WEEKDAY_NAMES}) (?:of|in) (?P<month>{_MONTH_NAMES})\b")


def _nth_weekday(match: re.Match[str], today: date) -> str:
    """"the second tuesday of june": that date, in the coming year where this year's is past."""
    month, weekday = MONTHS[match["month"]], WEEKDAYS[match["wd"]]
    for year in (today.year, today.year + 1):
        day = _weekdays_of(year, month, weekday)[_NTH[match["nth"]]]
        if day >= today:
            return day.isoformat()
    return match.group(0)


def _in_words(day: date) -> str:
    return f"the {_suffixed(day.day)} of {calendar.month_name[day.month].lower()}"


# "stay through <holiday>, out the morning after": the night of that day is the last one
_OUT_THE_DAY_AFTER = re.compile(r"\b(?:through|thru|till|until|to|over) (?P<day>\d{4}-\d\d-\d\d)"
                                r"(?P<mid>[^.?!\d]{0,25}?)"
                                r"(?:check(?:ing)? out|out|leav(?:e|ing)|going home|head(?:ing)? home) (?:on )?"
                                r"the (?:morning|day) after\b")


# "the 27th of this month", "the 1st of the following month": that month's day, whatever today is
_OF_THIS_MONTH = re.compile(r"\b(?:the )?(?P<day>\d{1,2})(?:st|nd|rd|th)? of (?P<which>this|next|the coming|"
                            r"the following) month\b")


def _of_this_month(match: re.Match[str], today: date) -> str:
    first = today.replace(day=1)
    if match["which"] != "this":
        first = (first + timedelta(days=32)).replace(day=1)
    try:
        return first.replace(day=int(match["day"])).isoformat()
    except ValueError:
        return match.group(0)


# "weekend of the 27th": the Friday to the Sunday around that day (the Saturday and Sunday nights when said)
_WEEKEND_OF = re.compile(rf"\b(?:the )?weekend of (?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                         rf"(?: of (?P<month>{_MONTH_NAMES}))?"
                         r"(?P<nights>,? (?:(?:the|for|on) )?(?P<first>friday|saturday) and (?:saturday|sunday)"
                         r"(?: nights?)?)?\b")


def _weekend_of(match: re.Match[str], today: date) -> str:
    day = int(match["day"])
    when = _roll(MONTHS[match["month"]], day, today) if match["month"] else _day_in_coming_month(day, today)
    if when is None:
        return match.group(0)
    friday = when - timedelta(days=(when.weekday() - 4) % 7) if when.weekday() >= 4 \
        else when + timedelta(days=4 - when.weekday())
    if match["first"] == "saturday":
        friday += timedelta(days=1)
    return f"{friday.isoformat()} to {(friday + timedelta(days=2)).isoformat()}"


_ARRIVAL_CUE = re.compile(r"\b(?:check ?-?in|checking in|arriv\w*|from|starting|start|come|coming|get there|"
                          r"(?:get |getting |be |being |we.re )?in)"
                          r"(?: on| the| date| day| will be| is| would be)*"
                          r"(?:(?: [\w']+){1,3},)?\W*$")  # "arriving on <a feast's name>, the 4th"
# A departure said right after its day: "on the 3rd, sunday, we head home".
_DEPARTS_AFTER = re.compile(rf"^\W*(?:(?:the )?(?:{_WEEKDAY_NAMES})\W+)?"
                            r"(?:(?:we|i)(?:'d|'ll|'re|'m| would| will| are| am| shall)? (?:be )?)?"
                            r"(?:off home|heading home|head home|going home|go home|leav(?:e|ing)|depart(?:ing)?|"
                            r"check(?:ing)? ?-?out)\b")


# Arrival and departure said as such before two days: "arrival and departure days: the 3rd and the 5th".
_BETWEEN = re.compile(r"\bbetween\W+(?:the\W+)?$")  # "between the 22nd and the 24th": from one to the other
_IN_AND_OUT = re.compile(r"\brespectively\b|\b(?:check ?-?in|arrival) (?:date |day )?and (?:check ?-?out|departure)\b")
# The departure named, then the day it is to be: "the check-out date, please make it the 9th".
_DEPARTURE_MADE = re.compile(r"\b(?:check ?-?out|departure|leaving)(?: date| day)?\b[^.?!]{0,30}\b"
                             r"(?:make it|change it to|move it to|set it to|put it to|should be|to be|to|"
                             # a departure said to be a mistake, then the day it should have been
                             r"(?:right|correct|real|actual|proper) (?:1|date|day)?\s*(?:is|should be|will be))\W+"
                             r"(?:the |on )?$")


def _stay_from(said: str, today: date, near: date | None = None) -> Stay:
    nights: int | None = None
    # The last count said is the one meant: "five nights, no, seven nights" (or "..., no, only four")
    for nights_match in list(_NIGHTS.finditer(said)):
        if _EXTENDED_BY.search(said[: nights_match.start()]):
            pass  # "extend it a day": a change's extension (``parse_extension``), not the stay's length
        elif nights_match.group(2) or nights_match.group(3):
            nights = 7 * int(nights_match.group(3) or 1)
        else:
            nights = int(nights_match.group(1) or 1)
        corrected = _NIGHTS_CORRECTED.match(said, nights_match.end())
        if corrected is not None:
            nights = int(corrected["nights"])
            said = said[: corrected.start("nights")] + " " * len(corrected["nights"]) + said[corrected.end("nights"):]
        said = said[: nights_match.start()] + " " * (nights_match.end() - nights_match.start()) + said[
            nights_match.end():]
    if _WEEKEND.search(said) and not _mentions(said, today, near):
        friday = _next_weekday(today, 4, next_week=False)
        if "next weekend" in said:  # the weekend of next week, as "<weekday> next week" is
            friday = today - timedelta(days=today.weekday()) + timedelta(days=7 + 4)
        return Stay(friday, friday + timedelta(days=2), None)
    mentions = _mentions(said, today, near)
    if not mentions:
        return Stay(nights=nights) if nights else Stay()
    # a day said after "instead of" or "rather than" is the one being replaced, not a day of the stay
    mentions = [m for m in mentions if not _REPLACED_DAY.search(said[max(0, m.start - 20): m.start])] or mentions
    mentions = _replacing(said, mentions, today)
    first = mentions[0]
    if len(mentions) >= 2 and first.day is not None and mentions[1].day is not None \
            and (_DEPARTURE_CUE.search(said[max(0, first.start - 30): first.start])
                 or _DEPARTS_AFTER.match(said[first.end:])) \
            and _ARRIVAL_CUE.search(said[first.end: mentions[1].start]):
        # the departure said before the arrival ("leaving the 9th, arriving monday")
        arrival = mentions[1].day
        departure = first.day
        if first.day_only is not None and not first.explicit_month:
            departure = _day_after(arrival, first.day_only) or departure
        if mentions[1].day_only is not None and not mentions[1].explicit_month and arrival >= departure:
            # "out on the 31st, in on the 28th", "out on the 1st, in on the 29th": a bare arrival day
            # is the last day of that number before the departure
            month_before = (departure.replace(day=1) - timedelta(days=1)).replace(day=1)
            for month in (departure.replace(day=1), month_before):
                with contextlib.suppress(ValueError):
                    before = month.replace(day=mentions[1].day_only)
                    if today <= before < departure:
                        arrival = before
                        break
        if departure > arrival:
            return Stay(arrival, departure, None)
    if len(mentions) >= 2 and nights is not None and first.day is not None and mentions[1].day is not None \
            and (mentions[1].day - first.day).days != nights \
            and not ((mentions[1].day - first.day).days == nights - 1
                     and re.fullmatch(r"\W*and\W*", said[first.end: mentions[1].start])):
        # Two days that are no stay of the nights said (a first thought, then the arrival meant, then the
        # nights): the day said as the arrival, else the last, for those nights.
        cued = [m for m in mentions if _ARRIVAL_CUE.search(said[max(0, m.start - 30): m.start])]
        return Stay((cued or mentions)[-1].day, None, nights)
    if len(mentions) >= 2:
        second = mentions[1].day
        if mentions[1].weekday is not None and first.day is not None:  # "December 4th to Sunday"
            second = _next_weekday(first.day + timedelta(days=1), mentions[1].weekday, next_week=False)
        if second is not None and first.day is not None:
            if second <= first.day and second.replace(year=second.year + 1) > first.day:
                second = _roll(second.month, second.day, first.day + timedelta(days=1))
            if second is not None and second > first.day:
                if _BOTH_NIGHTS.fullmatch(said[first.end: mentions[1].start]) and not _IN_AND_OUT.search(said) \
                        and not _BETWEEN.search(said[max(0, first.start - 20): first.start]):
                    second += timedelta(days=1)  # "friday and saturday (nights)": both nights are the stay
                return Stay(first.day, second, None)
    if len(mentions) == 1 and first.day is not None and (
            _DEPARTURE_CUE.search(said[: first.start])
            or _DEPARTURE_MADE.search(said[max(0, first.start - 60): first.start])):
        departure = first.day
        if first.weekday is not None and near is not None and near >= today:  # "out on the monday": after arriving
            departure = _next_weekday(near + timedelta(days=1), first.weekday, next_week=False)
        if nights is not None:  # "make it 4 nights, so out on the 3rd": the arrival those nights before
            return Stay(departure - timedelta(days=nights), departure, None)
        return Stay(None, departure, None)  # "could we leave on the 28th instead": the departure alone
    single_night = re.search(r"\b(?:the )?night of\b|\btonight\b|\btomorrow night\b", said)
    if nights is None and single_night:
        nights = 1
    return Stay(first.day, None, nights)


_EXTENDED_BY = re.compile(r"\b(?:extend|extending|extended|stretch|lengthen)\b(?: (?:it|the stay|my stay|our stay|"
                          r"the booking|my booking|our booking|things))?(?: by)? $")
_REPLACED_DAY = re.compile(r"\b(?:instead of|rather than|in place of)\s+(?:the\s+|on\s+the\s+)?$")
# A count of nights put right at once with a bare number: "for 5 nights, no, sorry, only 4"
_NIGHTS_CORRECTED = re.compile(r"\W+(?:no|sorry|wait|wrong|actually|i mean|make (?:that|it))\b[\w' ,]{0,20}?"
                               r"\b(?:only |just |rather |make (?:that|it) )?(?P<nights>\d{1,2})\b"
                               r"(?!(?:st|nd|rd|th)\b| (?:of us|people|persons|guests|adults|kids|children|rooms?|"
                               r"beds?|nights?|days?|weeks?|pm|am|o'?clock)\b)")
# Between two days that are both nights of the stay: a weekday said again, "and", a holiday's weekday
_BOTH_NIGHTS = re.compile(rf"\W*(?:(?:the )?(?:{_WEEKDAY_NAMES})\W+)?and (?:the )?(?:bank holiday )?\W*|\W*and\W*")


def _replacing(said: str, mentions: list[_DateMention], today: date) -> list[_DateMention]:
    """The mentions that are meant, when the words say some replace others (see ``parse_stay``)."""
    kept = mentions
    for index in range(len(mentions) - 1, 0, -1):
        between = said[mentions[index - 1].end: mentions[index].start]
        if _NOT_THIS.match(between):
            kept = mentions[:index - 1] + mentions[index:]
            break
        if _REPLACES_LATER.match(between):  # "the 2nd, not the 3rd, until the 6th": the 3rd alone is out
            kept = mentions[:index] + mentions[index + 1:]
            break
        if _CORRECTS.search(between):  # "from the 2nd, oh sorry, from the 4th": the 2nd alone is out
            kept = mentions[:index - 1] + mentions[index:]
            break
        if _INSTEAD_AFTER.match(between) and _KEEPS_DEPARTURE.search(between):
            continue  # "in on the 17th instead and still out on the 20th": the earlier day is the new one
        if _REPLACED_BY_LATER.search(between) and not re.search(r"\b(?:from|between)\b", between):
            kept = mentions[index:]
            break
        if index == 1 and len(mentions) == 2 and not _RANGE_SPLIT.search(between) \
                and _INSTEAD_AFTER.match(said[mentions[1].end:]):
            kept = mentions[1:]
            break
    if kept is not mentions:
        # A new day named as a weekday is never today: "move it to Wednesday" said on a Wednesday is next week's.
        kept = [dataclasses.replace(m, day=m.day + timedelta(days=7)) if m.weekday is not None and m.day == today
                else m for m in kept]
        kept = _rechained(kept)
    return kept


def _rechained(kept: list[_DateMention]) -> list[_DateMention]:
    """A bare day read after a date now left out counts from the date kept before it instead ("the 9th, not the
    8th, and out on the 12th": the 12th follows the 9th, not a month after the 8th)."""
    out: list[_DateMention] = []
    for mention in kept:
        previous = out[-1].day if out else None
        if mention.day_only is not None and not mention.explicit_month and previous is not None \
                and mention.day is not None:
            for month_ahead in (0, 1):
                base = (previous.replace(day=1) + timedelta(days=32 * month_ahead)).replace(day=1)
                try:
                    candidate = base.replace(day=mention.day_only)
                except ValueError:
                    continue
                if candidate > previous:
                    mention = dataclasses.replace(mention, day=candidate)
                    break
        out.append(mention)
    return out


# --- guests, room types, names, codes, rooms, times, yes/no ----------------------------------------

_COMPANION = (r"sister|brother|mother|mum|mom|father|dad|son|daughter|boss|co-?worker|fianc[eé]e?|cousin|aunt|uncle|"
              r"grand(?:mother|father|ma|pa|son|daughter)|mate|buddy|assistant")
# Two before one: "only me and my cousin" is two.
_GUEST_PATTERNS: Sequence[tuple[re.Pattern[str], int | None]] = (
    (re.compile(r"\b(?:me and my|my) (?:wife|husband|partner|girlfriend|boyfriend|friend|colleague|spouse)\b"
                rf"|\b(?:me|myself) and (?:my|a|an|one) (?:\w+ )?"
                rf"(?:{_COMPANION}|wife|husband|partner|friend|colleague)\b"
                rf"|\bmy (?:\w+ )?(?:{_COMPANION}|wife|husband|partner|friend|colleague) and (?:me|i|myself)\b"
                r"|\b(?:me and |with |myself and |and )?the (?:wife|missus|missis|hubby|husband|other half)\b"
                r"|\b(?:a|as a) couple\b(?! (?:of )?(?:nights?|days?|weeks?)\b)|\bthe 2 of us\b|\bboth of us\b"), 2),
    (re.compile(r"\b(?:just|only) (?:the )?(?:me|myself|one|1)\b(?! (?:nights?|days?|weeks?|rooms?|more)\b)|"
                r"\bby myself\b|\bon my own\b|\bit'?s only me\b|\bjust for me\b|\b(?:just |only )?little old me\b"
                r"|\bmyself only\b|\bsolo\b|\balone\b|\bsingle (?:person|guest|traveller|traveler)\b"), 1),
)
_COUNT = re.compile(
    r"\b(\d{1,2}) (?:adults?|people|persons?|guests?|pax|of us|travell?ers|grown? ?-?ups?)\b"
    r"|\bfamily of (\d{1,2})\b|\bparty of (\d{1,2})\b|\bgroup of (\d{1,2})\b"
    r"|\bfor (\d{1,2})\b(?! (?:(?:more|extra|additional|further) )?(?:nights?|weeks?|days?)"
    r"| (?:pm|am|p\.m|a\.m|o'clock)|(?: \w+)? (?:rooms?|beds?|bedrooms?)\b)"
)
_NOT_COMING = re.compile(r"\b(?:my|our|the) (?:\w+ )?\w+ (?:can'?t|cannot|won'?t|will not|isn'?t|is not|is no longer|"
                         r"has had to|had to|dropped out|pulled out)(?: be)?(?: able to)? (?:make it|come|coming|join|"
                         r"joining|travel|travell?ing|cancel|drop out|pull out)\b|"
                         r"\b(?:my|our|the) (?:\w+ )?\w+ (?:dropped|pulled) out\b")
_COUNT_CORRECTED = re.compile(r"\b(?:not|wrong|incorrect|mistake|actually|instead|rather|only|now|change|"
                              r"make (?:it|that)|sorry|no longer)\b")
_CHILDREN = re.compile(r"(?:\b(?:and|plus|with)|,) (?:the |our |my )?(\d{1,2}) "
                       r"(?:kids?|children|child|babies|baby|infants?|little ones|bairns?|wee ones|young ones|"
                       r"toddlers|teenagers|teens)\b")


_PARTY_TOTAL = re.compile(r"\b\d{1,2} of us\b|\b(?:family|party|group) of \d{1,2}\b")
# A whole party's number said first, then who they are: "four: three adults and a little one".
_TOTAL_FIRST = re.compile(r"(?:there(?:'ll| will)? be |there are |we(?:'re| are| will be) |it'?s |just )?"
                          r"(\d{1,2}) ?(?:[,:;]|-|\b(?:in all|in total|altogether|total)\b)")


# The party's size said outright mid-sentence, then who they are: "we're 6: 4 grown-ups, 2 kids".
_WE_ARE = re.compile(r"\b(?:we(?:'re| are| will be)|we'll be|there(?:'ll| will)? be|there are|(?:now|so) we) "
                     r"(\d{1,2}) ?"
                     r"(?=[,:;.!]|-|$|\b(?:in all|in total|altogether|total)\b)")


def parse_guests(text: str, *, asked: bool = False) -> int | None:
    """How many guests ("two adults and a child" -> 3); a bare number when the agent just asked.

    Asked, an answer that opens on a number and then says who ("5, that's 3 grown-ups and 2 little ones") is
    that number, or the people it lists where they come to more (a count put right as it is said); so is a
    party's size said outright before who they are ("we are 5, 3 adults, 2 children").
    """
    said = normalise(text)
    listed = _guests_listed(said, asked=asked)
    total = _TOTAL_FIRST.match(said) if asked else None
    if total is not None and listed is not None and 1 <= int(total.group(1)) <= 10:
        return max(int(total.group(1)), listed)
    outright = _WE_ARE.search(said)
    if outright is not None and 1 <= int(outright.group(1)) <= 10:
        return max(int(outright.group(1)), listed or 0)
    return listed


def _guests_listed(said: str, *, asked: bool) -> int | None:
    said = re.sub(r"\b(a|one|1) (child|kid|baby|little (?:one|1)|toddler|infant|teenager|teen)\b", r"1 child", said)
    # One child said by who they are: "2 adults and our boy" is three.
    said = re.sub(r"(?<!\bme )(?<!\bmyself )\b(and|plus|with) (?:our|my|the|a|their) (?:little |young |baby |teenage )?"
                  r"(?:son|daughter|boy|girl|lad|lass|kid|child|baby|toddler|infant|teenager|teen|nephew|niece)\b",
                  r"\1 1 child", said)
    said = _NOT_COMING.sub(" ", said)  # "my colleague can't make it": one guest fewer, not two
    # Whisper hears "three" as "free" on a phone line; before a word for people it can only be a count.
    said = re.sub(r"\bfree (?=(?:adults?|people|persons?|guests?|of us|grown? ?-?ups?)\b)", "3 ", said)
    # a total said, then who: "5 of us, i.e. ..." is 5, whoever is listed
    for pattern, count in _GUEST_PATTERNS if not _PARTY_TOTAL.search(said) else ():
        if pattern.search(said):
            extra = _CHILDREN.search(said)
            return (count or 1) + (int(extra.group(1)) if extra else 0)
    counts = list(_COUNT.finditer(said))
    # "it says 2 guests, that's wrong, only 1 person": the count that puts it right
    match = counts[-1] if len(counts) > 1 and _COUNT_CORRECTED.search(said[counts[0].end(): counts[-1].start()]) \
        else counts[0] if counts else None
    if match:
        count = int(next(g for g in match.groups() if g))
        # Children add to adults ("2 adults plus a baby"), not to a whole party ("5 of us: 3 grown-ups, 2 kids").
        extra = None if re.search(r"of us|of \d", match.group(0)) else _CHILDREN.search(said)
        total = count + (int(extra.group(1)) if extra else 0)
        return total if 1 <= total <= 10 else None
    if asked:
        bare = re.fullmatch(r"(?:it'?s |we are |we're |there (?:are|will be) |just )?(\d{1,2})(?: of us)?"
                            r"(?:,? (?:again|as before|same as before|please|in total|altogether|total))?\.?", said)
        if bare and 1 <= int(bare.group(1)) <= 10:
            return int(bare.group(1))
    return None


@dataclass(frozen=True)
class RoomTypeName:
    code: str
    name: str
    max_occupancy: int


# Words callers use for a room type, and what Whisper makes of them ("sweet" for suite).
_ROOM_WORDS: dict[str, tuple[str, ...]] = {
    "STE": ("suite", "sweet", "suit", "suites", "sweets", "junior suite", "executive suite"),
    "DLX": ("deluxe", "de luxe", "delux", "king room", "king bed", "king"),
    "STD": ("standard", "queen room", "queen bed", "queen", "basic", "regular", "normal room"),
    "FAM": ("family", "two queens", "2 queens", "family room", "2 beds", "twin", "twin beds", "2 single beds",
            "separate beds"),
}


_MISHEARD_ROOM_WORDS = frozenset({"sweet", "suit", "sweets"})
_SWEET_SAYING = re.compile(r"\bsweet as\b|\b(?:that'?s|how|very|so) sweet\b|\bsweet,? (?:thanks|thank you|cheers)\b|"
                           r"^\W*sweet\W*$")


def parse_room_type(text: str, types: Sequence[RoomTypeName]) -> str | None:
    """The room type code the caller named ('sweet' -> the suite), or None."""
    said = normalise(text)
    codes = {t.code for t in types}
    for room_type in types:  # the hotel's own names and codes first
        if re.search(rf"\b{re.escape(room_type.name.lower())}\b", said) or re.search(
                rf"\b{re.escape(room_type.code.lower())}\b", said):
            return room_type.code
    said = _SWEET_SAYING.sub(" ", said)  # "sweet as": fine, no suite
    for misheard in (False, True):  # "the deluxe one, sweet" names the deluxe: a word Whisper mishears comes last
        for code, words in _ROOM_WORDS.items():
            if code in codes and any(re.search(rf"\b{re.escape(word)}\b", said) for word in words
                                     if (word in _MISHEARD_ROOM_WORDS) == misheard):
                return code
    # Fuzzy, word by word, against the first word of each type's name ("delux", "famly").
    heads = {t.name.lower().split()[0]: t.code for t in types}
    for word in said.split():
        if len(word) >= 5:
            close = difflib.get_close_matches(word, list(heads), n=1, cutoff=0.8)
            if close:
                return heads[close[0]]
    return None


def room_size_hint(text: str) -> int | None:
    """'A single room' means one guest, 'a double' or 'twin' two: a size, not a room type."""
    said = normalise(text)
    if re.search(r"\bsingle(?: room| bed)?\b", said) and not re.search(r"\bsingle (?:person|guest)", said):
        return 1
    if re.search(r"\b(?:double|twin)(?: room| bed| beds)?\b", said):
        return 2
    return None


_NAME_CUES = re.compile(
    r"(?:my name is|my name's|name is|name's|the name is|this is|call me|i am|i'm|it's|it is|under(?: the name)?|"
    r"book it for|booking for|reservation for|(?:booking|reservation)(?:'s| is| will be| should be) (?:for|under)|"
    r"in the name of|put it under|for mr\.?|for mrs\.?|for ms\.?|"
    r"for me ,|(?:under|in) (?:his|her|their|my) name(?: of)?(?: ,)?|for)\s+"
    r"(?P<name>[A-Z][\w'\-]+(?:\s+(?:[A-Z][\w'\-]+|bin|binti|van|von|de|da|al|el)){0,3})"
)
_NOT_NAMES = {
    "i", "yes", "no", "yeah", "sure", "ok", "okay", "please", "thanks", "thank", "hello", "hi", "hey", "the",
    "a", "an", "it", "that", "this", "just", "me", "my", "two", "one", "room", "suite", "deluxe", "standard",
    "family", "king", "queen", "double", "single", "friday", "saturday", "sunday", "monday", "tuesday",
    "wednesday", "thursday", "tonight", "tomorrow", "today", "calling", "looking", "going", "trying", "not",
    "sorry", "well", "um", "uh", "so", "and", "but", "actually", "good", "fine", "great", "here", "there",
    *MONTHS, "mr", "mrs", "ms", "dr", "miss",
    "i'm", "i'd", "i'll", "i've", "im", "we", "we're", "we'd", "we'll", "you", "he", "she", "they", "us",
    # occasions callers plan a stay around ("home for <festival>"), never the guest's name: the ones the dates do
    # not compute, and every word of those they do ("it's hogmanay"), but words that are also given names
    "eid", "diwali", "hanukkah", "passover", "ramadan", "puja", "holi", "saint", "chinese", "lunar", "half-term",
    *({word for name in HOLIDAY_NAMES for word in name.split()} - {"guy", "ash", "eve", "day", "night", "of"}),
}


# A name held back: "I'd rather not say", "prefer not to give it"
_NO_NAME_GIVEN = re.compile(r"\b(?:rather|prefer|want|like) not\b|\bnot (?:say|tell|give)\w*\b|"
                            r"\b(?:don'?t|do not|won'?t|will not) (?:want to |wish to )?(?:say|tell|give|share)\b",
                            re.I)


_OCCASION_ENDS = frozenset({"day", "eve", "festival", "fest", "weekend", "holiday", "holidays", "week", "celebration",
                            "celebrations", "jubilee", "fair", "carnival", "games", "cup"})


def _clean_name(raw: str) -> str | None:
    words = [w.strip(".,!?'\"") for w in raw.split()]
    kept: list[str] = []
    for word in words:
        if not word:
            continue
        if word.lower() in _NOT_NAMES or any(ch.isdigit() for ch in word):
            break
        kept.append(word)
    if not kept or len(kept) > 4 or sum(len(w) for w in kept) < 2:
        return None
    return " ".join(w[:1].upper() + w[1:] if w.islower() or w.isupper() else w for w in kept)


def parse_name(text: str, *, asked: bool = False) -> str | None:
    """The name the caller gives for a booking ('My name is Nadia Karim', or just 'Nadia Karim' when asked)."""
    raw = " ".join(text.replace(",", " , ").split())
    for match in _NAME_CUES.finditer(raw):
        name = _clean_name(match.group("name"))
        cue = raw[match.start(): match.start("name")].strip().lower()
        if name and cue.endswith("for") and (name.split()[-1].lower() in _OCCASION_ENDS
                                             or (cue == "for" and " " not in name)):
            continue  # "for <one word>", "for <someone's> day": an occasion or a place as often as a guest
        if name:
            return name
    if asked:
        stripped = re.sub(r"^(?:(?:yes|yeah|sure|ok|okay|right|so|well|um|uh|hi|hello)[,.!]?\s+)+", "", raw.strip(),
                          flags=re.I)
        stripped = re.sub(r"^(?:it'?s|it is|that'?s|that is|the name is|my name is|name is|i'?m|i am|this is)\s+",
                          "", stripped, flags=re.I)
        stripped = re.sub(r"[.!?]+$", "", stripped).strip()
        if _NO_NAME_GIVEN.search(stripped):
            return None
        letters = [w for w in stripped.replace(",", " ").split() if w]
        if 1 <= len(letters) <= 4 and all(re.fullmatch(r"[A-Za-z][A-Za-z'\-]*\.?", w) for w in letters):
            return _clean_name(" ".join(letters))
    return None


CODE_CHARACTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def code_candidates(text: str, length: int = 6) -> list[str]:
    """Confirmation codes the caller may have read out: 'K 7 F 2 Q 9', 'k7f2q9', 'K seven F two...'.

    Runs of short letter/digit tokens are joined and every window of ``length`` characters starting
    at a token boundary is a candidate (Whisper splits and joins spelled codes unpredictably).
    """
    said = _spelled(text)
    tokens = re.findall(r"[A-Za-z0-9]+", said)
    candidates: list[str] = []
    if not said.isupper():  # a code written as one word in capitals, letters only ("KPBWPE"), not a name
        candidates += [t for t in tokens if len(t) == length and t.isupper() and set(t) <= set(CODE_CHARACTERS)
                       and sum(ch in "AEUY" for ch in t) <= 2]
    run: list[str] = []

    def flush() -> None:
        joined = "".join(run).upper()
        starts = [0]
        for token in run[:-1]:
            starts.append(starts[-1] + len(token))
        spelled = sum(len(token) == 1 for token in run) >= length - 2  # read out letter by letter
        for start in starts:
            window = joined[start: start + length]
            if len(window) == length and all(ch in CODE_CHARACTERS for ch in window) and (
                    spelled or any(ch.isdigit() for ch in window)) and window not in candidates:
                candidates.append(window)
        run.clear()

    for token in tokens:
        short = len(token) <= 2 or (len(token) <= length and any(ch.isdigit() for ch in token))
        if short and token.lower() not in ("is", "it", "my", "me", "am", "an", "of", "to", "on", "in", "at", "so",
                                           "no", "ok", "hi", "we", "be", "do", "or", "by", "up", "us"):
            run.append(token)
        else:
            flush()
    flush()
    return candidates


def said_code(text: str, code: str) -> bool:
    """Whether ``code`` was read out in ``text`` (in order, allowing spaces and number words)."""
    joined = "".join(re.findall(r"[A-Za-z0-9]+", _spelled(text))).upper()
    return code.upper() in joined


def _spelled(text: str) -> str:
    return read_spelling(words_to_digits(text))


_ROOM = re.compile(r"\b(?:room|rm|number|no\.?)\s*#?\s*(\d{3,4}[a-z]?)\b|\b(\d{3,4})\b")


def parse_room_number(text: str) -> str | None:
    """'room two fourteen', 'room 214', 'in 305' -> '214' / '305'."""
    said = normalise(text)
    said = re.sub(r"\b(\d) (1\d|[2-9]\d)\b", lambda m: m.group(1) + m.group(2), said)  # "2 14" -> "214"
    said = re.sub(r"\b(\d) (\d) (\d)\b", r"\1\2\3", said)  # "2 1 4" -> "214"
    said = re.sub(r"\b(\d) 0 (\d)\b", r"\g<1>0\2", said)  # "3 oh 5" became "3 0 5"
    match = _ROOM.search(said)
    if not match:
        return None
    return (match.group(1) or match.group(2)).upper()


_TIME = re.compile(r"\b(?:until|till|til|by|at|to|around|about)?\s*(noon|midday|\d{1,2}(?::\d{2})?\s*(?:[ap]m)?)\b")


def parse_time(text: str) -> time | None:
    """'until 2 pm', 'one o'clock', 'noon' -> a time (a bare early hour is the afternoon)."""
    said = normalise(text).replace("o'clock", "").replace("p.m.", "pm").replace("a.m.", "am")
    said = re.sub(r"\b(?:past|after|beyond) (?:noon|midday)\b", " ", said)  # later than noon, but no time yet
    # The hour it replaces is not the one asked for ("out at 3, not at noon as normal")
    said = re.sub(r"\b(?:rather than|instead of|not|than) (?:the |our |my )?(?:usual |normal |standard |regular )?"
                  r"(?:noon|midday|12(?::00)?(?: ?pm)?|\d{1,2}(?::\d\d)? ?[ap]m)\b", " ", said)
    # How long, not when: "an hour or two".
    said = re.sub(r"\b(?:an?|\d{1,2}|couple of|few) (?:or \d{1,2} )?hours?(?: or \d{1,2})?\b", " ", said)
    said = re.sub(r"\bhalf (?:past )?(\d{1,2})\b", r"\1:30", said)
    said = re.sub(r"\bquarter past (\d{1,2})\b", r"\1:15", said)
    said = re.sub(r"\b(5|10|20|25) past (\d{1,2})\b", lambda m: f"{m[2]}:{int(m[1]):02d}", said)
    said = re.sub(r"\b(5|10|20|25) to (\d{1,2})\b(?! (?:nights?|days?|guests?|people))",
                  lambda m: f"{int(m[2]) - 1 or 12}:{60 - int(m[1]):02d}", said)
    said = re.sub(r"\bquarter to (\d{1,2})\b", lambda m: f"{int(m[1]) - 1 or 12}:45", said)
    said = re.sub(r"\b(\d{1,2}) (?:tonight|this evening|in the evening)\b", r"\1 pm", said)
    first: time | None = None
    bare: time | None = None  # a number with no word before it ("five oh one" is a room) comes last
    for match in _TIME.finditer(said):
        candidate = match.group(1).strip()
        if re.fullmatch(r"\d{3,4}", candidate):
            continue  # a room number, not a time
        if re.match(r"\s*(?:nights?|days?|weeks?|guests?|people|persons?|adults?|kids?|children|of us|rooms?|beds?)\b",
                    said[match.end():]):
            continue  # a count: "for 2 nights"
        if _OTHER_EVENT.search(said[max(0, match.start() - 25): match.start()]):
            continue  # when their flight leaves, not when they leave the room
        try:
            said_time = parse_time_said(candidate)
        except ValueError:
            continue
        if re.match(r"\s*(?:until|till|til|by)\b", match.group(0)):
            return said_time  # "until 3" is the time asked for, whatever other hours were said
        if re.match(r"\s*[a-z]", match.group(0)) or re.search(r"[ap]m|:|noon|midday", candidate):
            first = first or said_time
        else:
            bare = bare or said_time
    return first or bare


_OTHER_EVENT = re.compile(r"\b(?:flight|plane|train|bus|coach|ferry|taxi|cab|ride|meeting|appointment|wedding|"
                          r"conference|event|show|concert|match|game|call|interview|tour|dinner|lunch|exam|test|"
                          r"class|lecture|seminar|workshop|session|shift|ceremony|service|webinar)s?\b"
                          r"[^.?!,\d]{0,15}$")


_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|ya|aye|sure|correct|right|ok|okay|go ahead|please do|do it|confirm|confirmed|absolutely|"
    r"of course|definitely|certainly|that's (?:right|correct|fine|perfect|great|good)|that is (?:right|correct)|"
    r"sounds (?:good|great|perfect)|perfect|great|fine|alright|all right|exactly|please$|book it|yes please|"
    r"that works|works for me|i'?m sure|go for it|let'?s do it|i do|that'?s it|that'?s the one|"
    r"(?:that'?s|that is|just) the ticket|spot on|bang on|lovely|brilliant|grand|sure thing|you bet|by all means)\b")
_NO = re.compile(r"^(?:no|nope|nah|not really|no thanks|no thank you|negative|wrong|that's wrong|that's not right|"
                 r"not quite|don't|do not)\b")
_HEDGE = re.compile(r"\b(?:but|wait|change|instead|actually|hold on|rather|different|not)\b")


def yes_or_no(text: str) -> str | None:
    """'yes', 'no', or None when the answer is neither or qualified ("yes, but make it Saturday")."""
    said = normalise(text).strip(" .!,")
    if _YES.match(said):
        return None if _HEDGE.search(said) else "yes"
    if _NO.match(said):
        return "no"
    return None


_SURE = re.compile(r"\b(?:yes,? i'?m sure|i'?m sure|yes,? (?:please )?(?:go ahead|do it|confirm)|go ahead and|"
                   r"please go ahead|i confirm|yes,? i'?m certain|definitely|for sure)\b")


def confirms_in_passing(text: str) -> bool:
    """A confirmation said together with the request ("do cancel it, I'm quite sure")."""
    return bool(_SURE.search(normalise(text)))


# A farewell in so many words, not a "that's all" or a "no thanks" (which end requests in idioms too)
_FAREWELL_WORDS = (
    r"bye|goodbye|good night|ta-?ra|(?:catch|see|talk to) you (?:later|soon|then)|see (?:thee|ya|yer)|"
    r"sharp sharp|laters|go well|take care|so long|farewell|cheerio|sl[aá]n|hooroo|toodle-?oo|ciao|adios|"
    r"you can (?:go|hang up|rest|take (?:a )?break) now|(?:i'?m|we'?re|i am|we are) all (?:set|sorted|done)|"
    r"au revoir|(?:khuda|allah) hafe?z|hwyl|ka kite|ingat|"
    r"(?:thanks?|ta) (?:you )?(?:so much |very much |a lot )?for (?:all )?(?:your|the) (?:kind )?"
    r"(?:help|assistance)")
_FAREWELL = re.compile(rf"\b(?:{_FAREWELL_WORDS})\b")
_GOODBYE = re.compile(
    r"\bno,? i'?m (?:good|fine|ok|okay|alright|all right)\b|^(?:i'?m|we'?re) (?:good|fine|all good),? thanks?\b|"
    rf"\b(?:{_FAREWELL_WORDS}|that'?s (?:all(?! right)|it|everything)|that is (?:all(?! right)|it)|"
    r"nothing else|no,? thanks?|(?:don'?t|do not) need anything (?:else|more)|"
    r"no thank you|that will be all|that'?ll be all|have a (?:good|nice|great|lovely) (?:day|evening|night|one)|"
    r"i'?m (?:done|all set)|all good|talk (?:to you )?later|later then|"
    r"(?:i |we )?(?:really )?appreciate (?:your|the|all your) (?:kind )?(?:help|assistance)|"
    r"that(?:'d| would) be (?:all|it|everything)|"
    r"that(?:'ll| will| should| would) do(?: it| me| us)?)\b|"
    r"^\s*(?:no|cheers|later)\.?\s*$")


def is_goodbye(text: str) -> bool:
    return bool(_GOODBYE.search(normalise(text)))


def says_farewell(text: str) -> bool:
    return bool(_FAREWELL.search(normalise(text)))


_HUMAN = re.compile(r"\b(?:transfer|put|patch|connect|switch|pass) (?:me|us) (?:through |over |across |on ?)?"
                    r"(?:to|with)\b|"
                    r"\bput (?:me|us) through\b|"  # to whichever desk: the front desk passes them on
                    r"\b(?:speak|talk|connect|transfer|patch (?:me )?through|hand me (?:over )?to|"
                    r"link me(?: up)?|hook me up|put me in touch|"
                    r"(?:a|quick) (?:word|chat))\b"
                    r".{0,30}\b(?:person|human|someone|somebody|whoever|senior|in charge|boss|superior|"
                    r"agent|manager|receptionist|reception|front desk|operator|staff|real|office|department|team|"
                    r"colleague|supervisor|accounts|accounting|billing|finance|sales|events|security|maintenance|"
                    r"purchasing|procurement|marketing|banquets?|catering|concierge|human resources)\b|"
                    r"\b(?:human|operator|"
                    r"representative|manager) please\b|^\s*(?:agent|operator|representative|front desk)\s*[.!]?$|"
                    r"\b(?:need|want|get me|give me|is there) (?:a |an |the |your |some |to (?:speak|talk) (?:to|with) "
                    r"(?:a |an |the |your )?)?(?:real |live |actual )?(?:person|human|manager|supervisor|operator|"
                    r"receptionist)\b")


def wants_person(text: str) -> bool:
    return bool(_HUMAN.search(normalise(text)))


_ITEMS: Sequence[tuple[str, re.Pattern[str]]] = (
    ("towels", re.compile(r"\btowels?\b|\bbath ?mats?\b")),
    ("extra_bed", re.compile(r"\b(?:extra|additional|rollaway|roll-away|spare|folding|fold-?out|camp|sofa|baby) "
                             r"beds?\b|\bcots?\b|\bcrib\b|\b(?:extra|spare|another|air) mattress(?:es)?\b")),
    ("turndown", re.compile(r"\bturn ?-?down\b|\bturn(?:ed)? (?:the |my |our )?(?:beds? |room )?down\b|"
                            r"\b(?:beds?|room) turned down\b|\b(?:beds?|sheets|covers) turned back\b|"
                            r"\bturn(?:ed)? (?:the |my |our )?(?:beds?|sheets|covers) back\b|"
                            r"\bcurtains? (?:be |been |get )?(?:drawn|closed|pulled)\b|"
                            r"\b(?:draw|close|pull) (?:the |my |our )?curtains?\b|"
                            # the evening visit by its other names, and what it leaves on the pillow
                            r"\b(?:evening|night ?-?time|nightly) (?:service|visit|room service)\b|"
                            r"\b(?:beds?|sheets|covers|duvet) (?:folded|pulled) (?:down|back)\b|"
                            r"\bfold (?:the |my |our )?(?:beds?|sheets|covers|duvet) (?:down|back)\b|"
                            r"\b(?:chocolates?|mints?|sweets?) on (?:the |my |our )?pillows?\b")),
    ("cleaning", re.compile(r"\bclean(?:ed|ing)?\b(?! (?:forgot|forgotten|out of my (?:head|mind)|slipped|missed|"
                            r"lost track))|\bmake up\b|\bmade up\b|\bhousekeeping\b|\btidy\b|"
                            r"\bchange the (?:bed ?)?sheets\b|\bdo (?:the|my|our) room\b|\bsweep\b|\bmop\b|"
                            r"\broom serviced\b|\bservice (?:my|our|the) room\b|"
                            r"\bhoover|\bvacuum|\bsheets? (?:be |get |got )?changed\b|"
                            r"\bma(?:d|k)e (?:the |my |our )?room up\b|"
                            r"\bsheets (?:changed|changing)\b|\bchange (?:the )?(?:bedding|linen|bed linen)\b|"
                            r"\bstrip (?:the |my |our )?(?:beds?|it|sheets)\b|\bma(?:k|d)e (?:it|the beds?) up\b|"
                            r"\bfresh (?:sheets|bedding|linen)\b|\bdo (?:room )?\d{3,4}\b|"
                            r"\b(?:it'?s|it is|room'?s|room is|place is) (?:a |an |like a )?(?:bomb ?site|tip|"
                            r"pig ?sty|dump|mess|state)\b")),
    ("amenities", re.compile(r"\bpillows?\b|\bblankets?\b|\btoiletries\b|\bsoap\b|\bshampoo\b|\btoilet paper\b|"
                             r"\bamenities\b|\btoothbrush|\b(?:toilet|loo) rolls?\b|\btissues?\b|"
                             r"\bslippers\b|\bwater bottles?\b|\bhangers?\b|"
                             r"\b(?:coffee|tea) (?:pods?|bags?|sachets?|capsules?)\b|\bshower caps?\b|"
                             r"\b(?:bath ?)?robes?\b|\bconditioner\b|\bbody wash\b|\blotion\b|\bhair ?dryer\b|"
                             r"\bsewing kit\b|\bduvet\b|\bbottles? of water\b|\biron(?:ing board)?\b|\bkettle\b|"
                             r"\brazors?\b|\bshaving (?:foam|cream|gel|kit)\b|\btoothpaste\b|\bcomb\b|"
                             r"\bdental kit\b|\bcotton (?:buds|pads|swabs)\b|\bphone charger\b|\badapter\b|"
                             r"\b(?:steam|clothes|garment) (?:press|iron|steamer)\b|\bsteamer\b|"
                             # anything else sent to a room: "bring a <thing we have no word for> up to 412"
                             r"\b(?:send|bring|deliver)(?: up| over| round)? (?:a|an|1|2|3|some|a few|a couple of|"
                             r"extra|more|another|(?:a |an )?(?:spare|fresh|new|clean))"
                             r"(?! (?:someone|somebody|anyone|person|man|guy|staff|technician|engineer|electrician|"
                             r"plumber|doctor|nurse|security|manager|porter|taxi|cab|car)\b)"
                             r"(?: [\w-]+){1,6}? (?:up |over )?to (?:my |our |the )?(?:room|\d{3,4})\b|"
                             r"\b(?:drinking|bottled|mineral) water\b|\bmosquito (?:net|coil|repellent)s?\b")),
)


def parse_item(text: str) -> str | None:
    said = normalise(text)
    for item, pattern in _ITEMS:
        if pattern.search(said):
            return item
    return None


_TOPICS: Sequence[tuple[str, re.Pattern[str]]] = (
    ("check_in_time", re.compile(
        r"\bcheck ?-?in\b.*\b(?:time|when|what time|early|earliest|hour)\b|"
        r"\b(?:when|what time|time|hour|earliest|how early)\b.*\bcheck ?-?in\b|"
        r"\b(?:when|what time|what hour|how early|earliest)\b.*\b(?:get into|access|into|have|get|enter) "
        r"(?:the|my|our) room\b|"
        r"\b(?:when|what time|what hour|how early|earliest)\b.*\b(?:have|get|collect|pick up|be given) "
        r"(?:the |my |our )?(?:room )?keys?\b|"
        r"\b(?:when|what time|what hour|how early)\b.*\brooms? (?:be |is |are |will be )?ready\b")),
    ("check_out_time", re.compile(
        r"\bcheck ?-?out\b.*\b(?:time|when|what time|latest|hour)\b|"
        r"\b(?:when|what time|time|hour|latest|how late)\b.*\bcheck ?-?out\b|"
        r"\b(?:when|what time|what hour|how late|by when|latest)\b[^.?!]{0,40}\b(?:leave|vacate|be out of|depart|"
        r"hand (?:over|back|in)|give (?:back|up)|return)\b"
        r"(?! (?:the |my |our )?(?:room )?(?:later|at \d|by \d|after))|"
        r"\b(?:when|what time|by when)\b[^.?!]{0,30}\b(?:need|want|have) (?:the|my|our|your) room back\b|"
        r"\b(?:latest|how long|(?:till|until|up to|up till) what time)\b[^.?!]{0,30}\b(?:stay in|keep|have|"
        r"hang on to) (?:the|my|our) room\b(?! (?:until|till|past|after) )|"
        r"\bwhat time\b[^.?!]{0,30}\b(?:keep|hang on to) (?:the|my|our) room\b(?! (?:until|till|past|after) )")),
    ("wifi", re.compile(r"\bwi-?fi\b|\binternet\b|\bwireless\b|\bpassword\b")),
    ("parking", re.compile(r"\bpark(?:ing|ade)?\b|\bcar ?park\b|\bvalet\b|\bgarage\b|"
                           r"\b(?:leave|put|keep|bring) (?:my|our|the|a) (?:car|vehicle|van|motorbike|motorcycle|truck|"
                           r"ute|jeep|suv|pickup|camper|motorhome|rig)\b|"
                           r"\b(?:come|coming|drive|driving|arrive|arriving|get there|travel(?:l?ing)?) by car\b")),
    ("breakfast", re.compile(r"\bbreakfast\b|\bmorning meal\b")),
    ("phone", re.compile(r"\b(?:phone|contact|telephone|direct|desk|reception|landline) (?:number|line)\b|"
                         r"\bnumber to (?:call|ring|reach)\b|\bcall you (?:back )?directly\b|"
                         r"\bnumber\b[^.?!]{0,30}\b(?:straight|directly|direct) to (?:the )?(?:desk|reception|hotel)\b|"
                         r"\b(?:what|which) (?:\w+ )?number\b.*\b(?:call|ring|reach|phone|contact)\b")),
    ("pets", re.compile(r"\bpets?\b|\bdogs?\b|\bcats?\b|\bpupp(?:y|ies)\b|\bkittens?\b|\banimals?\b|"
                        r"\b(?:whippet|lurcher|terrier|spaniel|labrador|poodle|collie|retriever|pug|dachshund|chihuahua|"
                        r"greyhound|beagle|bulldog|husky|alsatian|sheepdog|corgi|schnauzer|staffie|jack russell|"
                        r"pooch|dogg(?:y|ie)|moggy|budgie|parrot|hamster|guinea pig|ferret|tortoise|rottweiler|"
                        r"doberman|"
                        r"(?:german |australian |anatolian )?shepherd(?!'?s pie)|pomeranian|shih tzu|yorkie|westie|"
                        r"labradoodle|cockapoo|cavapoo|goldendoodle|pit ?bull|mastiff|great dane|dalmatian|samoyed|"
                        r"akita|malamute|bichon|weimaraner|basset|springer|cocker|ridgeback|kelpie|rabbit|bunny)s?\b")),
    ("address", re.compile(r"\baddress\b|\bwhere (?:are you|is the hotel|exactly are you)\b|\blocated\b|\blocation\b|"
                           r"\bdirections\b|\bhow do i get (?:there|to you|to the hotel)\b|"
                           r"\bwhere(?:'s| is| are)? (?:\w+ ){0,2}(?:the hotel|your hotel|you guys|the place)\b")),
)


# "When is my check-in date?" asks about their booking, not the hotel's check-in time.
_THEIR_DAY = re.compile(r"\b(?:my|our) (?:check ?-?in|check ?-?out|arrival|departure) (?:date|day)s?\b|"
                        r"\bwhen (?:(?:do|did|will|shall|am|are|should) )?(?:i|we) "
                        r"(?:check(?:ing)? ?-?(?:out|in)|leav\w*|arriv\w*|depart\w*)\b"
                        r"[^.?!]{0,25}\b(?:my|our) (?:\w+ )?(?:stay|booking|reservation)\b|"
                        r"\bwhen (?:am i|are we|i'?m|i am|we'?re|we are) (?:due|supposed|meant|scheduled|booked|set)\b|"
                        # ... after saying they booked: "we reserved in spring, when do we arrive?"
                        r"\b(?:i|we)(?:'ve| have| had)? (?:booked|reserved|made a (?:booking|reservation))\b.*"
                        r"\bwhen (?:is it |was it |exactly |again )?(?:(?:do|did|will|shall|am|are|should|must) )?"
                        r"(?:i|we) (?:check(?:ing)? ?-?(?:out|in)|leav\w*|arriv\w*|depart\w*)\b|"
                        # ... or of the room they have for a named time: "when we leave our room over <a holiday>"
                        r"\bwhen (?:(?:do|did|will|shall|am|are|should) )?(?:i|we) "
                        r"(?:check(?:ing)? ?-?(?:out|in)|leav\w*|arriv\w*|depart\w*)\b[^.?!]{0,25}\b(?:my|our) "
                        rf"(?:\w+ )?(?:room|trip|visit) (?:around|over|at|for|in|on|during|near|this|next) (?:the )?"
                        rf"(?:{_HOLIDAY_NAMES}|{'|'.join(MONTHS)}|weekend|week|month)\b")


def asks_their_day(text: str) -> bool:
    """Whether the words ask when the caller's own stay starts or ends, not the hotel's hours."""
    return bool(_THEIR_DAY.search(normalise(text)))


# Sayings that name an animal and ask nothing about one (praise, weather, being tired)
_SAYINGS = re.compile(r"\bthe cat'?s (?:pyjamas|pajamas|whiskers|meow)\b|\bcats and dogs\b|\bdog ?-?tired\b|"
                      r"\bsick as a dog\b|\bthe bee'?s knees\b|\bit'?s a dog'?s life\b|"
                      r"\bdog'?s (?:breakfast|dinner)\b|\bpig ?sty\b|"  # a mess, no meal
                      r"\bdog and bone\b")  # rhyming slang: a phone


def parse_topic(text: str) -> str | None:
    said = _SAYINGS.sub(" ", normalise(text))
    if _THEIR_DAY.search(said):
        return None
    for topic, pattern in _TOPICS:
        if pattern.search(said):
            return topic
    return None
