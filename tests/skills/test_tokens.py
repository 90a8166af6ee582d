from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from landml.skills.tokens import alias_key, match_units, sentence_bounds, tokenize


def test_tokens_keep_offsets_that_slice_the_text() -> None:
    text = "Use C++, C#, .NET and scikit-learn (R&D team) — ok?"
    tokens = tokenize(text)
    assert [t.text for t in tokens][:8] == ["Use", "C++", ",", "C#", ",", ".NET", "and", "scikit"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "R&D" in [t.text for t in tokens]


@given(st.text(max_size=200))
def test_every_token_slices_its_own_text(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def test_alias_keys_fold_case_plurals_and_glued_punctuation() -> None:
    assert alias_key("Scikit-Learn") == alias_key("scikit learn")
    assert alias_key("CI/CD") == alias_key("CI CD") == "ci cd"
    assert alias_key("LLMs") == alias_key("LLM")
    assert alias_key("Node.js") == "node js"
    assert alias_key("C++") == "c++"


def test_glued_joiners_keep_a_run_but_spaced_dashes_and_commas_break_it() -> None:
    text = "scikit-learn - pandas, numpy"
    tokens = tokenize(text)
    runs = [[tokens[i].text for i in run] for run in match_units(tokens, text)]
    assert runs == [["scikit", "learn"], ["pandas"], ["numpy"]]


def test_sentences_split_on_stops_and_lines_but_not_on_abbreviations() -> None:
    text = "Know Python, e.g. pandas. Build models.\nShip them"
    parts = [text[a:b] for a, b in sentence_bounds(text)]
    assert parts == ["Know Python, e.g. pandas.", "Build models.", "Ship them"]
