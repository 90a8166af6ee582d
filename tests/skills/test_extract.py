from __future__ import annotations

import pytest

from landml.skills.extract import distinct_skills, extract_skills, extract_spans, link_phrase
from landml.skills.tagger import Tagger
from landml.skills.taxonomy import Taxonomy


def ids(text: str, taxonomy: Taxonomy, **kw: object) -> list[str]:
    return [f.skill_id for f in extract_skills(text, taxonomy=taxonomy, tagger=None, **kw)]


def test_offsets_slice_exactly_the_matched_text(taxonomy: Taxonomy) -> None:
    text = "We need  PyTorch,\tscikit-learn and K8S; also CI/CD pipelines and C++ — Go too."
    found = extract_skills(text, taxonomy=taxonomy)
    assert found
    for f in found:
        assert text[f.start : f.end] == f.text
    assert {f.text for f in found} >= {"PyTorch", "scikit-learn", "K8S", "C++"}


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("PyTorch", "ml:pytorch"), ("pytorch", "ml:pytorch"), ("PYTORCH", "ml:pytorch"),
        ("scikit-learn", "ml:scikit-learn"), ("Scikit Learn", "ml:scikit-learn"),
        ("sklearn", "ml:scikit-learn"), ("k8s", "ml:kubernetes"), ("CI/CD", "ml:ci-cd"),
        ("CI-CD", "ml:ci-cd"), ("C++", "ml:cpp"), ("C#", "ml:csharp"), ("LLMs", "ml:llms"),
        ("A/B tests", "ml:experimentation"), ("Hugging Face", "ml:hugging-face"),
        ("HuggingFace transformers", "ml:hf-transformers"), ("Node.js", "ml:nodejs"),
    ],
)  # fmt: skip
def test_case_and_punctuation_variants_find_one_skill(
    taxonomy: Taxonomy, text: str, skill_id: str
) -> None:
    assert ids(f"Experience with {text} is needed.", taxonomy) == [skill_id]


def test_longest_match_wins(taxonomy: Taxonomy) -> None:
    found = extract_skills(
        "Spark Streaming and Google Cloud Platform and time series forecasting",
        taxonomy=taxonomy,
        tagger=None,
    )
    assert [(f.text, f.skill_id) for f in found] == [
        ("Spark Streaming", "ml:apache-spark"),
        ("Google Cloud Platform", "ml:gcp"),
        ("time series forecasting", "ml:time-series-forecasting"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Proficiency in R and SQL.",
        "Python, R or Julia for statistics.",
        "Experience with Go or Rust microservices.",
        "Write C and C++ code for embedded devices.",
        "Advanced Excel and Tableau dashboards.",
        "Spark and Hadoop clusters at scale.",
        "Programming languages: Go, Java.",
    ],
)
def test_short_ambiguous_aliases_are_found_in_technical_context(
    taxonomy: Taxonomy, text: str
) -> None:
    found = ids(text, taxonomy)
    assert any(sid in found for sid in ("ml:r", "ml:go", "ml:c", "ml:excel", "ml:apache-spark"))


@pytest.mark.parametrize(
    "text",
    [
        "Go above and beyond for our customers.",
        "Things that spark joy in the team.",
        "Spark joy every day.",
        "You will excel at building relationships.",
        "Excel in a fast-paced, friendly team.",
        "We are a Series C startup with C-suite backing.",
        "Plan B is fine. R is the 18th letter.",
        "Let's go, we ship on Friday.",
        "Ready, set, Go! Our new office opens.",
        "Vitamin C and grade B products.",
    ],
)
def test_short_ambiguous_aliases_are_not_found_in_everyday_prose(
    taxonomy: Taxonomy, text: str
) -> None:
    found = ids(text, taxonomy)
    assert not set(found) & {"ml:r", "ml:go", "ml:c", "ml:excel", "ml:apache-spark"}, found


def test_ordinary_words_from_esco_and_onet_are_not_skills(taxonomy: Taxonomy) -> None:
    text = "Our manager will interview you about the project, communication and English breakfast."
    assert ids(text, taxonomy) == []


def test_soft_skills_need_a_cue_to_stand_alone(taxonomy: Taxonomy) -> None:
    assert "ml:communication" in ids("Excellent communication and teamwork.", taxonomy)
    assert "ml:communication" not in ids("Internal communication is via Slack.", taxonomy)


def test_ml_concepts_from_the_issue_are_found(taxonomy: Taxonomy) -> None:
    text = (
        "Fine-tune transformers with attention, build RAG with LangChain, run RLHF and DPO "
        "post-training, ship recommendation systems with two-tower retrieval, A/B testing, "
        "causal inference and time series forecasting."
    )
    found = set(ids(text, taxonomy))
    assert found >= {
        "ml:fine-tuning", "ml:transformers", "ml:attention", "ml:rag", "ml:langchain",
        "ml:rlhf", "ml:dpo", "ml:post-training", "ml:recommender-systems", "ml:two-tower",
        "ml:experimentation", "ml:causal-inference", "ml:time-series-forecasting",
    }  # fmt: skip


def test_posting_marks_required_and_preferred_sections_and_years(taxonomy: Taxonomy) -> None:
    posting = (
        "Machine Learning Engineer\n"
        "What you'll do\n- Train models in PyTorch\n"
        "What you'll need\n- 3+ years of Python and SQL\n- Docker\n"
        "Nice to have\n- Kubernetes\n- Kafka (2 years)\n"
    )
    found = {
        f.skill_id: f for f in extract_skills(posting, posting=True, taxonomy=taxonomy, tagger=None)
    }
    assert found["ml:pytorch"].requirement is None
    assert (found["ml:python"].requirement, found["ml:python"].years) == ("required", 3.0)
    assert (found["ml:sql"].requirement, found["ml:sql"].years) == ("required", 3.0)
    assert (found["ml:docker"].requirement, found["ml:docker"].years) == ("required", None)
    assert found["ml:kubernetes"].requirement == "preferred"
    assert (found["ml:kafka"].requirement, found["ml:kafka"].years) == ("preferred", 2.0)


def test_without_posting_flag_no_requirement_is_guessed(taxonomy: Taxonomy) -> None:
    found = extract_skills("Requirements:\n- 5+ years of Python", taxonomy=taxonomy, tagger=None)
    assert [(f.skill_id, f.requirement, f.years) for f in found] == [("ml:python", None, None)]


def test_distinct_skills_keeps_the_strongest_requirement_and_most_years(
    taxonomy: Taxonomy,
) -> None:
    posting = "Nice to have: Python.\nRequirements:\n- 4+ years of Python\n- Python (2 years)"
    found = extract_skills(posting, posting=True, taxonomy=taxonomy, tagger=None)
    assert [f.skill_id for f in found] == ["ml:python"] * 3
    [one] = distinct_skills(found)
    assert (one.requirement, one.years, one.start) == ("required", 4.0, found[0].start)


def test_tagger_adds_phrases_the_lookup_does_not_know(taxonomy: Taxonomy, tagger: Tagger) -> None:
    text = "You are able to work independently and manage a team of analysts."
    spans = extract_spans(text, taxonomy=taxonomy, tagger=tagger)
    model = [s for s in spans if s.source == "model"]
    assert model, spans
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert any("independently" in s.text for s in model)


def test_linking_tagged_phrases_tolerates_inflection_and_framing_only(
    taxonomy: Taxonomy,
) -> None:
    assert link_phrase("solving complex problems", taxonomy) == "ml:problem-solving"
    assert link_phrase("Building dashboards", taxonomy) == "ml:data-visualization"
    assert link_phrase("ability to work independently", taxonomy) == "ml:work-independently"
    assert link_phrase("hands-on experience with Kubernetes", taxonomy) == "ml:kubernetes"
    assert link_phrase("strong knowledge of statistics", taxonomy) == "ml:statistics"
    assert link_phrase("the pursuit of happiness", taxonomy) is None
    assert link_phrase("experience", taxonomy) is None


def test_empty_and_skill_free_texts_give_nothing(taxonomy: Taxonomy, tagger: Tagger) -> None:
    assert extract_skills("", taxonomy=taxonomy, tagger=tagger) == []
    assert extract_skills("   \n\n ", taxonomy=taxonomy, tagger=tagger) == []
    assert extract_spans("", taxonomy=taxonomy, tagger=tagger) == []
