"""The agent is never shown its exam: no test-split wording, name or date phrase in its prompt or its code.

The frozen test splits (``benchmarks/agent/splits/test20.jsonl``, v20, held out, the default; ``test19.jsonl``, v19,
``test18.jsonl``, v18, ``test17.jsonl``, v17, ``test16.jsonl``, v16, ``test15.jsonl``, v15, ``test14.jsonl``, v14,
``test13.jsonl``, v13, ``test12.jsonl``, v12, ``test11.jsonl``, v11, ``test10.jsonl``, v10, ``test9.jsonl``, v9,
``test8.jsonl``, v8, ``test7.jsonl``, v7, ``test6.jsonl``, v6, ``test5.jsonl``, v5, ``test4.jsonl``, v4,
``test3.jsonl``, v3, and ``test2.jsonl``, v2, spent:
scored once; ``test.jsonl``, v1, burned; the spent ones still protected, so that nothing of them is copied in later)
and the voice scenarios are what the agent is scored on. If a caller utterance, a 5-word run of one, a caller's or
guest's name, or a date phrase of them appears in ``agent.prompts.prompt_corpus()`` (everything that can reach the
model's prompt) or anywhere in the source of ``agent/`` and ``tools/``, a model could pass by copying it: these tests
fail then.

Matching is on normalised words (lower case, punctuation as spaces), at word boundaries. Utterances of
fewer than 4 words ("yes", "no thanks") are too common to be a leak; 5-word runs made only of function
words ("i would like to be") are skipped for the same reason.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from agent.settings import Settings
from backoffice.db import Database
from backoffice.services import Services
from benchmarks.agent.caller import GUEST_WORDS, RESTATED, ROOM_WORDS
from benchmarks.agent.voice import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]
TEST_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test.jsonl"
TEST2_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test2.jsonl"
TEST3_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test3.jsonl"
TEST4_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test4.jsonl"
TEST5_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test5.jsonl"
TEST6_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test6.jsonl"
TEST7_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test7.jsonl"
TEST8_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test8.jsonl"
TEST9_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test9.jsonl"
TEST10_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test10.jsonl"
TEST11_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test11.jsonl"
TEST12_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test12.jsonl"
TEST13_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test13.jsonl"
TEST14_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test14.jsonl"
TEST15_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test15.jsonl"
TEST16_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test16.jsonl"
TEST17_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test17.jsonl"
TEST18_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test18.jsonl"
TEST19_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test19.jsonl"
TEST20_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test20.jsonl"
TEST_SPLITS = (TEST20_SPLIT, TEST19_SPLIT, TEST18_SPLIT, TEST17_SPLIT, TEST16_SPLIT, TEST15_SPLIT, TEST14_SPLIT,
               TEST13_SPLIT, TEST12_SPLIT, TEST11_SPLIT, TEST10_SPLIT, TEST9_SPLIT, TEST8_SPLIT, TEST7_SPLIT,
               TEST6_SPLIT, TEST5_SPLIT, TEST4_SPLIT, TEST3_SPLIT, TEST2_SPLIT, TEST_SPLIT)
FLOW_COUNTS = {"book": 26, "change": 10, "cancel": 10, "find": 8, "housekeeping": 8, "late_checkout": 6, "facts": 10,
               "person": 4, "goodbye": 4, "out_of_scope": 40}
PASSIVE_KINDS = ("untouched", "nothing_revealed", "no_request", "no_late_checkout")
DEV_SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "dev.jsonl"
SOURCE_DIRS = (ROOT / "agent", ROOT / "tools")
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "for", "from", "by", "with",
    "about", "as", "into", "than", "then", "that", "this", "these", "those", "it", "its", "i", "me", "my", "mine",
    "we", "us", "our", "you", "your", "he", "she", "him", "her", "they", "them", "their", "is", "am", "are", "was",
    "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "can", "could", "would", "will",
    "shall", "should", "may", "might", "must", "just", "please", "yes", "no", "not", "okay", "ok", "well", "there",
    "here", "what", "which", "who", "whom", "when", "where", "how", "why", "some", "any", "all", "one", "s", "d",
    "ll", "m", "re", "ve", "t", "up", "out",
))


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def normalised(text: str) -> str:
    return " " + " ".join(words(text)) + " "


@dataclass(frozen=True)
class Exam:
    utterances: tuple[str, ...]
    names: tuple[str, ...]
    date_phrases: tuple[str, ...]


def _rows(path: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [row for row in rows if "id" in row]


def exam() -> Exam:
    utterances: list[str] = []
    names: list[str] = []
    phrases: list[str] = []
    for row in (row for path in TEST_SPLITS for row in _rows(path)):
        utterances.append(str(row["opening"]))
        utterances += [str(v) for v in dict(row["replies"]).values()]  # type: ignore[call-overload]
        phrases += [str(p) for p in row["date_phrases"]]  # type: ignore[attr-defined]
        for booked in row["setup"]:  # type: ignore[attr-defined]
            names.append(str(booked["name"]))
        expect = dict(row["expect"])  # type: ignore[call-overload]
        if "name" in expect:
            names.append(str(expect["name"]))
    # The simulated caller's own fallback phrasings are caller wording too.
    utterances += [*RESTATED.values(), *ROOM_WORDS.values(), *GUEST_WORDS.values(),
                   "I don't remember the dates, that's why I'm calling.", "I don't have the code with me."]
    for scenario in SCENARIOS:
        utterances += scenario.turns
        phrases += scenario.date_phrases
        names += [str(b["name"]) for b in scenario.setup]
        if "name" in scenario.expect:
            names.append(str(scenario.expect["name"]))
    return Exam(tuple(dict.fromkeys(utterances)), tuple(dict.fromkeys(names)), tuple(dict.fromkeys(phrases)))


def runs_of_five(text: str) -> Iterator[str]:
    tokens = words(text)
    for start in range(len(tokens) - 4):
        run = tokens[start : start + 5]
        if not set(run) <= FUNCTION_WORDS:
            yield " ".join(run)


def leaks(corpus: str, found_in: str) -> list[str]:
    """Every piece of the exam found in ``corpus`` (normalised), described."""
    haystack = normalised(corpus)
    out: list[str] = []
    test = exam()
    for utterance in test.utterances:
        if len(words(utterance)) >= 4 and normalised(utterance) in haystack:
            out.append(f"utterance {utterance!r} in {found_in}")
            continue
        out += [f"5-word run {run!r} of {utterance!r} in {found_in}" for run in runs_of_five(utterance)
                if f" {run} " in haystack]
    for name in test.names:
        for part in (name, name.split()[-1]):
            if normalised(part) in haystack:
                out.append(f"name {part!r} in {found_in}")
    out += [f"date phrase {phrase!r} in {found_in}" for phrase in test.date_phrases if normalised(phrase) in haystack]
    return out


def source_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".so", ".gguf"):
                yield path


@pytest.mark.parametrize("path", TEST_SPLITS, ids=lambda p: p.stem)
def test_the_test_split_covers_every_flow_and_40_clinc150_out_of_scope_utterances(path: Path) -> None:
    rows = _rows(path)
    flows = {str(r["flow"]) for r in rows}
    assert {"book", "change", "cancel", "find", "housekeeping", "late_checkout", "facts", "person", "goodbye",
            "out_of_scope"} <= flows
    assert sum(r["flow"] != "out_of_scope" for r in rows) >= 80
    assert sum(r["flow"] == "out_of_scope" for r in rows) == 40
    header = json.loads(path.read_text().splitlines()[0])
    assert "FROZEN" in header["_comment"]
    dev_openings = {normalised(str(r["opening"])) for r in _rows(DEV_SPLIT)}
    assert not dev_openings & {normalised(str(r["opening"])) for r in rows}, "a call is in both splits"
    assert len(SCENARIOS) >= 12 and len({s.voice for s in SCENARIOS}) >= 2


def _people(rows: list[dict[str, object]]) -> tuple[set[str], set[str], set[str]]:
    """The words of every name, every phone number and every booking code of a split's calls."""
    names, phones, codes = set(), set(), set()
    for row in rows:
        phones.add(str(dict(row["caller"])["phone"]))  # type: ignore[call-overload]
        names.update(words(str(dict(row["caller"]).get("name", ""))))  # type: ignore[call-overload]
        for booked in row["setup"]:  # type: ignore[attr-defined]
            names.update(words(str(booked["name"])))
            phones.add(str(booked["phone"]))
            codes.add(str(booked.get("code")))
        expect = dict(row["expect"])  # type: ignore[call-overload]
        names.update(words(str(expect.get("name", ""))))
    return names, phones, codes - {"None"}


def _assert_new(new: list[dict[str, object]], old: list[dict[str, object]], split: str) -> None:
    assert not {normalised(str(r["opening"])) for r in new} & {normalised(str(r["opening"])) for r in old}
    for mine, theirs, what in zip(_people(new), _people(old), ("name", "phone number", "code"), strict=True):
        assert not mine & theirs, f"a {what} of an earlier split is in {split}: {sorted(mine & theirs)}"
    assert not {r["today"] for r in new} & {r["today"] for r in old}, f"a day of an earlier split is in {split}"


def test_test2_is_new_against_v1_and_dev() -> None:
    """v2 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1 or dev in it."""
    _assert_new(_rows(TEST2_SPLIT), _rows(TEST_SPLIT) + _rows(DEV_SPLIT), "test2")


def test_test3_is_new_against_v1_v2_and_dev() -> None:
    """v3 was held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2 or dev in it,
    its eight days cover every day of the week, and its 40 out-of-scope utterances are CLINC150's next ones."""
    new = _rows(TEST3_SPLIT)
    _assert_new(new, _rows(TEST_SPLIT) + _rows(TEST2_SPLIT) + _rows(DEV_SPLIT), "test3")
    _assert_proportions(new)
    old_oos = {str(r["opening"]) for r in _rows(TEST_SPLIT) + _rows(TEST2_SPLIT) if r["flow"] == "out_of_scope"}
    oos = [r for r in new if r["flow"] == "out_of_scope"]
    assert not {str(r["opening"]) for r in oos} & old_oos
    indices = _oos_indices(oos)
    assert min(indices) > 82 and indices == sorted(set(indices))  # after v2's idx 40-82, each once


def _assert_proportions(rows: list[dict[str, object]]) -> None:
    """Eight days covering the week, the flows in v3's counts, 9 calls about another guest's booking or room."""
    days = {date.fromisoformat(str(r["today"])) for r in rows}
    assert len(days) == 8 and {d.weekday() for d in days} == set(range(7))
    flows = [str(r["flow"]) for r in rows]
    assert {f: flows.count(f) for f in dict.fromkeys(flows)} == FLOW_COUNTS
    passive = [r for r in rows if dict(r["expect"])["kind"] in PASSIVE_KINDS]  # type: ignore[call-overload]
    assert len(passive) == 9


def _oos_indices(rows: list[dict[str, object]]) -> list[int]:
    return [int(re.sub(r"\D", "", str(r["source"]).split("idx")[1].split("(")[0])) for r in rows]


def _assert_a_later_version(version: int, *, oos_after: int, sources: bool = True,
                            sgd_dialogues: bool = False) -> None:
    """The checks every held-out version from v4 on passes against the versions before it: nothing of theirs or
    dev's in it, the proportions, CLINC150's next out-of-scope utterances (after idx ``oos_after``, each once) and,
    with ``sources``, no source turn (with ``sgd_dialogues``, no SGD dialogue, single- or multi-service, nor a
    Taskmaster conversation) of an earlier split followed again; from v19 on, no dialogue is followed by two calls of
    the version either."""
    in_order = TEST_SPLITS[::-1]  # v1, v2, ...
    new, old_splits = _rows(in_order[version - 1]), in_order[: version - 1]
    _assert_new(new, [r for old in (*old_splits, DEV_SPLIT) for r in _rows(old)], f"test{version}")
    _assert_proportions(new)
    old_oos = {str(r["opening"]) for old in old_splits for r in _rows(old) if r["flow"] == "out_of_scope"}
    oos = [r for r in new if r["flow"] == "out_of_scope"]
    assert not {str(r["opening"]) for r in oos} & old_oos
    indices = _oos_indices(oos)
    assert min(indices) > oos_after and indices == sorted(set(indices))
    if not sources:
        return
    old_sources = {str(r["source"]) for old in (*old_splits, DEV_SPLIT) for r in _rows(old)}
    assert not {str(r["source"]) for r in new if not str(r["source"]).startswith("SGD style")} & old_sources
    if sgd_dialogues:
        old_dialogues = {d for source in old_sources for d in _dialogues(source)}
        per_call = [_dialogues(str(r["source"])) for r in new]
        new_dialogues = {d for found in per_call for d in found}
        again = sorted(new_dialogues & old_dialogues)
        assert not again, f"an SGD dialogue an earlier split followed: {again}"
        if version >= 19:
            twice = sorted(d for d in new_dialogues if sum(d in found for found in per_call) > 1)
            assert not twice, f"a dialogue followed by two calls of test{version}: {twice}"


def _dialogues(source: str) -> set[str]:
    """The SGD dialogue ids (single- or multi-service, "26_00034") and Taskmaster conversation ids ("dlg-" and a
    UUID) that a call's ``source`` names."""
    return set(re.findall(r"\b\d+_\d{5}\b", source)) | set(re.findall(r"\bdlg-[0-9a-f-]{8,}", source))


def test_test4_is_new_against_v1_v2_v3_and_dev() -> None:
    """v4 was held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3 or dev in
    it, its eight days cover every day of the week, its flows and calls about another guest's booking have v3's
    counts, and its 40 out-of-scope utterances are CLINC150's next ones after v3's."""
    _assert_a_later_version(4, oos_after=130, sources=False)  # after v3's idx 83-130


def test_test5_is_new_against_v1_v2_v3_v4_and_dev() -> None:
    """v5 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3, v4 or dev
    in it, its eight days cover every day of the week, its flows and calls about another guest's booking have v4's
    counts, and its 40 out-of-scope utterances are CLINC150's next ones after v4's."""
    _assert_a_later_version(5, oos_after=179, sources=False)  # after v4's idx 131-179


def test_test6_is_new_against_v1_v2_v3_v4_v5_and_dev() -> None:
    """v6 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3, v4, v5 or
    dev in it, its eight days cover every day of the week, its flows and calls about another guest's booking have
    v5's counts, and its 40 out-of-scope utterances are CLINC150's next ones after v5's."""
    _assert_a_later_version(6, oos_after=231)  # after v5's idx 180-231


def test_test7_is_new_against_v1_v2_v3_v4_v5_v6_and_dev() -> None:
    """v7 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3, v4, v5, v6
    or dev in it, its eight days cover every day of the week, its flows and calls about another guest's booking have
    v6's counts, its 40 out-of-scope utterances are CLINC150's next ones after v6's, and no source turn of an earlier
    split is followed again."""
    _assert_a_later_version(7, oos_after=287)  # after v6's idx 232-287


def test_test8_is_new_against_v1_v2_v3_v4_v5_v6_v7_and_dev() -> None:
    """v8 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3, v4, v5, v6,
    v7 or dev in it, its eight days cover every day of the week, its flows and calls about another guest's booking
    have v7's counts, its 40 out-of-scope utterances are CLINC150's next ones after v7's, and no source turn of an
    earlier split is followed again."""
    _assert_a_later_version(8, oos_after=329)  # after v7's idx 288-329


def test_test9_is_new_against_v1_v2_v3_v4_v5_v6_v7_v8_and_dev() -> None:
    """v9 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1, v2, v3, v4, v5, v6,
    v7, v8 or dev in it, its eight days cover every day of the week, its flows and calls about another guest's
    booking have v8's counts, its 40 out-of-scope utterances are CLINC150's next ones after v8's, and no source turn
    of an earlier split is followed again."""
    _assert_a_later_version(9, oos_after=373, sgd_dialogues=True)  # after v8's idx 330-373


def test_test10_is_new_against_v1_v2_v3_v4_v5_v6_v7_v8_v9_and_dev() -> None:
    """v10 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v9 or dev in it, its
    eight days cover every day of the week, its flows and calls about another guest's booking have v9's counts, its
    40 out-of-scope utterances are CLINC150's next ones after v9's, and no source turn or SGD dialogue of an earlier
    split is followed again."""
    _assert_a_later_version(10, oos_after=416, sgd_dialogues=True)  # after v9's idx 374-416


def test_test11_is_new_against_v1_to_v10_and_dev() -> None:
    """v11 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v10 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v10's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v10's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(11, oos_after=458, sgd_dialogues=True)  # after v10's idx 417-458


def test_test12_is_new_against_v1_to_v11_and_dev() -> None:
    """v12 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v11 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v11's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v11's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(12, oos_after=506, sgd_dialogues=True)  # after v11's idx 459-506


def test_test13_is_new_against_v1_to_v12_and_dev() -> None:
    """v13 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v12 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v12's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v12's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(13, oos_after=550, sgd_dialogues=True)  # after v12's idx 507-550


def test_test14_is_new_against_v1_to_v13_and_dev() -> None:
    """v14 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v13 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v13's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v13's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(14, oos_after=592, sgd_dialogues=True)  # after v13's idx 551-592


def test_test15_is_new_against_v1_to_v14_and_dev() -> None:
    """v15 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v14 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v14's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v14's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(15, oos_after=633, sgd_dialogues=True)  # after v14's idx 593-633


def test_test16_is_new_against_v1_to_v15_and_dev() -> None:
    """v16 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v15 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v15's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v15's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(16, oos_after=675, sgd_dialogues=True)  # after v15's idx 634-675


def test_test17_is_new_against_v1_to_v16_and_dev() -> None:
    """v17 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v16 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v16's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v16's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(17, oos_after=723, sgd_dialogues=True)  # after v16's idx 676-723


def test_test18_is_new_against_v1_to_v17_and_dev() -> None:
    """v18 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v17 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v17's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v17's, and no source turn or SGD dialogue of an
    earlier split is followed again."""
    _assert_a_later_version(18, oos_after=765, sgd_dialogues=True)  # after v17's idx 724-765


def test_test19_is_new_against_v1_to_v18_and_dev() -> None:
    """v19 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v18 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v18's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v18's, no source turn or SGD dialogue (single- or
    multi-service) of an earlier split is followed again, and no dialogue is followed by two of its calls."""
    _assert_a_later_version(19, oos_after=812, sgd_dialogues=True)  # after v18's idx 766-812


def test_test20_is_new_against_v1_to_v19_and_dev() -> None:
    """v20 is held out: no opening, out-of-scope utterance, name, phone number, code or day of v1-v19 or dev in it,
    its eight days cover every day of the week, its flows and calls about another guest's booking have v19's counts,
    its 40 out-of-scope utterances are CLINC150's next ones after v19's, no source turn, SGD dialogue or Taskmaster-2
    conversation of an earlier split is followed again, and no dialogue or conversation is followed by two of its
    calls."""
    _assert_a_later_version(20, oos_after=857, sgd_dialogues=True)  # after v19's idx 813-857


def test_the_matcher_finds_a_planted_utterance_name_and_date_phrase() -> None:
    """The check itself can fail: each kind of leak is caught."""
    test = exam()
    planted = f"Example: {test.utterances[0]}\nguest: {test.names[0].upper()}\nwhen: {test.date_phrases[0]}"
    found = leaks(planted, "planted text")
    assert any(f.startswith("utterance") for f in found)
    assert any(f.startswith("name") for f in found)
    assert any(f.startswith("date phrase") for f in found)
    run = next(runs_of_five(test.utterances[0]))
    assert leaks(f"... {run.upper()} ...", "planted run"), run


def test_no_test_split_wording_name_or_date_phrase_in_the_agent_or_tools_source() -> None:
    found = []
    for path in source_files(SOURCE_DIRS):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += leaks(text, str(path.relative_to(ROOT)))
    assert not found, "the test split leaked into the agent's code:\n" + "\n".join(found)


def test_no_test_split_wording_name_or_date_phrase_in_the_prompt_corpus() -> None:
    from agent import prompts

    corpus_of = getattr(prompts, "prompt_corpus", None)
    if corpus_of is None:
        message = ("agent.prompts.prompt_corpus() does not exist yet (AGENT_CONTRACT.md: every text that can "
                   "reach a model prompt); the contamination check of the prompt cannot run")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    corpus = corpus_of()
    assert isinstance(corpus, str) and corpus.strip(), "prompt_corpus() returned no text"
    found = leaks(corpus, "prompt_corpus()")
    assert not found, "the test split leaked into the model's prompt:\n" + "\n".join(found)


def test_the_split_files_are_what_make_splits_wrote() -> None:
    """Frozen: an edit to the split file (or to its generator without a new version) fails here."""
    from benchmarks.agent import make_splits

    if not make_splits.DIALOGUES.exists():
        pytest.skip(f"{make_splits.DIALOGUES} is not here (the shared data set)")
    assert TEST20_SPLIT.read_text() == make_splits.render("test20")
    assert TEST19_SPLIT.read_text() == make_splits.render("test19")
    assert TEST18_SPLIT.read_text() == make_splits.render("test18")
    assert TEST17_SPLIT.read_text() == make_splits.render("test17")
    assert TEST16_SPLIT.read_text() == make_splits.render("test16")
    assert TEST15_SPLIT.read_text() == make_splits.render("test15")
    assert TEST14_SPLIT.read_text() == make_splits.render("test14")
    assert TEST13_SPLIT.read_text() == make_splits.render("test13")
    assert TEST12_SPLIT.read_text() == make_splits.render("test12")
    assert TEST11_SPLIT.read_text() == make_splits.render("test11")
    assert TEST10_SPLIT.read_text() == make_splits.render("test10")
    assert TEST9_SPLIT.read_text() == make_splits.render("test9")
    assert TEST8_SPLIT.read_text() == make_splits.render("test8")
    assert TEST7_SPLIT.read_text() == make_splits.render("test7")
    assert TEST6_SPLIT.read_text() == make_splits.render("test6")
    assert TEST5_SPLIT.read_text() == make_splits.render("test5")
    assert TEST4_SPLIT.read_text() == make_splits.render("test4")
    assert TEST3_SPLIT.read_text() == make_splits.render("test3")
    assert TEST2_SPLIT.read_text() == make_splits.render("test2")
    assert TEST_SPLIT.read_text() == make_splits.render("test")
    assert DEV_SPLIT.read_text() == make_splits.render("dev")


async def test_the_harness_sets_up_calls_of_every_flow_of_test2(db: Database, settings: Settings) -> None:
    """No model: each call's hotel is built as the benchmark builds it, and its expectation names bookings,
    rooms, room types, stays and topics that exist, with the task not already done (``setup_check.py``).

    A call costs 0.2-0.6 s (``reset_hotel`` truncates 25 tables), so CI takes 24 calls spread over every flow;
    ``python -m benchmarks.agent --setup-only --split test2,test,dev`` checks every call of every split
    (0 problems on 2026-11-30)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test2"), 24)
    assert len({i["flow"] for i in items}) == 10
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, items, settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test3(db: Database, settings: Settings) -> None:
    """As for test2: 24 calls of the held-out v3 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test3`` checks all 126: 0 problems on 2026-12-01)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test3"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test3") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test4(db: Database, settings: Settings) -> None:
    """As for test3: 24 calls of v4 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test4`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test4"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test4") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test5(db: Database, settings: Settings) -> None:
    """As for test4: 24 calls of v5 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test5`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test5"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test5") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test6(db: Database, settings: Settings) -> None:
    """As for test5: 24 calls of the held-out v6 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test6`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test6"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test6") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test7(db: Database, settings: Settings) -> None:
    """As for test6: 24 calls of the held-out v7 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test7`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test7"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test7") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test8(db: Database, settings: Settings) -> None:
    """As for test7: 24 calls of the held-out v8 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test8`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test8"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test8") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test9(db: Database, settings: Settings) -> None:
    """As for test8: 24 calls of the held-out v9 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test9`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test9"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test9") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_calls_of_every_flow_of_test10(db: Database, settings: Settings) -> None:
    """As for test9: 24 calls of the held-out v10 spread over every flow, set up without a model (``python -m
    benchmarks.agent --setup-only --split test10`` checks all 126)."""
    from benchmarks.agent.__main__ import load_split, spread
    from benchmarks.agent.setup_check import check_split

    items = spread(load_split("test10"), 24)
    assert len({i["flow"] for i in items}) == 10
    returning = [i for i in load_split("test10") if any(b.get("guest_only") for b in i["setup"])]
    assert len(returning) == 2
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, [*items, *returning], settings.hotel_timezone)
    assert not problems, "\n".join(problems)


async def test_the_harness_sets_up_v1s_returning_guests(db: Database, settings: Settings) -> None:
    """v1's run recorded test-025 as 'raised KeyError('check_in')': the simulated caller, asked "which one?"
    in a booking call, took the returning guest's row (no code, no dates) for the booking meant."""
    from benchmarks.agent.__main__ import load_split
    from benchmarks.agent.setup_check import check_split

    items = [i for i in load_split("test") if any(b.get("guest_only") for b in i["setup"])]
    assert {"test-024", "test-025"} <= {i["id"] for i in items}
    services = Services(db=db, policy=settings.policy, secret=b"benchmark")
    problems = await check_split(services, settings.facts, items, settings.hotel_timezone)
    assert not problems, "\n".join(problems)
