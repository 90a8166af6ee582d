from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from landml.errors import Conflict, InvalidInput
from landml.postings.dedupe import (
    DedupeSettings,
    DuplicateIndex,
    Fingerprint,
    MatchReason,
    PostingText,
    canonical_url,
    description_fingerprint,
    group_duplicates,
    identity_key,
    normalise_company,
)

# A job description written for these tests: long enough to fingerprint, and built from
# varied sentences so that edits change only a few shingles.
MLE_TEXT = (
    "Acme Robotics is hiring a machine learning engineer to build the perception stack of "
    "our warehouse robots. You will train detection and segmentation models on millions of "
    "labelled frames, profile them on embedded GPUs and ship them to a fleet of two thousand "
    "machines. You will own the evaluation harness that tells us whether a new model is "
    "safer than the one in production, and you will pair with hardware engineers when a "
    "sensor changes. We use PyTorch, ONNX, TensorRT and a feature store built on Postgres. "
    "You have shipped at least one model to production, you can read a CUDA profile, and "
    "you write tests for data pipelines as carefully as for code. Nice to have: experience "
    "with active learning, synthetic data, or on-device quantisation. The team is eight "
    "people across Boston and Lisbon; we meet in person one week every quarter. Salary "
    "range is 150 to 190 thousand dollars plus equity, with a learning budget of two "
    "thousand dollars a year and twenty five days of paid leave. In your first month you "
    "will read the incident reports of the last year, sit with the operators who restart "
    "stuck robots, and pick one failure mode to fix end to end. By the third month you "
    "will have changed how we sample training frames, measured the effect on missed "
    "pallets, and written it up for the rest of the company. We review code in small pull "
    "requests, run every training job from a versioned config, and keep a model card for "
    "each release that lists the data it saw and the slices where it is weak. Interviews "
    "are a call with the hiring manager, a take-home exercise on a small detection dataset "
    "that takes about three hours, and a half day on site where you walk us through it and "
    "design a labelling pipeline with two engineers from the team."
)
ANALYST_TEXT = (
    "Acme Robotics is looking for a data analyst to own reporting for our customer success "
    "team. You will define the metrics that tell account managers which warehouses need a "
    "visit, build dashboards in Looker, and answer ad hoc questions from the sales floor "
    "within a day. You are fluent in SQL, comfortable with window functions and careful "
    "about definitions, because a churn number that changes meaning every month helps "
    "nobody. Experience with dbt and a warehouse such as Snowflake or BigQuery is a plus. "
    "You will present a monthly review to the leadership group and keep a written log of "
    "every metric change. The team is four people in Boston; two days a week in the office. "
    "Most weeks start with a review of open questions in the analytics channel, where you "
    "decide which ones deserve a durable dashboard and which ones a one-off query answers. "
    "You will inherit about forty dashboards, some of them stale, and we expect you to "
    "retire half of them within a quarter after asking their owners what they still use. "
    "You will also work with the finance team on the renewal forecast, joining contract "
    "data with usage logs from the robots, and explain to them where the data is thin. "
    "We care that numbers can be traced back to a query anyone can rerun, so every chart "
    "links to its source. The interview is a conversation with the team lead, a SQL "
    "exercise on a sample of our schema, and a short presentation of an analysis you are "
    "proud of, from any job or project."
)


def _edit(text: str, changes: int, seed: int) -> str:
    """The text with `changes` words replaced, as a recruiter reposting would."""
    rng = random.Random(seed)
    words = text.split()
    for position in rng.sample(range(len(words)), changes):
        words[position] = rng.choice(["great", "new", "strong", "modern", "exciting"])
    return " ".join(words)


# --- canonical URL --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "https://www.Example.com/careers/ml-engineer/?utm_source=linkedin&utm_medium=x#apply",
            "http://example.com/careers/ml-engineer",
        ),
        (
            "https://example.com/jobs?id=7&ref=twitter&fbclid=abc",
            "https://example.com/jobs?id=7",
        ),
        (
            "https://boards.greenhouse.io/acme/jobs/4012345?gh_src=abc123",
            "https://boards.greenhouse.io/embed/job_app?for=acme&token=4012345",
        ),
        (
            "https://acme.com/careers/open-roles?gh_jid=4012345",
            "https://job-boards.greenhouse.io/acme/jobs/4012345",
        ),
        (
            "https://jobs.lever.co/acme/0b6f6c1e-9f0a-4d3c-8c8e-1f2a3b4c5d6e/apply?lever-source=LinkedIn",
            "https://jobs.lever.co/acme/0b6f6c1e-9f0a-4d3c-8c8e-1f2a3b4c5d6e",
        ),
        (
            "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Boston-MA/ML-Engineer_R12345",
            "https://acme.wd5.myworkdayjobs.com/External/job/Remote/Machine-Learning-Engineer_R12345",
        ),
        (
            "https://www.linkedin.com/jobs/view/machine-learning-engineer-at-acme-3812345678/",
            "https://www.linkedin.com/jobs/search/?currentJobId=3812345678&keywords=ml",
        ),
        (
            "https://www.indeed.com/viewjob?jk=a1b2c3d4e5f6&from=serp",
            "https://uk.indeed.com/rc/clk?jk=a1b2c3d4e5f6",
        ),
        (
            "https://jobs.ashbyhq.com/acme/6c8c3f8e-1111-2222-3333-444455556666/application",
            "https://jobs.ashbyhq.com/acme/6c8c3f8e-1111-2222-3333-444455556666",
        ),
    ],
)
def test_urls_of_the_same_posting_share_a_canonical_form(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_what_names_the_job() -> None:
    assert canonical_url("https://example.com/jobs?id=7") != canonical_url(
        "https://example.com/jobs?id=8"
    )
    assert canonical_url("https://example.com/Jobs/ML") != canonical_url(
        "https://example.com/jobs/ml"
    )
    assert canonical_url("https://boards.greenhouse.io/acme/jobs/1") == "greenhouse:1"


@pytest.mark.parametrize("url", ["", "not a url", "https://", "http://[::1"])
def test_text_that_is_not_a_url_is_refused_with_a_hint(url: str) -> None:
    with pytest.raises(InvalidInput, match="not a web address"):
        canonical_url(url)


# --- identity key ---------------------------------------------------------------------


def test_identity_key_ignores_case_punctuation_abbreviations_and_legal_suffixes() -> None:
    assert identity_key("Sr. ML Engineer", "Acme, Inc.", "New York, NY") == identity_key(
        "senior machine learning engineer", "ACME", "New York, NY 10001"
    )
    assert normalise_company("The Acme Corp.") == "acme"


def test_identity_key_needs_a_title_and_a_company() -> None:
    assert identity_key("Data Scientist", "", "Boston, MA") is None
    assert identity_key(None, "Acme", "Boston, MA") is None


# --- fingerprints ---------------------------------------------------------------------


def test_fingerprint_similarity_tracks_edits() -> None:
    original = description_fingerprint(MLE_TEXT)
    assert original.similarity(description_fingerprint(MLE_TEXT.upper())) == 1.0
    assert original.similarity(description_fingerprint(_edit(MLE_TEXT, 3, seed=1))) >= 0.85
    assert original.similarity(description_fingerprint(ANALYST_TEXT)) < 0.2


def test_fingerprints_are_identical_across_processes() -> None:
    code = (
        "import sys; from landml.postings.dedupe import description_fingerprint as f; "
        "print(f(sys.stdin.read()).hex())"
    )
    here = description_fingerprint(MLE_TEXT).hex()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=MLE_TEXT,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert out.stdout.strip() == here


def test_a_stored_fingerprint_round_trips_through_plain_integers() -> None:
    fingerprint = description_fingerprint(MLE_TEXT)
    stored = fingerprint.as_list()
    assert all(isinstance(v, int) for v in stored)
    assert Fingerprint.from_list(stored, fingerprint.shingles) == fingerprint


def test_the_index_accepts_a_stored_fingerprint_instead_of_rehashing() -> None:
    index = DuplicateIndex()
    index.add(_posting("a"))
    stored = Fingerprint.from_list(description_fingerprint(MLE_TEXT).as_list(), 300)
    placement = index.add(_posting("b", location="Remote", description=None), stored)
    assert placement.link is not None and placement.link.reason is MatchReason.near_duplicate
    with pytest.raises(InvalidInput, match="values"):
        index.add(_posting("c"), Fingerprint.from_list([1, 2, 3], 3))


# --- the index ------------------------------------------------------------------------


def _posting(pid: str, **fields: str | None) -> PostingText:
    base: dict[str, str | None] = {
        "url": None,
        "title": "Machine Learning Engineer",
        "company": "Acme Robotics",
        "location": "Boston, MA",
        "description": MLE_TEXT,
    }
    base.update(fields)
    return PostingText(id=pid, **base)


def test_the_same_posting_with_tracking_parameters_joins_by_url() -> None:
    index = DuplicateIndex()
    index.add(_posting("a", url="https://jobs.lever.co/acme/abc-123", description=""))
    placement = index.add(
        _posting(
            "b",
            url="https://jobs.lever.co/acme/abc-123/?lever-source=LinkedIn&utm_campaign=x",
            title="ML Engineer (Perception)",
            description="",
        )
    )
    assert placement.group_id == "a"
    assert placement.link is not None and placement.link.reason is MatchReason.same_url


def test_a_repost_with_a_few_words_changed_is_a_near_duplicate() -> None:
    index = DuplicateIndex()
    index.add(_posting("first", url="https://acme.com/jobs/1"))
    placement = index.add(
        _posting(
            "repost",
            url="https://acme.com/jobs/2",
            location="Lisbon, Portugal",
            description=_edit(MLE_TEXT, 3, seed=2),
        )
    )
    assert placement.group_id == "first"
    assert placement.link is not None
    assert placement.link.reason is MatchReason.near_duplicate
    assert placement.link.similarity is not None and placement.link.similarity >= 0.85


def test_same_title_company_and_location_join_by_identity() -> None:
    index = DuplicateIndex()
    index.add(_posting("gd-1", url="https://glassdoor.com/job-listing/x?jl=1"))
    placement = index.add(
        _posting(
            "li-1",
            url="https://linkedin.com/jobs/view/2000000001",
            title="Machine Learning Engineer",
            company="ACME Robotics Inc.",
            description=_edit(MLE_TEXT, 20, seed=3),
        )
    )
    # too edited to be a near-duplicate, close enough to be the same opening
    assert placement.link is not None and placement.link.reason is MatchReason.same_identity
    assert placement.link.similarity is not None and 0.5 <= placement.link.similarity < 0.85
    assert placement.group_id == "gd-1"


def test_different_jobs_at_the_same_company_are_not_merged() -> None:
    groups = group_duplicates(
        [
            _posting("mle"),
            _posting("analyst", title="Data Analyst", description=ANALYST_TEXT),
            # Same title and place, but a different job text: a second opening.
            _posting("mle-2", description=ANALYST_TEXT.replace("data analyst", "ML engineer")),
        ]
    )
    assert [g.members for g in groups] == [("mle",), ("analyst",), ("mle-2",)]


def test_one_template_for_two_teams_or_two_levels_is_separate_openings() -> None:
    groups = group_duplicates(
        [
            _posting("ads", title="ML Engineer, Ads"),
            _posting("search", title="ML Engineer, Search"),
            _posting("senior-ads", title="Senior ML Engineer, Ads"),
            # the same text and title with a word added is the same opening
            _posting("ads-remote", title="Machine Learning Engineer, Ads - Remote"),
        ]
    )
    assert [g.members for g in groups] == [("ads", "ads-remote"), ("search",), ("senior-ads",)]


def test_short_descriptions_are_never_matched_on_text() -> None:
    groups = group_duplicates(
        [
            _posting("a", title="Data Engineer", description="See our careers page."),
            _posting("b", title="Research Scientist", description="See our careers page."),
        ]
    )
    assert len(groups) == 2


def test_a_posting_that_links_two_groups_merges_them_under_the_first() -> None:
    index = DuplicateIndex()
    index.add(_posting("a", url="https://acme.com/jobs/1", location="Boston, MA"))
    index.add(
        _posting(
            "b",
            url="https://acme.com/jobs/2",
            location="Remote",
            description=ANALYST_TEXT,
            title="Data Analyst",
        )
    )
    # Same URL as b, same text and title as a: both are this job.
    placement = index.add(
        _posting("c", url="https://acme.com/jobs/2?utm_source=x", location="Lisbon, Portugal")
    )
    assert placement.group_id == "a"
    assert placement.merged_groups == ("b",)
    assert index.group_of("b").members == ("a", "b", "c")
    assert {link.reason for link in index.group_of("a").links} == {
        MatchReason.same_url,
        MatchReason.near_duplicate,
    }


def test_groups_are_stable_as_postings_are_added() -> None:
    postings = [
        _posting("p1"),
        _posting("p2", title="Data Analyst", description=ANALYST_TEXT),
        _posting("p3", description=_edit(MLE_TEXT, 3, seed=4), location="Remote"),
        _posting(
            "p4",
            title="Data Analyst",
            description=_edit(ANALYST_TEXT, 3, seed=5),
            location="Remote",
        ),
    ]
    index = DuplicateIndex()
    seen: dict[str, str] = {}
    for posting in postings:
        index.add(posting)
        for group in index.groups():
            for member in group.members:
                # once placed, a posting never changes group name while others arrive
                assert seen.setdefault(member, group.id) == group.id
    assert [g.members for g in index.groups()] == [("p1", "p3"), ("p2", "p4")]
    assert [g.members for g in group_duplicates(postings)] == [("p1", "p3"), ("p2", "p4")]


def test_every_posting_is_in_exactly_one_group() -> None:
    postings = [_posting(f"p{i}", description=_edit(MLE_TEXT, i, seed=i)) for i in range(12)]
    groups = group_duplicates(postings)
    members = [m for g in groups for m in g.members]
    assert sorted(members) == sorted(p.id for p in postings)


def test_an_id_added_twice_is_refused() -> None:
    index = DuplicateIndex()
    index.add(_posting("a"))
    with pytest.raises(Conflict, match="already in the duplicate index"):
        index.add(_posting("a"))


def test_settings_that_cannot_band_are_refused() -> None:
    with pytest.raises(InvalidInput, match="do not divide"):
        DedupeSettings(bands=10)
    with pytest.raises(InvalidInput, match="threshold"):
        DedupeSettings(threshold=0.0)
