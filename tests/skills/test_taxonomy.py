from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import landml
from landml.errors import NotFound
from landml.skills.taxonomy import CATEGORIES, Taxonomy, taxonomy_path

# Skills the ML layer must carry (the list), by a name people write.
ML_LAYER_NAMES = [
    "PyTorch", "JAX", "TensorFlow", "Keras", "scikit-learn", "XGBoost", "LightGBM",
    "Hugging Face Transformers", "vLLM", "LangChain", "LlamaIndex", "MLflow", "Kubeflow",
    "Airflow", "Dagster", "Ray", "Spark", "Kafka", "Flink", "dbt", "Snowflake", "BigQuery",
    "Databricks", "SageMaker", "Vertex AI", "Docker", "Kubernetes", "Terraform", "CUDA",
    "Triton", "ONNX", "TensorRT", "transformers", "attention", "RAG", "fine-tuning", "LoRA",
    "RLHF", "DPO", "distillation", "quantization", "recommendation systems",
    "two-tower retrieval", "learning to rank", "A/B testing", "causal inference",
    "time series forecasting", "NLP", "computer vision", "reinforcement learning",
    "Bayesian statistics", "hypothesis testing",
]  # fmt: skip


def test_shipped_taxonomy_has_version_attribution_and_all_sources(taxonomy: Taxonomy) -> None:
    assert taxonomy.version.startswith("1.") and "esco.1.1.1" in taxonomy.version
    lines = " ".join(taxonomy.attribution)
    assert "This product includes ESCO data, (c) European Union" in lines
    assert "O*NET 29.2 Database" in lines and "CC BY 4.0" in lines
    prefixes = {s.id.split(":")[0] for s in taxonomy}
    assert prefixes == {"ml", "esco", "onet"}
    assert len(taxonomy) > 20_000


def test_ml_layer_is_broad_and_every_skill_has_a_known_category(taxonomy: Taxonomy) -> None:
    ml = [s for s in taxonomy if s.id.startswith("ml:")]
    assert len(ml) >= 300
    assert {s.category for s in taxonomy} <= set(CATEGORIES)


@pytest.mark.parametrize("name", ML_LAYER_NAMES)
def test_ml_layer_names_resolve_to_ml_layer_skills(taxonomy: Taxonomy, name: str) -> None:
    skill = taxonomy.resolve(name)
    assert skill.id.startswith("ml:"), (name, skill.id)


def test_lookup_by_id_alias_and_merged_source_id(taxonomy: Taxonomy) -> None:
    pytorch = taxonomy.resolve("ml:pytorch")
    assert taxonomy.resolve("pytorch") == pytorch == taxonomy.resolve("  PyTorch ")
    assert taxonomy.resolve("sklearn").id == "ml:scikit-learn"
    assert taxonomy.resolve("k8s").id == "ml:kubernetes"
    # O*NET's PyTorch and ESCO's Python were merged into the ML layer's skills.
    assert "onet:pytorch" in pytorch.sources
    assert taxonomy.get("onet:pytorch") == pytorch
    python = taxonomy.resolve("Python (computer programming)")
    assert python.id == "ml:python" and any(s.startswith("esco:") for s in python.sources)


def test_unknown_skill_is_a_user_error(taxonomy: Taxonomy) -> None:
    assert taxonomy.find("no such skill zzz") is None
    with pytest.raises(NotFound, match="No skill called"):
        taxonomy.resolve("no such skill zzz")


def test_pytorch_sits_under_deep_learning_frameworks(taxonomy: Taxonomy) -> None:
    parents = [p.id for p in taxonomy.parents("ml:pytorch")]
    assert parents == ["ml:deep-learning-frameworks"]
    ancestors = [a.id for a in taxonomy.ancestors("ml:pytorch")]
    assert ancestors[:2] == ["ml:deep-learning-frameworks", "ml:ml-frameworks"]
    assert "ml:pytorch" in [c.id for c in taxonomy.children("ml:deep-learning-frameworks")]


def test_related_follows_parents_both_ways_and_siblings_on_request(taxonomy: Taxonomy) -> None:
    assert taxonomy.related("ml:pytorch", "ml:deep-learning-frameworks")
    assert taxonomy.related("deep learning frameworks", "PyTorch")
    assert taxonomy.relation("PyTorch", "deep learning frameworks") == "narrower"
    assert taxonomy.relation("deep learning frameworks", "PyTorch") == "broader"
    assert taxonomy.relation("PyTorch", "TensorFlow") == "sibling"
    assert not taxonomy.related("PyTorch", "TensorFlow")
    assert taxonomy.related("PyTorch", "TensorFlow", siblings=True)
    assert not taxonomy.related("PyTorch", "Kubernetes", siblings=True)
    assert taxonomy.relation("LoRA", "fine-tuning") == "narrower"


def test_categories_of_well_known_skills(taxonomy: Taxonomy) -> None:
    expected = {
        "Python": "programming_language", "PyTorch": "framework_library",
        "AWS": "cloud_infrastructure", "Snowflake": "data_tool", "RAG": "ml_concept",
        "linear algebra": "math_statistics", "teamwork": "soft_skill", "fintech": "domain",
    }  # fmt: skip
    for name, category in expected.items():
        assert taxonomy.resolve(name).category == category, name


def test_esco_skills_keep_their_hierarchy(taxonomy: Taxonomy) -> None:
    skill = taxonomy.resolve("manage musical staff")
    assert skill.id.startswith("esco:") and skill.parents
    assert all(taxonomy.get(p) is not None for p in skill.parents)


def test_taxonomy_ships_inside_the_package() -> None:
    path = taxonomy_path()
    assert path.is_file()
    assert Path(landml.__file__).parent in path.parents
    attribution = path.with_name("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "This product includes ESCO data, (c) European Union, https://esco.ec.europa.eu" in (
        attribution
    )
    assert "SkillSpan" in attribution and "MIT" in attribution


def test_taxonomy_and_extractor_work_without_the_shared_data_folder(tmp_path: Path) -> None:
    # A fresh interpreter that fails on any attempt to open a file under a "shared" folder.
    code = """
import sys
def guard(event, args):
    if event == "open" and "/shared/" in str(args[0]):
        raise RuntimeError("read " + str(args[0]))
sys.addaudithook(guard)
from landml.skills.extract import extract_skills
found = extract_skills("Requirements: 3+ years of PyTorch", posting=True)
print(found[0].skill_id, found[0].requirement, found[0].years)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.split() == ["ml:pytorch", "required", "3.0"]
