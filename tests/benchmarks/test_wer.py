"""The word error rate's normaliser: a transcript that writes numbers differently is not wrong."""

from __future__ import annotations

import pytest

from benchmarks.latency.wer import normalise, word_errors


@pytest.mark.parametrize(("said", "heard"), [
    ("from December eleventh until December thirteenth", "from December 11th until December 13th"),
    ("the twenty second or the thirty first", "the 22nd or the 31st"),
    ("room four hundred and two", "room 400 and 2"),
    ("Family Two Queens", "family two-queens"),
])
def test_numbers_written_as_digits_count_as_said(said: str, heard: str) -> None:
    assert word_errors(said, heard) == (0, len(normalise(said)))


def test_a_different_word_is_an_error() -> None:
    assert word_errors("December eleventh", "September 11th") == (1, 2)
