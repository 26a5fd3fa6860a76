"""Word error rate with a light normaliser (case, punctuation, digits and ordinals spelled out)."""

from __future__ import annotations

import re

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth",
             "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth", "12th": "twelfth",
             "20th": "twentieth", "21st": "twenty first", "30th": "thirtieth", "31st": "thirty first"}


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    if n < 1_000_000:
        rest = n % 1000
        return number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def _spell_code(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if re.fullmatch(r"\d+(st|nd|rd|th)", token, re.IGNORECASE) else " ".join(token)


def normalise(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)  # "(simple tone sound plays)": a note, not speech
    # A spelled-out code ("K 7 P 4 2 Q") and its compact form ("k7p42q") compare character by character.
    text = re.sub(r"\b(?=\w*\d)(?=\w*[a-zA-Z])\w+\b", _spell_code, text)
    text = text.lower().replace("-", " ").replace("%", " percent").replace("×", " times ").replace("=", " equals ")
    text = re.sub(r"(\d),(\d)", r"\1\2", text)
    words: list[str] = []
    for token in re.sub(r"[^\w\s']", " ", text).split():
        token = token.strip("'")
        if token in _ORDINALS:
            words.extend(_ORDINALS[token].split())
        elif token.isdigit():
            words.extend(number_words(int(token)).split())
        elif token:
            words.append(token)
    return words


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance in words, reference length)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1], len(ref)
