from __future__ import annotations

from typing import Any

import pytest

from landml.errors import InvalidInput, NotFound
from landml.prep import stories
from landml.prep.bank import BankItem, load_bank
from landml.prep.datafiles import parse_data
from landml.prep.stories import (
    StoryIn,
    check_story,
    company_value_lists,
    map_story_to_questions,
    map_story_to_values,
    measurable_evidence,
    read_seniority,
    split_star,
    spoken_seconds,
    word_count,
)

GOOD: dict[str, Any] = {
    "title": "Cutting ranking latency before launch",
    "situation": (
        "In my second year at a mid-size marketplace, our search ranking service was about to "
        "serve a new market, and load tests showed p95 latency at 240 ms against a 100 ms "
        "budget, three weeks before the launch date."
    ),
    "task": (
        "I owned the ranking model and its serving path, so it was my job to bring latency "
        "under budget without losing the relevance gains we had measured offline."
    ),
    "action": (
        "First I profiled a day of production traffic and found that two thirds of the time "
        "went to fetching user features one key at a time. I proposed batching the lookups and "
        "caching the slow-changing features for ten minutes, and I wrote a short design note "
        "comparing that with distilling the model, which would have cost relevance. The platform "
        "team owned the cache, so I met their lead, walked through the trade-offs and agreed on "
        "a memory limit with them. I then rewrote the feature client, added a fallback to "
        "default features when the cache timed out, and ran a shadow test on real traffic for "
        "two days to compare scores between the old and new paths. When the shadow test showed "
        "a small drift for new users, I traced it to a stale default value and fixed it before "
        "the switch."
    ),
    "result": (
        "As a result p95 latency fell from 240 ms to 85 ms, the launch happened on time, and "
        "the A/B test kept the 3% gain in purchases per search. The batching client is now used "
        "by four other teams, and I learned to profile before choosing an optimisation."
    ),
    "tags": ("impact", "deadline"),
}


def _story(**changes: Any) -> StoryIn:
    return StoryIn(**{**GOOD, **changes})


def _rules(story: StoryIn, **kwargs: Any) -> set[str]:
    return {finding.rule for finding in check_story(story, **kwargs).findings}


def _behavioral_item(item_id: str, topic: str, prompt: str, tags: tuple[str, ...] = ()) -> BankItem:
    return BankItem(
        id=item_id,
        area="behavioral",
        topic=topic,
        round_kind="behavioral",
        difficulty="medium",
        roles=("mle",),
        company_kinds=("big_tech",),
        prompt=prompt,
        answer="An outline written for this test. " * 8,
        tags=tags,
    )


# Checking one story


def test_a_complete_two_minute_story_passes_with_only_notes() -> None:
    check = check_story(_story())
    assert check.ok
    assert [f.severity for f in check.findings] == ["info"]
    assert 200 <= check.words <= 350
    assert check.seconds_low <= 120 <= check.seconds_high + 20
    assert "240 ms" in check.measures and "3%" in check.measures
    assert check.we_count == 0 and check.i_count >= 5


def test_a_result_without_numbers_gets_the_measurable_result_finding() -> None:
    story = _story(result="In the end the launch went well and everyone was happy with it.")
    check = check_story(story)
    finding = next(f for f in check.findings if f.rule == "result.not_measurable")
    assert finding.severity == "warning"
    assert finding.evidence == story.result
    assert check.measures == []


def test_spoken_length_uses_130_to_150_words_a_minute() -> None:
    assert spoken_seconds(300) == (120, 138)
    assert spoken_seconds(0) == (0, 0)


def test_an_overlong_story_is_flagged_and_a_short_one_noted() -> None:
    long_action = GOOD["action"] + " " + GOOD["action"]
    assert "length.long" in _rules(_story(action=long_action))
    short = _story(
        situation="Our nightly training job kept failing at a retail analytics startup.",
        task="I had to make it reliable before the quarterly model refresh.",
        action=(
            "I added retries, split the job into stages with checkpoints, and wrote alerts so "
            "that I saw failures at once instead of the next morning when analysts complained."
        ),
        result="Failures dropped from four a week to one a month.",
    )
    rules = _rules(short)
    assert "length.short" in rules and "length.long" not in rules


def test_a_missing_part_is_an_error() -> None:
    check = check_story(_story(task=""))
    assert not check.ok
    finding = next(f for f in check.findings if f.rule == "star.missing_task")
    assert finding.severity == "error"
    assert check.findings[0] == finding  # errors come first


def test_a_thin_action_is_named_not_told() -> None:
    assert "star.thin_action" in _rules(_story(action="I fixed the cache."))


def test_a_long_setup_crowds_out_the_action() -> None:
    setup = GOOD["situation"] + " " + GOOD["situation"] + " " + GOOD["task"] + " " + GOOD["task"]
    action = (
        "I batched the feature lookups, cached slow-changing features and added a fallback "
        "path, then compared old and new scores in a shadow test."
    )
    assert "star.long_setup" in _rules(_story(situation=setup, action=action))


def test_an_action_told_as_we_is_flagged() -> None:
    action = (
        "We profiled the service and we found the slow lookups. We then batched them and our "
        "cache took the rest; we also shadow-tested it and I reviewed the results with us all."
    )
    check = check_story(_story(action=action))
    finding = next(f for f in check.findings if f.rule == "action.we_heavy")
    assert finding.message == "The Action says 'we' 6 times and 'I' once."
    assert (check.we_count, check.i_count) == (6, 1)
    no_i = "The team profiled the service, batched lookups and shadow-tested the change for days."
    assert "action.no_i" in _rules(_story(action=no_i))


def test_cliches_are_quoted() -> None:
    check = check_story(
        _story(result=GOOD["result"] + " I went above and beyond as a team player.")
    )
    quoted = {f.evidence for f in check.findings if f.rule == "style.cliche"}
    assert quoted == {"went above and beyond", "team player"}


# Seniority


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "During my internship my manager asked me to clean a dataset. I helped the team "
            "label images and I learned how to write tests.",
            "junior",
        ),
        (
            "I built the churn model end-to-end and shipped it independently to production.",
            "mid",
        ),
        (
            "I led the migration, mentored two new engineers, weighed the trade-offs with "
            "stakeholders and resolved the ambiguity about which metric mattered.",
            "senior",
        ),
        (
            "I set the technical direction for evaluation across several teams and convinced "
            "the leadership team, without authority over any of them, to adopt it company-wide.",
            "staff",
        ),
    ],
)
def test_seniority_is_read_from_scope_words(text: str, level: str) -> None:
    read = read_seniority(text)
    assert read.level == level
    if level != "junior":
        assert read.evidence


def test_a_story_below_the_target_level_is_flagged() -> None:
    story = _story()
    assert check_story(story).seniority.level == "mid"
    finding = next(
        f
        for f in check_story(story, target_seniority="staff").findings
        if f.rule == "seniority.below_target"
    )
    assert "several teams" in finding.fix
    assert "seniority.below_target" not in _rules(story, target_seniority="mid")


# Measures and free text


def test_measures_are_numbers_money_rates_and_multipliers_but_not_years() -> None:
    text = (
        "In 2021 revenue grew by $2M, churn fell 30%, latency went from 300 ms to 120 ms, "
        "three teams adopted it and throughput doubled."
    )
    found = measurable_evidence(text)
    assert "2021" not in " ".join(found)
    assert {"$2M", "30%", "300 ms", "120 ms", "three teams", "doubled"} <= set(found)
    assert measurable_evidence("The launch went well.") == []


def test_free_text_is_split_into_star_parts_by_cue_phrases() -> None:
    text = (
        "At my previous company our fraud model was flagging too many good customers. "
        "The goal was to cut false declines without letting more fraud through. "
        "First I broke the errors down by merchant type. Then I retrained with cost-weighted "
        "labels and set thresholds per segment. "
        "As a result false declines fell by 40% and fraud losses stayed flat."
    )
    parts = split_star(text)
    assert parts.situation.startswith("At my previous company")
    assert parts.task.startswith("The goal was")
    assert parts.action.startswith("First I broke") and "thresholds per segment" in parts.action
    assert parts.result.startswith("As a result")
    check = check_story(StoryIn(title="Fraud thresholds", text=text))
    assert check.inferred
    assert "star.inferred" in {f.rule for f in check.findings}
    assert "result.not_measurable" not in {f.rule for f in check.findings}


def test_a_last_sentence_with_a_measure_becomes_the_result() -> None:
    parts = split_star(
        "Our dashboards were slow. I was asked to speed them up. I rewrote the queries. "
        "Load time went from 9 seconds to 2 seconds."
    )
    assert parts.result == "Load time went from 9 seconds to 2 seconds."
    assert parts.action == "I rewrote the queries."


def test_parts_given_win_over_the_free_text() -> None:
    story = _story(text="At my previous company nothing happened. As a result nothing changed.")
    check = check_story(story)
    assert not check.inferred
    assert check.parts.situation == GOOD["situation"]


def test_a_story_needs_parts_or_text() -> None:
    with pytest.raises(ValueError, match="STAR parts or a free text"):
        StoryIn(title="Empty")


def test_word_count_counts_numbers_and_contractions_once() -> None:
    assert word_count("I didn't cut p95 latency by 30% in 2 weeks.") == 10


# Mapping to questions


CONFLICT_STORY = StoryIn(
    title="Disagreeing about the launch metric",
    situation="Our product manager wanted to launch a ranking change on click-through alone.",
    task="I was responsible for the evaluation and worried that clicks hid lower purchases.",
    action=(
        "I disagreed in the review and pushed back with an analysis of purchases per session. "
        "I met the product manager, listened to the deadline pressure, and proposed a one-week "
        "test with purchases as a guardrail, which resolved the conflict."
    ),
    result="The test showed a 2% drop in purchases, so we changed the model before launch.",
)


def test_questions_are_ranked_by_shared_themes() -> None:
    items = [
        _behavioral_item(
            "beh-conflict-with-pm",
            "teamwork_conflict",
            "Tell me about a time you disagreed with a product manager about a launch.",
        ),
        _behavioral_item(
            "beh-failed-project", "failure_learning", "Tell me about a project that failed."
        ),
        _behavioral_item(
            "beh-tight-deadline",
            "prioritisation",
            "Tell me about a time you had to deliver under a tight deadline.",
        ),
    ]
    matches = map_story_to_questions(CONFLICT_STORY, items)
    assert [m.item_id for m in matches] == ["beh-conflict-with-pm", "beh-tight-deadline"]
    top = matches[0]
    assert {"conflict", "disagreement"} <= set(top.themes)
    assert "launch" in top.shared_words and "product" in top.shared_words
    assert top.reason.startswith("Both are about")


def test_only_behavioral_items_are_matched_among_the_shipped_bank() -> None:
    mine = _behavioral_item(
        "beh-pushed-back",
        "teamwork_conflict",
        "Tell me about a time you pushed back on a decision.",
    )
    bank = [*load_bank(), mine]
    matches = map_story_to_questions(CONFLICT_STORY, bank, limit=100)
    by_id = {item.id: item for item in bank}
    assert "beh-pushed-back" in {m.item_id for m in matches}
    assert all(by_id[m.item_id].area == "behavioral" for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


# Mapping to company values


FAILURE_STORY = StoryIn(
    title="A model that broke checkout",
    situation="I shipped a recommendation model that caused an outage in checkout.",
    task="I had to restore service and make sure the mistake could not happen again.",
    action=(
        "I rolled back within twenty minutes, wrote the incident review admitting my mistake, "
        "and added a load test and a canary stage so that every model release is tested."
    ),
    result="No release has broken checkout in the 14 months since.",
)


def test_a_failure_story_maps_to_the_values_about_failure() -> None:
    matches = map_story_to_values(FAILURE_STORY, "Amazon")
    names = [m.value for m in matches]
    assert {"Insist on the Highest Standards", "Earn Trust"} <= set(names)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    for match in matches:
        assert match.company == "Amazon"
        assert match.source_url.startswith("https://www.amazon.jobs/")
        assert match.themes
    microsoft = {m.value for m in map_story_to_values(FAILURE_STORY, "msft")}
    assert {"Growth mindset", "Accountability"} <= microsoft


def test_companies_are_found_by_alias_and_unknown_ones_say_so() -> None:
    assert {m.company for m in map_story_to_values(CONFLICT_STORY, "facebook")} == {"Meta"}
    with pytest.raises(NotFound, match="Acme"):
        map_story_to_values(CONFLICT_STORY, "Acme")
    with pytest.raises(InvalidInput):
        map_story_to_values(CONFLICT_STORY, "  ")


def test_every_value_list_has_a_source_url_and_date() -> None:
    companies = company_value_lists()
    assert {c.id for c in companies} >= {"amazon", "google", "meta", "microsoft", "netflix"}
    for company in companies:
        for value_list in company.lists:
            assert value_list.source.url.startswith("https://")
            assert value_list.source.as_of.year >= 2024
            names = [v.name for v in value_list.values]
            assert len(set(names)) == len(names)
    amazon = next(c for c in companies if c.id == "amazon")
    assert len(amazon.lists[0].values) == 16


def test_value_themes_must_be_known() -> None:
    text = """
version: 1
companies:
  - id: acme
    name: Acme
    lists:
      - name: Values
        source: {title: Acme values, url: "https://acme.example/values", as_of: 2026-01-01}
        values:
          - name: Be bold
            summary: Take big swings on hard problems.
            themes: [boldness]
"""
    with pytest.raises(InvalidInput, match="boldness"):
        parse_data(text, "company_values.yaml", stories._ValuesFile)
