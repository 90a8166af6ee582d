from __future__ import annotations

import pytest

from landml.skills.sections import read_posting


def requirement_of(text: str, word: str) -> str | None:
    at = text.index(word)
    return read_posting(text).requirement(at, at + len(word))


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Requirements", "required"), ("Requirements:", "required"),
        ("What you'll need", "required"), ("What You’ll Need:", "required"),
        ("Minimum Qualifications", "required"), ("## Must have", "required"),
        ("Nice to have", "preferred"), ("Bonus points", "preferred"), ("BONUS:", "preferred"),
        ("Preferred Qualifications", "preferred"), ("Preferred", "preferred"),
        ("Responsibilities", None), ("What you'll do:", None), ("About us", None),
    ],
)  # fmt: skip
def test_headings_mark_the_lines_below(heading: str, expected: str | None) -> None:
    text = f"Intro line.\n{heading}\n- Experience with Snowflake\n"
    assert requirement_of(text, "Snowflake") == expected


def test_a_heading_holds_until_the_next_one() -> None:
    text = "Requirements\n- Python\n- SQL\nBonus\n- Rust\nBenefits\n- Docker stipend"
    assert [requirement_of(text, w) for w in ("Python", "SQL", "Rust", "Docker")] == [
        "required", "required", "preferred", None,
    ]  # fmt: skip


def test_heading_with_content_on_its_line() -> None:
    text = "Required: Python, SQL\nPreferred: Scala, Go\nSkills Required: Tableau"
    assert requirement_of(text, "SQL") == "required"
    assert requirement_of(text, "Scala") == "preferred"
    assert requirement_of(text, "Tableau") == "required"


def test_a_sentence_that_starts_like_a_heading_is_not_one() -> None:
    text = "Nice to have\n- Go\nExperience with Spark is a must\n- Airflow"
    assert requirement_of(text, "Spark") == "required"  # its own cue word, "must"
    assert requirement_of(text, "Airflow") == "preferred"  # still under "Nice to have"


def test_cue_words_next_to_a_skill_win_over_the_heading() -> None:
    text = (
        "Requirements\n- Python required, Scala a plus\n"
        "- Bachelor's degree, preferably in statistics"
    )
    assert requirement_of(text, "Python") == "required"
    assert requirement_of(text, "Scala") == "preferred"
    assert requirement_of(text, "statistics") == "preferred"


def test_no_heading_and_no_cue_means_unknown() -> None:
    assert requirement_of("We use Python every day.", "Python") is None


@pytest.mark.parametrize(
    ("phrase", "years"),
    [
        ("3+ years of Python", 3.0), ("3 + years of Python", 3.0), ("5 plus years of Python", 5.0),
        ("2-4 years of Python", 2.0), ("2 to 4 yrs of Python", 2.0),
        ("three years' experience in Python", 3.0), ("at least 7 years using Python", 7.0),
        ("1.5 years with Python", 1.5),
    ],
)  # fmt: skip
def test_years_phrases_bind_the_skills_after_them(phrase: str, years: float) -> None:
    ctx = read_posting(phrase)
    at = phrase.index("Python")
    assert ctx.years_for(at, at + 6, [(at, at + 6)]) == years


def test_years_in_parentheses_bind_the_skill_before() -> None:
    text = "Python (3+ years), SQL: 2 years and Spark"
    ctx = read_posting(text)
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Python", "SQL", "Spark")]
    assert [ctx.years_for(a, b, spans) for a, b in spans] == [3.0, 2.0, None]


def test_years_do_not_cross_sentences_or_bind_company_history() -> None:
    text = "We have 20 years in business. Python is our stack."
    at = text.index("Python")
    assert read_posting(text).years_for(at, at + 6, [(at, at + 6)]) is None
