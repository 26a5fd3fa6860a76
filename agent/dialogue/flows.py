"""The caller's tasks as flows in code: which slot to ask for next, when to read back, when to act.

Each flow holds its slots and moves one step per caller turn (``advance``): fill what the words
gave, correct what they changed, then the first missing thing is asked for, or the back office
is asked (through the tool registry: the same typed tools any client uses, with their read-back
before any change and their idempotency keys). A request and its confirmation in one breath
("cancel it now, I'm certain") is read back and done in the same turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any, ClassVar, Protocol

from agent.dialogue import extract
from agent.dialogue.commands import Ask, Label
from agent.dialogue.extract import RoomTypeName, Stay
from tools.registry import ToolResult


@dataclass(frozen=True)
class Heard:
    """One caller turn as code understood it: the model's label and every value the words hold."""

    text: str
    label: Label
    stay: Stay
    guests: int | None
    room_type: str | None
    size_hint: int | None
    name: str | None
    codes: Sequence[str]
    room_number: str | None
    time: time | None
    item: str | None
    topic: str | None
    confirmed_in_passing: bool
    asked_price: bool
    extension: int | None = None
    shift: tuple[str, int] | None = None
    days: Sequence[date] = ()  # every date said, whatever the stay read from them

    @classmethod
    def read(cls, text: str, label: Label, *, today: date, types: Sequence[RoomTypeName], ask: Ask) -> Heard:
        said = extract.normalise(text)
        return cls(
            text=text, label=label, stay=extract.parse_stay(text, today),
            guests=extract.parse_guests(text, asked=ask == "guests"),
            room_type=extract.parse_room_type(text, types), size_hint=extract.room_size_hint(text),
            name=extract.parse_name(text, asked=ask == "name"), codes=extract.code_candidates(text),
            room_number=extract.parse_room_number(text) if ask == "room_number" or "room" in said else None,
            time=extract.parse_time(text), item=extract.parse_item(text), topic=extract.parse_topic(text),
            confirmed_in_passing=extract.confirms_in_passing(text),
            asked_price=bool(extract.PRICE_ASKED.search(said))
            and not _PRICE_NO_OBJECT.search(said),
            extension=extract.parse_extension(text), shift=extract.parse_shift(text),
            days=extract.days_said(text, today),
        )

    def answers(self, ask: Ask) -> bool:
        """Whether the words hold what ``ask`` asked for."""
        return {
            "dates": self.stay.check_in is not None, "nights": self.stay.nights is not None or (
                self.stay.check_in is not None) or self.stay.check_out is not None,
            "guests": self.guests is not None, "room": self.room_type is not None or self.size_hint is not None
            or bool(_CHOICE.search(extract.normalise(self.text))) or extract.yes_or_no(self.text) == "yes",
            "name": self.name is not None, "code": bool(self.codes), "room_number": self.room_number is not None,
            "item": self.item is not None, "time": self.time is not None, "topic": self.topic is not None,
            "which": bool(self.codes) or self.stay.check_in is not None or self.room_type is not None,
            "what_change": self.stay != Stay()
            or self.guests is not None or self.room_type is not None or self.shift is not None
            or self.extension is not None,
        }.get(ask, False)


# A price named but not asked: "a mid price range", "the cost is no object" (the booking goes on).
_PRICE_NO_OBJECT = re.compile(r"\bprice range\b|\b(?:care|worried|bothered|fussed|fussy) (?:about|with) (?:the )?"
                              r"(?:price|cost|rate)\b|\b(?:price|cost)(?:'s| is)? no object\b|"
                              r"\b(?:any|whatever) (?:the )?(?:price|cost)\b|"
                              r"\b(?:price|cost) (?:doesn'?t|does not) matter\b")
_WEEK_AFTER = re.compile(r"\b(?:to|into|until|till) the (?:weekend|week) after\b(?! (?:next|that|this))")
_KEEP_DEPARTURE = re.compile(r"\bsame (?:check ?-?out|departure|end date|last night|day out|leaving day)\b|"
                             r"\b(?:check ?-?out|departure|leaving)(?: day| date)? (?:stays|is|remains) the same\b|"
                             r"\b(?:check ?-?out|departure|leaving)(?: day| date)? (?:stays|remains|is still) "
                             r"(?:on |as )?(?:the )?(?:\d|\w+day\b)|"  # "departure remains the 9th"
                             r"\bthe (?:day|date) (?:i|we) (?:leave|check out|go home|depart) (?:stays|is|remains) "
                             r"(?:the same|as it is|unchanged)\b|"
                             r"\bstill (?:leave|leaving|check(?:ing)? ?-?out|go|going) (?:on|the)\b|"
                             r"\b(?:out|leaving|check(?:ing)? ?-?out)(?: day| date)? (?:the|is the|stays the) same\b|"
                             r"\b(?:leave|leaving|check(?:ing)? ?-?out|depart\w*|go home)(?: the)? (?:same as|as) "
                             r"(?:before|planned|booked|arranged|now)\b|"
                             r"\bsame (?:day|date) (?:for |of )?(?:leaving|departure|check(?:ing)? ?-?out|going home|"
                             r"to (?:leave|go|check out))\b|"
                             r"\bkeep(?:ing)? (?:the|my|our) (?:(?:day|date) of )?(?:leaving|departure|check ?-?out)"
                             r"(?: day| date)? (?:as it is|the same|unchanged)\b")
# The caller leaves the choice to us: the first room offered.
_ANY_ROOM = (r"either|any(?: one| of them| room)?(?: is| will| would)? (?:fine|do|good|ok|okay)|"
             r"any of (?:them|those|these)|whichever|whatever|whatev(?:ah|a)|"
             r"no preference|(?:don'?t|do not) mind|(?:doesn'?t|does not) matter|you (?:choose|pick|decide)|"
             r"(?:you|you'd) recommend|up to you|anything (?:that|which|at all|is fine|will do|goes)|"
             r"not (?:fussy|bothered|picky|particular)|easy either way|happy with (?:any|either)|"
             # a room that fits them: "something that sleeps 3", "big enough for us all"
             r"(?:something|one|anything|any room|a room)(?: that| which)?(?:'ll| will| can| would)? "
             r"(?:sleeps?|fits?|takes?|holds?)\b|sleeps \d|(?:big|large|roomy) enough|"
             r"(?:something|anything|any room|a room) (?:for|fi) (?:the |all )?(?:\d|us|of us)|"
             r"1(?: that| which)?(?:'ll| will| can| would)? (?:sleeps?|fits?|takes?|holds?)\b")  # "one" read as 1
# The plainest room offered ("the least expensive will do", "lowest price"), or the grandest.
_CHEAPEST = (r"cheap|cheaper|cheapest|less expensive|least expensive|inexpensive|(?:most )?affordable|lowest|"
             r"(?:least|less) (?:costly|pricey|money)|nothing fancy|budget|economical|simplest|basic one")
_DEAREST = r"bigger|biggest|larger|largest|nicer|nicest|best|(?:most )?expensive|grandest|fanciest|most luxurious"
_CHOICE = re.compile(rf"\b(?:first|1st|second|2nd|third|3rd|last|{_CHEAPEST}|{_DEAREST}|that one|{_ANY_ROOM})\b")


class Desk(Protocol):
    """What a flow may do: speak, ask, run a tool. ``agent.dialogue.manager.DialogueManager`` is one."""

    @property
    def today(self) -> date: ...

    @property
    def known_name(self) -> str | None: ...

    @property
    def room_types(self) -> Sequence[RoomTypeName]: ...

    def say(self, text: str) -> None: ...

    def ask(self, ask: Ask, line: str | None = None) -> None: ...

    def line(self, key: str) -> str: ...

    async def tool(self, name: str, arguments: Mapping[str, Any], call_id: str | None = None) -> ToolResult: ...


def agreed(heard: Heard, task: Label, booking: Mapping[str, Any] | None = None) -> bool:
    """A yes to a read-back: the model's yes, a confirmation said in passing, or words that open with a plain,
    unqualified yes and name nothing else but the booking read back, by its code ("yes, that's <its code>"),
    whatever label the model gave them short of a no or another task."""
    if heard.label == "yes" or heard.confirmed_in_passing:
        return True
    own = str(booking.get("confirmation_code") or "") if booking else ""
    return heard.label in ("answer", "other", task) and extract.yes_or_no(heard.text) == "yes" \
        and all(code == own for code in heard.codes)


class Flow:
    name: Label = "book"
    finished: bool = False

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        raise NotImplementedError

    def noted(self, room_names: Mapping[str, str]) -> dict[str, str]:
        """What the flow holds, as the agent would say it ("2 guests"): to acknowledge what an answer filled."""
        return {}


# --- booking ---------------------------------------------------------------------------------


@dataclass
class Option:
    offer_id: str
    room_type: str
    total: str
    name: str = ""


@dataclass
class BookFlow(Flow):
    name: Label = "book"
    stay: Stay = field(default_factory=Stay)
    guests: int | None = None
    room_type: str | None = None
    size_hint: int | None = None
    guest_name: str | None = None
    options: list[Option] = field(default_factory=list)
    offer_id: str | None = None
    reading_back: bool = False
    just_asking: bool = False

    def take(self, heard: Heard, asked: Ask | None) -> None:
        """Fill and correct slots from the words; a change clears what depended on the old value."""
        if heard.stay.check_in is not None or heard.stay.nights is not None or heard.stay.check_out is not None:
            merged = self.stay.merged(heard.stay)
            if asked == "nights" and heard.stay.check_in is not None and heard.stay.check_out is None \
                    and self.stay.check_in is not None and heard.stay.check_in > self.stay.check_in:
                merged = Stay(self.stay.check_in, heard.stay.check_in, None)  # "until Friday" answers "how long"
            if merged != self.stay:
                self.stay = merged
                self._requote()
        if heard.guests is not None and heard.guests != self.guests:
            self.guests = heard.guests
            self._requote()
        if heard.size_hint is not None and self.guests is None:
            self.size_hint = heard.size_hint
        if heard.room_type is not None and heard.room_type != self.room_type:
            self.room_type = heard.room_type
            self.offer_id = None
            self.reading_back = False
        if heard.name is not None and (asked in ("name", "confirm") or self.guest_name is None) \
                and heard.name != self.guest_name:
            self.guest_name = heard.name
            self.reading_back = False
        if heard.asked_price and self.offer_id is None:
            self.just_asking = True

    def noted(self, room_names: Mapping[str, str]) -> dict[str, str]:
        noted = {"guests": f"{self.guests} guest{'s' if self.guests != 1 else ''}" if self.guests else "",
                 "room": f"the {room_names.get(self.room_type, self.room_type)}" if self.room_type else "",
                 "name": f"the name {self.guest_name}" if self.guest_name else ""}
        if self.stay.check_in is not None:
            noted["arrival"] = f"arriving {self.stay.check_in:%B} {self.stay.check_in.day}"
        if self.stay.departure is not None:
            noted["departure"] = f"leaving {self.stay.departure:%B} {self.stay.departure.day}"
        return noted

    def _requote(self) -> None:
        self.options = []
        self.offer_id = None
        self.reading_back = False

    def choose(self, heard: Heard) -> Option | None:
        """The offered option the caller picked: by room type, 'the first/cheaper one', or a plain yes."""
        if not self.options:
            return None
        if heard.room_type is not None:
            return next((o for o in self.options if o.room_type == heard.room_type), None)
        said = extract.normalise(heard.text)
        by_price = sorted(self.options, key=lambda o: float(o.total))
        if re.search(r"\b(?:second|2nd)\b", said) and len(self.options) > 1:
            return self.options[1]
        if re.search(r"\b(?:third|3rd)\b", said) and len(self.options) > 2:
            return self.options[2]
        if re.search(r"\blast\b", said):
            return self.options[-1]
        if re.search(rf"\b(?:{_CHEAPEST})\b", said):
            return by_price[0]
        if re.search(rf"\b(?:{_DEAREST})\b", said):
            return by_price[-1]
        if heard.size_hint is not None:  # "a double room" names a size, not a type: the plainest room that fits
            return by_price[0]
        if re.search(rf"\b(?:first|1st|that one|{_ANY_ROOM})\b", said) or extract.yes_or_no(heard.text) == "yes" \
                or heard.label == "yes":
            return self.options[0]
        return None

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        if self.reading_back and heard.label == "no" and not self._changed_by(heard):
            self.reading_back = False
            desk.ask("what_change", desk.line("ask_change_after_no"))
            return
        before = (self.stay, self.guests, self.room_type, self.guest_name)
        self.take(heard, asked)
        if self.options and self.offer_id is None:
            picked = self.choose(heard)
            if picked is not None:
                self.offer_id, self.room_type = picked.offer_id, picked.room_type
        changed = before != (self.stay, self.guests, self.room_type, self.guest_name)
        if self.reading_back and agreed(heard, self.name) and not changed:
            await self._book(desk)
            return
        await self._next(desk, confirm_now=heard.confirmed_in_passing)

    def _changed_by(self, heard: Heard) -> bool:
        return any(v is not None for v in (heard.stay.check_in, heard.stay.nights, heard.guests, heard.room_type,
                                           heard.name))

    async def _next(self, desk: Desk, *, confirm_now: bool = False) -> None:
        if self.stay.check_in is None:
            desk.ask("dates", desk.line("ask_dates"))
            return
        if self.stay.departure is None:
            if self.just_asking:
                self.stay = Stay(self.stay.check_in, None, 1)
            else:
                desk.ask("nights", desk.line("ask_nights"))
                return
        if self.guests is None:
            if self.size_hint is not None:
                self.guests = self.size_hint
            elif self.just_asking:
                self.guests = 1
            else:
                desk.ask("guests", desk.line("ask_guests"))
                return
        if self.offer_id is None and not await self._quote(desk):
            return
        if self.guest_name is None:
            if desk.known_name:
                self.guest_name = desk.known_name
            else:
                desk.ask("name", desk.line("ask_name"))
                return
        await self._read_back(desk, act=confirm_now)

    async def _quote(self, desk: Desk) -> bool:
        """Ask the back office what is free; True when one offer is chosen (else a question was asked)."""
        assert self.stay.check_in is not None and self.stay.departure is not None and self.guests is not None
        stay = {"check_in": self.stay.check_in.isoformat(), "check_out": self.stay.departure.isoformat(),
                "guests": self.guests}
        if self.room_type is not None and not self.options:
            quoted = await desk.tool("quote_stay", {**stay, "room_type": self.room_type})
            if quoted.ok:
                self.offer_id = str(quoted.data["offer_id"])
                self.options = [Option(self.offer_id, self.room_type, str(quoted.data.get("total", "")))]
                if self.just_asking:
                    self.just_asking = False
                    desk.say(quoted.statement)
                    desk.ask("confirm", quoted.question)
                    return False
                return True
            too_small = quoted.error == "ValidationFailed" and quoted.data.get("error_field") == "guests"
            if quoted.error != "NoAvailability" and not too_small:
                return self._refused(desk, quoted)
            desk.say(quoted.statement if too_small else desk.line("no_offer_fits"))
            self.room_type = None
        if not self.options or self.offer_id is None and len(self.options) == 1:
            result = await desk.tool("check_availability", stay)
            if not result.ok:
                return self._refused(desk, result)
            self.options = [Option(o["offer_id"], o["room_type"], o["total"], o.get("name", ""))
                            for o in result.data.get("options", [])]
            listing = result.statement
            self.just_asking = False
            if len(self.options) == 1:
                self.offer_id, self.room_type = self.options[0].offer_id, self.options[0].room_type
                desk.say(listing)
                return True
            desk.say(listing)
            desk.ask("room", desk.line("ask_room"))
            return False
        names = [f"the {o.name}" for o in self.options[:3] if o.name]
        choices = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        desk.ask("room", f"Sorry, which one would you like: {choices}?" if choices else desk.line("ask_room"))
        return False

    def _refused(self, desk: Desk, result: ToolResult) -> bool:
        """The back office said no to the dates (past, too long, full): say why and ask again."""
        desk.say(result.statement)
        if result.error in ("ValidationFailed", "NoAvailability", "InvalidArguments"):
            self.stay, self.options, self.offer_id = Stay(), [], None
            desk.ask("dates", desk.line("ask_dates") if result.error != "NoAvailability"
                     else "Would you like to try other dates?")
        else:
            desk.ask("more", desk.line("anything_else"))
        return False

    async def _read_back(self, desk: Desk, *, act: bool) -> None:
        arguments = {"offer_id": self.offer_id, "guest_name": self.guest_name}
        result = await desk.tool("create_reservation", arguments)
        if not result.ok:
            desk.say(result.statement)
            if result.error == "HoldLimit":
                self.finished = True
                desk.ask("confirm", None)
            elif result.error == "ValidationFailed" and result.data.get("error_field") == "guest_name":
                self.guest_name = None
                desk.ask("name", desk.line("ask_name"))
            else:
                self.finished = True
                desk.ask("more", desk.line("anything_else"))
            return
        if result.data.get("needs_confirmation"):
            self.reading_back = True
            if act:
                await self._book(desk)
                return
            desk.say(result.speech)
            desk.ask("confirm", None)
            return
        desk.say(result.speech)  # already booked on this call
        self.finished = True
        desk.ask("more", desk.line("anything_else"))

    async def _book(self, desk: Desk) -> None:
        arguments = {"offer_id": self.offer_id, "guest_name": self.guest_name}
        read_back = await desk.tool("create_reservation", arguments)  # the read-back, if not yet made
        result = read_back
        if read_back.ok and read_back.data.get("needs_confirmation"):
            result = await desk.tool("create_reservation", arguments,
                                     call_id=f"book:{self.offer_id}:{(self.guest_name or '').lower()}")
        desk.say(result.speech)
        self.finished = result.ok or result.error != "ValidationFailed"
        desk.ask("more", desk.line("anything_else") if result.ok else None)


# --- an existing booking: change, cancel, find ---------------------------------------------------


@dataclass
class BookingFlow(Flow):
    """Shared by change, cancel and find: first settle which of the caller's bookings is meant."""

    reservation: str | None = None  # the res_N of the booking this call settled on
    booking: Mapping[str, Any] | None = None  # what the look-up said of it (dates, room type, guests)
    candidates: list[Mapping[str, Any]] = field(default_factory=list)
    looked_up: bool = False
    reading_back: bool = False
    # Whether the request itself may say which booking ("cancel my March booking"). Not for a change,
    # whose request names the new dates too ("move my January stay to March").
    picks_from_request: ClassVar[bool] = True

    async def settle(self, desk: Desk, heard: Heard) -> bool:
        """True once the booking is known; otherwise it asked a question (or said why not)."""
        if self.reservation is not None:
            return True
        for code in heard.codes:
            result = await desk.tool("find_reservation", {"confirmation_code": code})
            if result.ok:
                return self._take(result)
            if result.error == "GuessLimit":
                desk.say(result.speech)
                self.finished = True
                desk.ask("more", desk.line("anything_else"))
                return False
        if heard.codes:
            desk.ask("code", desk.line("code_not_found"))
            return False
        if self.candidates:
            picked = self._pick(heard, desk.today)
            if picked is not None:
                return self._settle_on(picked)
            desk.ask("which", desk.line("ask_which"))
            return False
        if not self.looked_up:
            self.looked_up = True
            result = await desk.tool("find_reservation", {})
            if result.ok:
                if self._take(result):
                    return True
                picked = self._pick(heard, desk.today, ordinals=False) if self.picks_from_request \
                    else self._pick_named(heard, desk.today)
                if picked is not None:  # a month, date, room type or code in the request itself said which
                    return self._settle_on(picked)
                desk.say(result.speech)
                desk.ask("which", None)
                return False
            if result.error == "HiddenNumber":
                desk.ask("code", result.speech)
                return False
        desk.ask("code", desk.line("ask_code"))
        return False

    def _settle_on(self, booking: Mapping[str, Any]) -> bool:
        self.reservation, self.booking = str(booking["reservation_id"]), booking
        return True

    def _take(self, result: ToolResult) -> bool:
        found = [r for r in result.data.get("reservations", []) if r.get("status") in ("hold", "confirmed",
                                                                                        "checked_in")]
        found = found or list(result.data.get("reservations", []))
        if len(found) == 1:
            return self._settle_on(found[0])
        self.candidates = found
        return False

    def _pick_named(self, heard: Heard, today: date) -> Mapping[str, Any] | None:
        """The candidate a change's request names as a booking ("my January stay", "our trip around Christmas"),
        never by the days it asks for."""
        said = extract.normalise(heard.text)
        months = {number for name, number in extract.MONTHS.items()
                  if re.search(rf"\b(?:the|my|our) {name} {_BOOKED}\b|\b{_BOOKED} (?:in|for|during|of) {name}\b", said)}
        by_month = [c for c in self.candidates if _month_of(c.get("check_in")) in months]
        if len(by_month) == 1:
            return by_month[0]
        for name in extract.HOLIDAY_NAMES:
            if re.search(rf"\b(?:the|my|our) {re.escape(name)} {_BOOKED}\b|\b{_BOOKED} (?:just |right )?"
                         rf"(?:before|after|around|over|near|at|for) {re.escape(name)}\b", said):
                near = [c for c in self.candidates if _stays_over(c, _holiday(name), within=_NEAR_A_HOLIDAY)]
                if len(near) == 1:
                    return near[0]
        if _WEEKEND_BOOKING.search(said):
            return _one_over_a_weekend(self.candidates, said, today)
        return None

    def named_instead(self, heard: Heard, today: date) -> Mapping[str, Any] | None:
        """At a read-back, another of the caller's bookings that the answer names (by its month, its arrival, its
        code; or a no asking for the other of two), when the words do not fit the booking read back."""
        current = self.booking
        if current is None or len(self.candidates) < 2:
            return None
        others = [c for c in self.candidates if c.get("reservation_id") != current.get("reservation_id")]
        said = _KEPT.sub(" ", extract.normalise(heard.text))  # "the other one stays" keeps it
        if len(others) == 1 and heard.label != "yes" and extract.yes_or_no(heard.text) != "yes" \
                and _THE_OTHER.search(said):
            return others[0]
        if self._pick(heard, today, ordinals=False, among=[current]) is not None:
            return None  # the words fit the booking read back (its month, its code, its room)
        return self._pick(heard, today, ordinals=False, among=others)

    def _pick(self, heard: Heard, today: date, *, ordinals: bool = True,
              among: Sequence[Mapping[str, Any]] | None = None) -> Mapping[str, Any] | None:
        """The candidate the words single out (of ``among``, all of them by default); ``ordinals``: also by
        "the first", "the other one"."""
        candidates = self.candidates if among is None else among
        said = extract.normalise(heard.text)
        for candidate in candidates:
            if any(code == candidate.get("confirmation_code") for code in heard.codes):
                return candidate
            if heard.stay.check_in is not None and str(candidate.get("check_in")) == heard.stay.check_in.isoformat():
                return candidate
            if heard.room_type is not None and candidate.get("room_type") == heard.room_type:
                return candidate
        by_day = [c for c in candidates if _as_date(c.get("check_in")) in heard.days]
        if len(by_day) == 1:  # "that booking of the 3rd", though other words read as a date too ("fine today?")
            return by_day[0]
        by_day_of_month = [c for c in candidates if getattr(_as_date(c.get("check_in")), "day", None)
                           in {d.day for d in heard.days}]
        if not by_day and len(by_day_of_month) == 1:  # a bare "the 3rd" read in another month after other days
            return by_day_of_month[0]
        said = _KEPT.sub(" ", said)  # "the other one stays": a booking named to be left alone is not the one
        in_part = _one_in_part_of_a_month(candidates, said, today)
        if in_part is not None:  # a part of a month named, when two bookings fall in that month
            return in_part
        months = {number for name, number in extract.MONTHS.items() if re.search(rf"\b{name}\b", said)}
        if re.search(r"\b(?:this|the) month\b", said):  # "the stay later this month"
            months.add(today.month)
        if re.search(r"\bnext month\b", said):
            months.add(today.month % 12 + 1)
        by_month = [c for c in candidates if _month_of(c.get("check_in")) in months]
        if len(by_month) == 1:  # a month named: "the February one"
            return by_month[0]
        for holiday, (month, day) in _HOLIDAYS.items():
            if not re.search(rf"\b{holiday}", said):
                continue
            for within in (timedelta(0), _NEAR_A_HOLIDAY):  # "our booking over Christmas", then one near it
                over = [c for c in candidates if _stays_over(c, _on(month, day), within=within)]
                if len(over) == 1:
                    return over[0]
        for name in extract.HOLIDAY_NAMES:
            if not re.search(rf"\b{re.escape(name)}\b", said):
                continue
            near = [c for c in candidates if _stays_over(c, _holiday(name), within=_NEAR_A_HOLIDAY)]
            if len(near) == 1:  # "our visit a few days before new year's eve"
                return near[0]
        if re.search(r"\bbank holiday\b", said):  # "the one over the bank holiday": whichever one that is
            over = [c for c in candidates
                    if any(_stays_over(c, _holiday(name), within=timedelta(days=1)) for name in _BANK_HOLIDAYS)]
            if len(over) == 1:
                return over[0]
        over_a_weekend = _one_over_a_weekend(candidates, said, today)
        if over_a_weekend is not None:  # named by the weekend it falls on
            return over_a_weekend
        in_a_week = _one_in_a_week(candidates, said, today)
        if in_a_week is not None:  # "our stay next week"
            return in_a_week
        if not ordinals:
            return None
        if re.search(r"\b(?:second|2nd|other|later)\b", said) and len(candidates) > 1:
            return candidates[1]
        if re.search(r"\b(?:first|1st|earlier|sooner)\b", said):
            return candidates[0]
        return None


def _as_date(day: Any) -> date | None:
    if isinstance(day, date):
        return day
    try:
        return date.fromisoformat(str(day)[:10])
    except ValueError:
        return None


# The days off a caller may call "the bank holiday" (in the UK and Ireland)
_BANK_HOLIDAYS = (*(name for name in extract.HOLIDAY_NAMES if name.endswith("bank holiday")), "easter monday",
                  "good friday", "boxing day", "christmas day", "new year's day", "st patrick's day")
# Days callers name a stay by, and the night it holds.
_HOLIDAYS: Mapping[str, tuple[int, int]] = {"christmas": (12, 24), "new year": (12, 31), "valentine": (2, 14)}
# "the one in May", "the booking for the 9th", "my stay in mid-June"
_WHEN = r"(?: (?:in|on|for|from|over|at|of|around|during) (?:the )?[\w'-]+(?: of [\w']+)?)?"
# "one" is read as "1" by ``extract.normalise``
_THE_ONE = r"(?:one|1|booking|reservation|stay|weekend|trip|visit|break)"
_KEPT = re.compile(rf"\b(?:the )?(?:\w+ ){{0,2}}{_THE_ONE}(?:'s)?{_WHEN} (?:stays|can stay|is fine|remains|can remain|"
                   rf"is staying|stays put|can be kept|is to stay|should stay|(?:is |are |will be )?still (?:on|going "
                   rf"ahead|happening|needed|wanted|fine|good|ok|okay|valid|booked|going)|(?:is |will |should |can )?"
                   rf"go(?:es|ing)? ahead|(?:i|we) (?:still )?(?:need|want|keep)|is happening|is unchanged|"
                   rf"is not changing|isn'?t changing|is safe)\b|"
                   rf"\b(?:keep|hang on ?to|hold on ?to|retain) (?:the )?(?:\w+ ){{0,3}}(?:{_THE_ONE}|other){_WHEN}|"
                   rf"\bleave (?:the )?(?:\w+ ){{0,3}}{_THE_ONE}{_WHEN} (?:alone|as it is|be)\b|"
                   rf"\bnot (?:the|my|our) (?:\w+ ){{0,2}}{_THE_ONE}{_WHEN}")
# "No, the other one": at the read-back of one of two bookings, the other is meant.
_THE_OTHER = re.compile(rf"\bother {_THE_ONE}\b")


_NEAR_A_HOLIDAY = timedelta(days=7)
_BOOKED = r"(?:1|booking|reservation|stay|trip|visit|room)"  # what names a booking ("one" is read as "1")


def _stays_over(candidate: Mapping[str, Any], days_in: Callable[[int], Sequence[date]],
                within: timedelta = timedelta(0)) -> bool:
    """Whether the candidate's stay holds the night of a day ``days_in`` gives for its year, or comes ``within``
    of it."""
    check_in, check_out = _as_date(candidate.get("check_in")), _as_date(candidate.get("check_out"))
    if check_in is None or check_out is None:
        return False
    return any(check_in - within <= day < check_out + within
               for year in range(check_in.year - 1, check_out.year + 2) for day in days_in(year))  # new year's eve


def _on(month: int, day: int) -> Callable[[int], Sequence[date]]:
    return lambda year: [date(year, month, day)]


def _holiday(name: str) -> Callable[[int], Sequence[date]]:
    """The holiday's days in a year, on our calendar and on the others callers use (Canada's Thanksgiving)."""
    return lambda year: extract.holiday_dates(name, year)


# A booking named by its weekend: "our stay over the coming weekend", "next weekend's visit".
_WEEKEND_BOOKING = re.compile(rf"\b{_BOOKED} (?:for |over |at |on |during )?(?:this|next|the coming|the) weekend\b|"
                              rf"\b(?:this|next) weekend'?s? {_BOOKED}\b")


def _one_over_a_weekend(candidates: Sequence[Mapping[str, Any]], said: str,
                        today: date) -> Mapping[str, Any] | None:
    """The one candidate staying over the weekend the words name ("this weekend"; "next weekend", which
    callers say of the coming one too, tries the one after first)."""
    named = re.search(r"\b(this|next|the coming|the) weekend\b", said)
    if named is None:
        return None
    friday = today + timedelta(days=4 - today.weekday())  # this week's: on a weekend, the one just gone
    fridays = [friday + timedelta(days=7), friday] if named.group(1) == "next" else [friday]
    for start in fridays:
        over = [c for c in candidates if _overlaps(c, start, start + timedelta(days=3))]
        if len(over) == 1:
            return over[0]
    return None


def _one_in_a_week(candidates: Sequence[Mapping[str, Any]], said: str, today: date) -> Mapping[str, Any] | None:
    """The one candidate staying in the week the words name: this week, next week, or the one after it."""
    named = re.search(r"\b(this|next|the coming|the following) week\b|\bthe week after next\b", said)
    if named is None:
        return None
    monday = today - timedelta(days=today.weekday())
    weeks = {"this": 0, "next": 1, "the coming": 0, "the following": 1, None: 2}[named.group(1)]
    start = monday + timedelta(days=7 * weeks)
    over = [c for c in candidates if _overlaps(c, start, start + timedelta(days=7))]
    return over[0] if len(over) == 1 else None


_A_MONTH = rf"(?P<month>{'|'.join(extract.MONTHS)}|this month|next month)"
# Parts of a month by the days they hold: "early June", "mid-June", "the end of June"
_PARTS_OF_A_MONTH: tuple[tuple[re.Pattern[str], range], ...] = (
    (re.compile(rf"\b(?:(?:the )?(?:start|beginning|first days|first week|first half) of|early(?: in)?) {_A_MONTH}\b"),
     range(1, 11)),
    (re.compile(rf"\b(?:mid-? ?|(?:the )?middle of ){_A_MONTH}\b"), range(11, 21)),
    (re.compile(rf"\b(?:(?:the )?(?:end|last days|last week|second half) of|late(?: in)?) {_A_MONTH}\b"),
     range(21, 32)),
)


def _one_in_part_of_a_month(candidates: Sequence[Mapping[str, Any]], said: str,
                            today: date) -> Mapping[str, Any] | None:
    for pattern, days in _PARTS_OF_A_MONTH:
        named = pattern.search(said)
        if named is None:
            continue
        month = {"this month": today.month, "next month": today.month % 12 + 1}.get(named["month"]) \
            or extract.MONTHS[named["month"]]
        within = [c for c in candidates if (when := _as_date(c.get("check_in"))) is not None
                  and when.month == month and when.day in days]
        if len(within) == 1:
            return within[0]
    return None


def _overlaps(candidate: Mapping[str, Any], start: date, end: date) -> bool:
    check_in, check_out = _as_date(candidate.get("check_in")), _as_date(candidate.get("check_out"))
    return check_in is not None and check_out is not None and check_in < end and check_out > start


def _month_of(day: Any) -> int | None:
    when = _as_date(day)
    return when.month if when is not None else None


@dataclass
class CancelFlow(BookingFlow):
    name: Label = "cancel"

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        if self.reading_back:
            instead = self.named_instead(heard, desk.today)
            if instead is not None:  # the answer names another of their bookings: read that one back
                self._settle_on(instead)
                result = await desk.tool("cancel_reservation", {"reservation_id": self.reservation})
                desk.ask("confirm", result.question if result.ok else None)
                return
            if agreed(heard, self.name, self.booking):
                await self._act(desk)
            else:
                self.finished = True
                desk.say(desk.line("not_cancelled"))
                desk.ask("more", None)
            return
        if not await self.settle(desk, heard):
            return
        result = await desk.tool("cancel_reservation", {"reservation_id": self.reservation})
        if not result.ok or not result.data.get("needs_confirmation"):
            desk.say(result.statement)
            self.finished = True
            desk.ask("more", desk.line("anything_else"))
            return
        self.reading_back = True
        if heard.confirmed_in_passing:
            await self._act(desk)
            return
        desk.ask("confirm", result.question)

    async def _act(self, desk: Desk) -> None:
        arguments = {"reservation_id": self.reservation}
        read_back = await desk.tool("cancel_reservation", arguments)
        result = read_back
        if read_back.ok and read_back.data.get("needs_confirmation"):
            result = await desk.tool("cancel_reservation", arguments, call_id=f"cancel:{self.reservation}")
        desk.say(result.statement)
        self.finished = True
        desk.ask("more", desk.line("anything_else"))


@dataclass
class ChangeFlow(BookingFlow):
    name: Label = "change"
    picks_from_request: ClassVar[bool] = False
    stay: Stay = field(default_factory=Stay)
    guests: int | None = None
    room_type: str | None = None
    extension: int | None = None
    wants: str | None = None  # what the caller said they want to change ("dates", "guests", "room")
    shift: int | None = None  # days the arrival moves ("a day later"), the stay keeping its length
    keep_departure: bool = False  # "same check-out": a new arrival leaves the departure where it was

    def take(self, heard: Heard, today: date) -> bool:
        """Take what the words change; whether anything differs from what the flow held (the same value said
        again at the read-back agrees with it)."""
        changed = False
        if _KEEP_DEPARTURE.search(extract.normalise(heard.text)):
            self.keep_departure = True
        if heard.shift is not None:
            where, days = heard.shift
            if where == "departure":
                self.extension, changed = days, True
            else:
                self.shift, changed = days, True
        elif heard.extension is not None:
            self.extension, changed = heard.extension, True
        if heard.stay != Stay():
            stay = self.stay_said(heard, today)
            changed = changed or stay != self.stay
            self.stay = stay
        if heard.guests is not None:
            self.guests, changed = heard.guests, changed or heard.guests != self.guests
        if heard.room_type is not None:
            self.room_type, changed = heard.room_type, changed or heard.room_type != self.room_type
        return changed

    def stay_said(self, heard: Heard, today: date) -> Stay:
        """The stay as the words change it, read against the booking when it is known: words that move it off
        its own arrival day onto another move it (keeping its length), and a bare day is read in its month."""
        arrival = _as_date(self.booking.get("check_in")) if self.booking else None
        departure = _as_date(self.booking.get("check_out")) if self.booking else None
        if arrival is None or departure is None:
            return self.stay.merged(heard.stay)
        moved = extract.moved_arrival(heard.text, today, arrival, departure)
        if moved is None and _WEEK_AFTER.search(extract.normalise(heard.text)):
            moved = arrival + timedelta(days=7)  # "to the weekend after": a week on from its own
        if moved is not None:
            return Stay(moved, None, heard.stay.nights or (departure - arrival).days)
        return self.stay.merged(extract.parse_stay(heard.text, today, near=arrival))

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        before, known = self.stay, self.booking is not None
        changed = self.take(heard, desk.today)
        if self.reading_back:
            if agreed(heard, self.name, self.booking) and not changed:
                await self._act(desk)
                return
            if not changed:
                self.finished = True
                desk.say(desk.line("not_changed"))
                desk.ask("more", None)
                return
            self.reading_back = False
        if heard.label in ("change", "answer"):
            self.wants = _what_change(heard.text) or self.wants
        if not await self.settle(desk, heard):
            return
        if not known and heard.stay != Stay():  # the booking was found this turn: its days read against it
            self.stay = before
            self.take(heard, desk.today)
        if self.stay == Stay() and self.guests is None and self.room_type is None and self.extension is None \
                and self.shift is None:
            # "I want other dates for my stay": ask for the new dates, not what to change.
            desk.ask("what_change", desk.line(f"ask_new_{self.wants}" if self.wants else "ask_what_change"))
            return
        result = await desk.tool("modify_reservation", self._arguments())
        bigger = self._bigger_room(desk, result)
        if bigger is not None:  # more guests than the room sleeps: read back the smallest room that fits
            self.room_type = bigger
            result = await desk.tool("modify_reservation", self._arguments())
        if not result.ok or not result.data.get("needs_confirmation"):
            desk.say(result.statement)
            self.stay, self.guests, self.room_type, self.extension, self.shift = Stay(), None, None, None, None
            if result.ok or result.error not in ("ValidationFailed", "NoAvailability", "InvalidArguments"):
                # Done, or refused for good (the booking's state): never the same request again next turn.
                self.finished = True
                desk.ask("more", desk.line("anything_else"))
                return
            desk.ask("what_change", desk.line("ask_new_dates") if result.error != "InvalidArguments"
                     else desk.line("ask_what_change"))
            return
        self.reading_back = True
        if heard.confirmed_in_passing:
            await self._act(desk)
            return
        desk.say(result.speech)
        desk.ask("confirm", None)

    def _bigger_room(self, desk: Desk, result: ToolResult) -> str | None:
        if result.ok or result.error != "ValidationFailed" or result.data.get("error_field") != "guests" \
                or self.guests is None or self.room_type is not None:
            return None
        fits = sorted((t for t in desk.room_types if t.max_occupancy >= self.guests), key=lambda t: t.max_occupancy)
        return fits[0].code if fits else None

    def _arguments(self) -> dict[str, Any]:
        arguments: dict[str, Any] = {"reservation_id": self.reservation}
        if self.extension is not None and self.stay == Stay():
            arguments["extend_by"] = self.extension
        arrival = _as_date(self.booking.get("check_in")) if self.booking else None
        if self.shift is not None and self.stay.check_in is None and arrival is not None:
            arguments["check_in"] = (arrival + timedelta(days=self.shift)).isoformat()
        if self.stay.check_in is not None:
            arguments["check_in"] = self.stay.check_in.isoformat()
        departure = self.stay.departure or self.stay.check_out  # a new departure alone keeps the arrival
        if departure is None and self.keep_departure and self.stay.nights is None and self.booking:
            departure = _as_date(self.booking.get("check_out"))
        if departure is not None:
            arguments["check_out"] = departure.isoformat()
        elif self.stay.nights is not None:
            arguments["nights"] = self.stay.nights
        if self.guests is not None:
            arguments["guests"] = self.guests
        if self.room_type is not None:
            arguments["room_type"] = self.room_type
        return arguments

    async def _act(self, desk: Desk) -> None:
        arguments = self._arguments()
        read_back = await desk.tool("modify_reservation", arguments)
        result = read_back
        if read_back.ok and read_back.data.get("needs_confirmation"):
            key = ":".join(f"{k}={v}" for k, v in sorted(arguments.items()))
            result = await desk.tool("modify_reservation", arguments, call_id=f"modify:{key}")
        desk.say(result.statement)
        self.finished = True
        desk.ask("more", desk.line("anything_else"))


def _what_change(text: str) -> str | None:
    """Which part of a booking the words say they want changed, when they name one and only one."""
    said = extract.normalise(text)
    named = [part for part, pattern in (
        ("dates", r"\b(?:dates?|days?|arrival|arrive|check ?-?in|check ?-?out|departure|nights?|when)\b"),
        ("guests", r"\b(?:guests?|people|persons|adults|number of)\b"),
        ("room", r"\b(?:room type|room|suite|upgrade|bed)\b"),
    ) if re.search(pattern, said)]
    return named[0] if len(named) == 1 else None


@dataclass
class FindFlow(BookingFlow):
    name: Label = "find"

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        if not await self.settle(desk, heard):
            return
        result = await desk.tool("find_reservation", {"reservation_id": self.reservation})
        desk.say(result.statement)
        self.finished = True
        desk.ask("more", desk.line("anything_else"))


# --- in-stay requests ---------------------------------------------------------------------------


@dataclass
class HousekeepingFlow(Flow):
    name: Label = "housekeeping"
    room_number: str | None = None
    item: str | None = None

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        self.room_number = heard.room_number or self.room_number
        self.item = heard.item or self.item
        if self.item is None:
            desk.ask("item", desk.line("ask_item"))
            return
        arguments: dict[str, Any] = {"item": self.item}
        if self.room_number:
            arguments["room_number"] = self.room_number
        result = await desk.tool("request_housekeeping", arguments)
        if not result.ok and result.error == "NotFound" and self.room_number is None:
            desk.ask("room_number", desk.line("ask_room_number"))
            return
        desk.say(result.statement)
        self.finished = True
        desk.ask("more", desk.line("anything_else"))


@dataclass
class LateCheckoutFlow(Flow):
    name: Label = "late_checkout"
    room_number: str | None = None
    until: time | None = None

    async def advance(self, desk: Desk, heard: Heard, asked: Ask | None = None) -> None:
        self.room_number = heard.room_number or self.room_number
        self.until = heard.time or self.until
        if self.until is None:
            desk.ask("time", desk.line("ask_time"))
            return
        arguments: dict[str, Any] = {"until": self.until.strftime("%H:%M")}
        if self.room_number:
            arguments["room_number"] = self.room_number
        result = await desk.tool("request_late_checkout", arguments)
        if not result.ok and result.error == "NotFound" and self.room_number is None:
            desk.ask("room_number", desk.line("ask_room_number"))
            return
        desk.say(result.statement)
        self.finished = True
        desk.ask("more", desk.line("anything_else"))


FLOWS: Mapping[Label, type[Flow]] = {
    "book": BookFlow, "change": ChangeFlow, "cancel": CancelFlow, "find": FindFlow,
    "housekeeping": HousekeepingFlow, "late_checkout": LateCheckoutFlow,
}
