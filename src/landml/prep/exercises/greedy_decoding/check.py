"""Hidden tests for greedy decoding."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_unchanged, expect

checks = Checks()


def _model(rng: np.random.Generator, vocab: int) -> Callable[[list[int]], np.ndarray]:
    """A toy language model whose logits depend on the last token and on the length."""
    by_token = rng.normal(size=(vocab, vocab))
    by_length = rng.normal(size=(7, vocab)) * 0.5

    def next_logits(tokens: list[int]) -> np.ndarray:
        logits: np.ndarray = by_token[tokens[-1]] + by_length[len(tokens) % 7]
        return logits

    return next_logits


def _same(sub: ModuleType, ref: ModuleType, what: str, *args: object) -> None:
    expected = ref.greedy_decode(*args)
    got = sub.greedy_decode(*args)
    expect(isinstance(got, list), f"{what}: expected a list, got {type(got).__name__}")
    expect(
        [int(t) for t in got] == expected,
        f"{what}: got {got}, expected {expected}",
        "append argmax each step, call the model on the whole sequence, stop after eos",
    )


@checks.case("matches a toy model on random prompts")
def random_prompts(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for trial in range(5):
        model = _model(rng, 11)
        prompt = [int(t) for t in rng.integers(0, 11, size=int(rng.integers(1, 5)))]
        _same(sub, ref, f"trial {trial}", model, prompt, 10_000, 12)


@checks.case("stops right after the end-of-sequence token")
def stops_at_eos(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    vocab = 6
    table = np.full((vocab, vocab), -5.0)
    chain = {0: 3, 3: 4, 4: 2, 2: 5, 5: 1, 1: 1}
    for token, following in chain.items():
        table[token, following] = 5.0

    def model(tokens: list[int]) -> np.ndarray:
        row: np.ndarray = table[tokens[-1]]
        return row

    got = sub.greedy_decode(model, [0], 2, 20)
    expect([int(t) for t in got] == [3, 4, 2], f"with eos_id=2 got {got}, expected [3, 4, 2]")


@checks.case("max_new_tokens is respected, including 0")
def max_tokens(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    model = _model(rng, 9)
    for limit in (0, 1, 4):
        _same(sub, ref, f"max_new_tokens={limit}", model, [1, 2], 10_000, limit)


@checks.case("ties go to the lowest token id")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    def model(tokens: list[int]) -> np.ndarray:
        logits = np.zeros(5)
        logits[[1, 3]] = 2.0
        return logits

    got = sub.greedy_decode(model, [0], 99, 3)
    expect([int(t) for t in got] == [1, 1, 1], f"with a tie between 1 and 3 got {got}")


@checks.case("the prompt is left untouched")
def prompt_unchanged(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    model = _model(rng, 7)
    prompt = [4, 2]
    sub.greedy_decode(model, prompt, 10_000, 5)
    assert_unchanged([4, 2], prompt, what="the prompt list")
