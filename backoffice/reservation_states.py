"""The reservation lifecycle as a transition table (Mews-style hold, Apaleo-style guarded actions).

hold (expires unless confirmed or paid) -> confirmed -> checked_in -> checked_out, with cancelled,
no_show and expired as terminal states. Self-transitions (modify, assign_room, move_room) are in
the table too, so "modify a cancelled booking" is refused by the same lookup as everything else.
Guards that need data (arrival day, a clean room, ...) live with the commands that apply them.
"""

from __future__ import annotations

from typing import Final

from backoffice.statemachine import StateMachine

ACTIVE_STATES: Final = frozenset({"hold", "confirmed", "checked_in"})
TERMINAL_STATES: Final = frozenset({"checked_out", "cancelled", "no_show", "expired"})

RESERVATION: Final = StateMachine(
    entity="reservation",
    table="reservations",
    transitions={
        ("hold", "confirm"): "confirmed",
        ("hold", "cancel"): "cancelled",
        ("hold", "expire"): "expired",
        ("hold", "modify"): "hold",
        ("hold", "assign_room"): "hold",
        ("confirmed", "cancel"): "cancelled",
        ("confirmed", "check_in"): "checked_in",
        ("confirmed", "mark_no_show"): "no_show",
        ("confirmed", "modify"): "confirmed",
        ("confirmed", "assign_room"): "confirmed",
        ("checked_in", "check_out"): "checked_out",
        ("checked_in", "move_room"): "checked_in",
    },
)
