"""The shipped question bank: it loads and validates, covers every topic the issue names, stays
free of near-duplicates, and filters correctly. The loader rejects malformed bank files."""

from __future__ import annotations

import itertools
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from landml.errors import ImportRejected, InvalidInput, NotFound
from landml.prep.bank import (
    AREAS,
    COMPANY_KINDS,
    DIFFICULTIES,
    MIN_ANSWER_CHARS,
    ROLES,
    ROUND_KINDS,
    TOPICS,
    BankItem,
    item_by_id,
    items_for,
    load_bank,
    read_bank,
)
from landml.tracker.vocab import CompanyKind, InterviewKind

# Every topic the issue names, mapped to the (area, topic) that holds it.
ISSUE_TOPICS: list[tuple[str, str]] = [
    *(("coding", topic) for topic in TOPICS["coding"]),
    ("ml_fundamentals", "evaluation_metrics"),
    ("ml_fundamentals", "overfitting_underfitting"),
    ("ml_fundamentals", "data_splits_leakage"),
    ("ml_fundamentals", "regression_classification"),
    ("ml_fundamentals", "regularisation"),
    ("ml_fundamentals", "data_drift"),
    ("dl_llm", "transformers"),
    ("dl_llm", "attention_variants"),
    ("dl_llm", "positional_encodings"),
    ("dl_llm", "kv_cache"),
    ("dl_llm", "sampling"),
    ("dl_llm", "pretraining_posttraining"),
    ("dl_llm", "fine_tuning"),
    ("dl_llm", "efficiency"),
    ("ml_system_design", "recommendation"),
    ("ml_system_design", "two_tower_retrieval"),
    ("ml_system_design", "ranking_metrics"),
    ("ml_system_design", "fraud_detection"),
    ("ml_system_design", "ad_click_prediction"),
    ("ml_system_design", "feed_ranking"),
    ("ml_system_design", "data_pipelines"),
    ("ml_system_design", "model_lifecycle"),
    ("ml_system_design", "serving"),
    ("ml_system_design", "monitoring_drift"),
]
NEAR_DUPLICATE_JACCARD = 0.8


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _item(**overrides: Any) -> dict[str, Any]:
    """A valid coding item as it would appear in a bank file."""
    item: dict[str, Any] = {
        "id": "code-example-item",
        "topic": "stack",
        "round_kind": "coding",
        "difficulty": "easy",
        "roles": ["mle"],
        "company_kinds": ["startup"],
        "prompt": "Check whether the brackets in a string are balanced.",
        "answer": "Push openers on a stack and pop on closers. " * 6,
    }
    item.update(overrides)
    return item


def _write_bank(directory: Path, name: str, area: str, items: list[dict[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump({"area": area, "items": items}, sort_keys=False)
    (directory / name).write_text(text, encoding="utf-8")


def _problems(directory: Path) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        read_bank(directory)
    return caught.value.problems


# --- the shipped bank -------------------------------------------------------------------------


def test_packaged_bank_loads_at_least_400_validated_items() -> None:
    bank = load_bank()
    assert len(bank) >= 400
    assert all(isinstance(item, BankItem) for item in bank)


def test_packaged_bank_ships_one_yaml_file_per_area() -> None:
    folder = resources.files("landml.prep").joinpath("bank")
    files = [entry for entry in folder.iterdir() if entry.name.endswith(".yaml")]
    area_line = re.compile(r"^area: (\w+)$", re.MULTILINE)
    declared = sorted(area_line.findall(entry.read_text(encoding="utf-8"))[0] for entry in files)
    assert declared == sorted(AREAS)
    assert folder.joinpath("README.md").is_file()


def test_item_ids_are_unique_across_the_bank() -> None:
    ids = [item.id for item in load_bank()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("area", "topic"), ISSUE_TOPICS)
def test_every_topic_named_in_the_issue_has_at_least_three_items(area: str, topic: str) -> None:
    assert len(items_for(area=area, topic=topic)) >= 3


@pytest.mark.parametrize("area", AREAS)
def test_every_topic_of_every_area_has_at_least_three_items(area: str) -> None:
    counts = {topic: len(items_for(area=area, topic=topic)) for topic in TOPICS[area]}
    assert min(counts.values()) >= 3, counts


@pytest.mark.parametrize("area", AREAS)
def test_every_area_has_easy_medium_and_hard_items(area: str) -> None:
    assert {item.difficulty for item in items_for(area=area)} == set(DIFFICULTIES)


def test_every_item_lists_known_roles_and_company_kinds() -> None:
    for item in load_bank():
        assert item.roles, item.id
        assert item.company_kinds, item.id
        assert set(item.roles) <= set(ROLES), item.id
        assert set(item.company_kinds) <= set(COMPANY_KINDS), item.id


def test_bank_vocabularies_are_tracker_vocabularies() -> None:
    interview_kinds = {kind.value for kind in InterviewKind}
    company_kinds = {kind.value for kind in CompanyKind}
    assert set(ROUND_KINDS) <= interview_kinds
    assert set(COMPANY_KINDS) <= company_kinds
    assert {item.round_kind for item in load_bank()} <= interview_kinds


def test_no_two_prompts_are_near_duplicates() -> None:
    prompts = [(item.id, _tokens(item.prompt)) for item in load_bank()]
    too_similar = [
        (first, second, round(len(a & b) / len(a | b), 2))
        for (first, a), (second, b) in itertools.combinations(prompts, 2)
        if len(a & b) / len(a | b) >= NEAR_DUPLICATE_JACCARD
    ]
    assert too_similar == []


def test_answers_are_substantial() -> None:
    for item in load_bank():
        assert len(item.answer) >= MIN_ANSWER_CHARS, item.id
        assert len(item.answer.split()) >= 40, item.id


def test_coding_answers_state_complexity() -> None:
    for item in items_for(area="coding"):
        assert "O(" in item.answer, item.id


def test_coding_problem_answers_name_pitfalls() -> None:
    for item in items_for(area="coding"):
        if item.topic != "complexity":
            assert "Pitfall" in item.answer, item.id


def test_behavioral_answers_name_pitfalls() -> None:
    for item in items_for(area="behavioral"):
        assert "Pitfalls" in item.answer, item.id


def test_ids_carry_their_area_prefix() -> None:
    prefixes = {
        "coding": "code-",
        "ml_fundamentals": "mlf-",
        "dl_llm": "dl-",
        "probability_stats": "ps-",
        "ml_system_design": "sd-",
        "behavioral": "beh-",
    }
    for item in load_bank():
        assert item.id.startswith(prefixes[item.area]), item.id


# --- loading and lookup -----------------------------------------------------------------------


def test_load_bank_reuses_parsed_items_but_returns_a_fresh_list() -> None:
    first = load_bank()
    first.clear()
    second = load_bank()
    third = load_bank()
    assert len(second) >= 400
    assert second is not third
    assert all(a is b for a, b in zip(second, third, strict=True))


def test_bank_items_are_immutable() -> None:
    item = load_bank()[0]
    with pytest.raises(ValueError, match="frozen"):
        item.difficulty = "hard"  # type: ignore[misc]


def test_item_by_id_returns_the_item() -> None:
    item = item_by_id("dl-kv-cache-memory")
    assert item.area == "dl_llm"
    assert item.topic == "kv_cache"
    assert "2 (keys and values) * layers" in item.answer


def test_item_by_id_rejects_unknown_ids() -> None:
    with pytest.raises(NotFound, match="no-such-item"):
        item_by_id("no-such-item")


# --- filtering --------------------------------------------------------------------------------


def test_items_for_without_filters_returns_the_whole_bank() -> None:
    assert items_for() == load_bank()


def test_items_for_area_partitions_the_bank() -> None:
    per_area = {area: items_for(area=area) for area in AREAS}
    assert sum(len(items) for items in per_area.values()) == len(load_bank())
    for area, items in per_area.items():
        assert items, area
        assert {item.area for item in items} == {area}


def test_items_for_role_and_company_kind_match_listed_values() -> None:
    research = items_for(role="rs", company_kind="research_lab")
    assert research
    assert all("rs" in item.roles and "research_lab" in item.company_kinds for item in research)
    assert len(research) < len(items_for(role="rs"))


def test_items_for_round_kind_reaches_across_areas() -> None:
    ml_coding = items_for(round_kind="ml_coding")
    assert {item.area for item in ml_coding} >= {"coding", "ml_fundamentals", "dl_llm"}
    assert all(item.round_kind == "ml_coding" for item in ml_coding)


def test_items_for_filters_a_given_pool() -> None:
    pool = [
        BankItem.model_validate({**_item(), "area": "coding"}),
        BankItem.model_validate({**_item(id="code-other", difficulty="hard"), "area": "coding"}),
    ]
    assert [item.id for item in items_for(difficulty="hard", items=pool)] == ["code-other"]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"area": "cooking"}, "Unknown area 'cooking'"),
        ({"topic": "knitting"}, "Unknown topic 'knitting'"),
        ({"area": "coding", "topic": "kv_cache"}, "Unknown coding topic 'kv_cache'"),
        ({"round_kind": "onsite"}, "Unknown round kind 'onsite'"),
        ({"difficulty": "extreme"}, "Unknown difficulty 'extreme'"),
        ({"role": "swe"}, "Unknown role 'swe'"),
        ({"company_kind": "other"}, "Unknown company kind 'other'"),
    ],
)
def test_items_for_rejects_unknown_filter_values(filters: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        items_for(**filters)
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("Choose one of:")


@settings(max_examples=60, deadline=None)
@given(
    area=st.none() | st.sampled_from(AREAS),
    difficulty=st.none() | st.sampled_from(DIFFICULTIES),
    role=st.none() | st.sampled_from(ROLES),
    company_kind=st.none() | st.sampled_from(COMPANY_KINDS),
)
def test_items_for_returns_exactly_the_matching_items(
    area: str | None, difficulty: str | None, role: str | None, company_kind: str | None
) -> None:
    found = items_for(area=area, difficulty=difficulty, role=role, company_kind=company_kind)

    def matches(item: BankItem) -> bool:
        return (
            area in (None, item.area)
            and difficulty in (None, item.difficulty)
            and (role is None or role in item.roles)
            and (company_kind is None or company_kind in item.company_kinds)
        )

    assert found == [item for item in load_bank() if matches(item)]


# --- rejecting malformed bank files -----------------------------------------------------------


def test_a_valid_file_loads_with_the_area_taken_from_the_file(tmp_path: Path) -> None:
    _write_bank(tmp_path, "coding.yaml", "coding", [_item(follow_ups=["Two kinds?"], tags=["x"])])
    [item] = read_bank(tmp_path)
    assert item.area == "coding"
    assert item.follow_ups == ("Two kinds?",)
    assert item.answer == item.answer.strip()


def test_unknown_item_fields_are_rejected(tmp_path: Path) -> None:
    _write_bank(tmp_path, "coding.yaml", "coding", [_item(source="some book")])
    [problem] = _problems(tmp_path)
    assert "coding.yaml item 1 (code-example-item)" in problem
    assert "source" in problem


def test_unknown_file_keys_are_rejected(tmp_path: Path) -> None:
    tmp_path.joinpath("coding.yaml").write_text(
        yaml.safe_dump({"area": "coding", "items": [_item()], "version": 2}), encoding="utf-8"
    )
    [problem] = _problems(tmp_path)
    assert problem.startswith("coding.yaml:")
    assert "version" in problem


def test_area_inside_an_item_is_rejected(tmp_path: Path) -> None:
    _write_bank(tmp_path, "coding.yaml", "coding", [_item(area="coding")])
    [problem] = _problems(tmp_path)
    assert "area is set once at the top of the file" in problem


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"topic": "kv_cache"}, "not a coding topic"),
        ({"id": "dl-misplaced"}, "must start with 'code-'"),
        ({"id": "Code Bad Id"}, "id"),
        ({"roles": []}, "roles"),
        ({"roles": ["mle", "mle"]}, "lists a value twice"),
        ({"roles": ["swe"]}, "roles"),
        ({"company_kinds": ["other"]}, "company_kinds"),
        ({"round_kind": "onsite"}, "round_kind"),
        ({"difficulty": "extreme"}, "difficulty"),
        ({"answer": "Too short."}, "answer"),
        ({"prompt": "Why?"}, "prompt"),
        ({"tags": ["Not A Slug"]}, "tags must be lower-case slugs"),
        ({"follow_ups": [{"Which structure": "a trie"}]}, "follow_ups"),
    ],
)
def test_invalid_field_values_are_rejected(
    tmp_path: Path, overrides: dict[str, Any], fragment: str
) -> None:
    _write_bank(tmp_path, "coding.yaml", "coding", [_item(**overrides)])
    [problem] = _problems(tmp_path)
    assert fragment in problem


def test_every_faulty_item_is_reported_at_once(tmp_path: Path) -> None:
    _write_bank(
        tmp_path,
        "coding.yaml",
        "coding",
        [
            _item(id="code-one", difficulty="extreme"),
            _item(id="code-two"),
            _item(id="code-three", topic="kv_cache"),
        ],
    )
    problems = _problems(tmp_path)
    assert len(problems) == 2
    assert "item 1 (code-one)" in problems[0]
    assert "item 3 (code-three)" in problems[1]


def test_duplicate_ids_across_files_are_rejected(tmp_path: Path) -> None:
    _write_bank(tmp_path, "a.yaml", "coding", [_item(id="code-same")])
    _write_bank(tmp_path, "b.yaml", "coding", [_item(id="code-same", topic="heaps")])
    assert _problems(tmp_path) == ["id 'code-same' is used by more than one item"]


def test_duplicate_yaml_keys_are_rejected(tmp_path: Path) -> None:
    text = yaml.safe_dump({"area": "coding", "items": [_item()]}, sort_keys=False)
    text = text.replace("  difficulty: easy\n", "  difficulty: easy\n  difficulty: hard\n")
    tmp_path.joinpath("coding.yaml").write_text(text, encoding="utf-8")
    [problem] = _problems(tmp_path)
    assert "duplicate key 'difficulty'" in problem


def test_broken_yaml_is_rejected_with_the_file_name(tmp_path: Path) -> None:
    tmp_path.joinpath("broken.yaml").write_text("area: coding\nitems: [\n", encoding="utf-8")
    [problem] = _problems(tmp_path)
    assert problem.startswith("broken.yaml: not valid YAML")


def test_a_folder_without_bank_files_is_rejected(tmp_path: Path) -> None:
    tmp_path.joinpath("README.md").write_text("# notes\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"No question bank files"):
        read_bank(tmp_path)
