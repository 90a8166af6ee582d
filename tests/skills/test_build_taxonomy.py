"""scripts/build_taxonomy.py on a small hand-written ESCO/O*NET sample (no shared data)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from landml.skills.taxonomy import load_taxonomy

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_taxonomy.py"
U = "http://data.europa.eu/esco/skill/"

LAYER = """
version: "9.9.9"
cues: {tech: [programming, libraries], tech_lead: [experience], language: [fluent],
  soft: [strong]}
generic_terms: [interview]
vendors: ["The MathWorks", "Microsoft"]
skills:
  programming_language:
    - {id: programming-languages, label: programming languages}
    - {id: python, label: Python, parents: [programming-languages]}
  framework_library:
    - {id: deep-learning-frameworks, label: deep learning frameworks}
    - {id: pytorch, label: PyTorch, aka: [torch], parents: [deep-learning-frameworks]}
"""


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_taxonomy", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_taxonomy"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    src = tmp_path / "taxonomy"
    src.mkdir()
    skill_cols = ["conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
                  "description"]  # fmt: skip
    write_csv(src / "skills_en.csv", skill_cols, [
        [U + "aaa", "knowledge", "sector-specific", "Python (computer programming)",
         "Python3\nPython", "A language."],
        [U + "bbb", "skill/competence", "cross-sector", "conduct job interviews",
         "interview\nrun interviews", "Ask questions."],
        [U + "ccc", "knowledge", "cross-sector", "photogrammetry", "", "Measuring from photos."],
    ])  # fmt: skip
    write_csv(src / "occupations_en.csv", ["description"], [["Builds things."]])
    write_csv(
        src / "skillsHierarchy_en.csv",
        [f"Level {i} {k}" for i in range(4) for k in ("URI", "preferred term")],
        [[U + "g1", "skills", "", "", "", "", "", ""]],
    )
    write_csv(src / "broaderRelationsSkillPillar.csv", ["conceptUri", "broaderUri"], [
        [U + "bbb", U + "g1"], [U + "ccc", U + "g1"],
    ])  # fmt: skip
    (src / "onet_Occupation_Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n15-2051.00\tData Scientists\tDevelop models.\n",
        encoding="utf-8",
    )
    header = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"
    rows = [
        "15-2051.00\tPyTorch\t1\tObject or component oriented development software\tY\tN",
        "15-2051.00\tThe MathWorks MATLAB\t2\tAnalytical or scientific software\tY\tN",
        "15-2051.00\tStructured query language SQL\t3\tDatabase management system software\tY\tN",
        "15-2051.00\tQuality control software\t4\tIndustrial control software\tN\tN",
    ]
    (src / "onet_Technology_Skills.txt").write_text("\n".join([header, *rows]) + "\n")
    (src / "layer.yaml").write_text(LAYER, encoding="utf-8")
    return src


def run(build: ModuleType, source: Path, out: Path) -> bytes:
    code = build.main(
        ["--source", str(source), "--layer", str(source / "layer.yaml"), "--out", str(out),
         "--build-date", "2026-01-02"]
    )  # fmt: skip
    assert code == 0
    return (out / "taxonomy.json.gz").read_bytes()


def test_build_is_deterministic(build: ModuleType, source: Path, tmp_path: Path) -> None:
    assert run(build, source, tmp_path / "a") == run(build, source, tmp_path / "b")


def test_build_merges_sources_and_sets_match_rules(
    build: ModuleType, source: Path, tmp_path: Path
) -> None:
    run(build, source, tmp_path / "out")
    tx = load_taxonomy(tmp_path / "out" / "taxonomy.json.gz")
    assert tx.version == "9.9.9+esco.1.1.1.onet.29.2"
    pytorch = tx.resolve("PyTorch")
    assert pytorch.id == "ml:pytorch" and "onet:pytorch" in pytorch.sources
    assert [p.id for p in tx.parents("torch")] == ["ml:deep-learning-frameworks"]
    python = tx.resolve("Python (computer programming)")
    assert python.id == "ml:python" and "esco:aaa" in python.sources
    assert tx.resolve("MATLAB").id == "onet:the-mathworks-matlab"
    assert tx.resolve("SQL").label == "Structured query language SQL"
    # "Quality control software" keeps "software": without it, it names an activity.
    assert tx.find("quality control") is None
    # One-word ESCO labels that are ordinary words are known but never matched in text.
    assert tx.resolve("interview").id == "esco:bbb"
    assert tx.rule("interview") is None and tx.rule("photogrammetry") is not None
    attribution = (tmp_path / "out" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "(c) European Union" in attribution and "2026-01-02" in attribution


def test_build_rejects_a_layer_with_dangling_parents(
    build: ModuleType, source: Path, tmp_path: Path
) -> None:
    bad = LAYER.replace("parents: [programming-languages]", "parents: [nowhere]")
    (source / "layer.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(SystemExit, match="unknown parent ml:nowhere"):
        run(build, source, tmp_path / "out")
