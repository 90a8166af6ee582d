"""Dispatch, refusals, sections, bullets, dates and contact links; nothing invented."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from landml.errors import InvalidInput, NotFound
from landml.resume.document import Line
from landml.resume.errors import CorruptFile, EmptyFile, FileTooLarge, WrongFormat
from landml.resume.parse import (
    build_document,
    find_contacts,
    find_dates,
    has_number,
    heading_kind,
    parse_resume,
)
from landml.resume.textformats import read_plain_text
from tests.resume.conftest import parse_text, write_resume

# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.md", "empty.txt"])
def test_empty_file_is_refused_whatever_its_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"" if name.endswith((".pdf", ".docx")) else b" \n\n\t ")
    with pytest.raises(EmptyFile, match=f"^{name} is empty"):
        parse_resume(path)


def test_committed_empty_pdf_is_refused(files: Path) -> None:
    with pytest.raises(EmptyFile, match=r"empty\.pdf is empty"):
        parse_resume(files / "empty.pdf")


def test_pdf_that_is_really_a_docx_names_what_it_is(files: Path) -> None:
    with pytest.raises(WrongFormat) as caught:
        parse_resume(files / "docx_named.pdf")
    assert caught.value.message == (
        "Wrong extension: docx_named.pdf is named .pdf but it is a Word document (.docx)."
    )
    assert caught.value.hint == "Rename it to docx_named.docx."


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.4\n%%EOF\n", "a PDF"),
        (b"Jane Doe\nExperience\n", "a text file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "an old Word 97-2003 document"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "a PNG image"),
    ],
)
def test_docx_that_is_not_a_zip_names_what_it_is(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(content)
    with pytest.raises(
        WrongFormat, match=f"Wrong extension: cv.docx is named .docx but it is {what}"
    ):
        parse_resume(path)


def test_text_named_pdf_is_a_wrong_extension(tmp_path: Path) -> None:
    path = write_resume(tmp_path, "Jane Doe\n", "cv.pdf")
    with pytest.raises(WrongFormat, match=r"named \.pdf but it is a text file"):
        parse_resume(path)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, "save it as .docx"),
        ("cv.odt", b"just text", "does not read .odt files"),
        ("cv.png", b"\x89PNG\r\n\x1a\n", "does not read .png files: cv.png is a PNG image"),
        ("cv.html", b"<!DOCTYPE html><p>x", "Print the page to PDF"),
    ],
)
def test_unsupported_format_is_refused_with_what_to_do(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WrongFormat) as caught:
        parse_resume(path)
    assert expected in str(caught.value)


def test_file_without_extension_is_read_by_its_content(files: Path, tmp_path: Path) -> None:
    path = tmp_path / "resume"
    path.write_bytes((files / "one_column.pdf").read_bytes())
    assert parse_resume(path).format == "pdf"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="No file at"):
        parse_resume(tmp_path / "nope.pdf")
    with pytest.raises(InvalidInput, match="is a folder"):
        parse_resume(tmp_path)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    with path.open("wb") as fh:
        fh.truncate(11 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(
        FileTooLarge, match=r"big.pdf is 11.0 MB; landml reads resumes of up to 10 MB"
    ):
        parse_resume(path)


# --- sections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EXPERIENCE", "experience"),
        ("Work Experience:", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("## Professional Experience", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Berufserfahrung", "experience"),
        ("Experiencia laboral", "experience"),
        ("Educación", "education"),
        ("FORMATION", "education"),
        ("Ausbildung", "education"),
        ("Compétences techniques", "skills"),
        ("Kenntnisse & Fähigkeiten", None),
        ("Technical Skills", "skills"),
        ("Projects", "projects"),
        ("Projets personnels", "projects"),
        ("Publications", "publications"),
        ("Veröffentlichungen", "publications"),
        ("Summary", "summary"),
        ("À propos", "summary"),
        ("Fun Facts", "interests"),
        ("Centres d'intérêt", "interests"),
        ("Hobbys", "interests"),
        ("Skills: Python, PyTorch", None),  # a labelled line, not a heading
        ("Experience with large-scale training", None),
    ],
)
def test_heading_styles_and_languages(heading: str, kind: str | None) -> None:
    assert heading_kind(Line(text=heading)) == kind


def test_sections_hold_the_lines_under_their_headings(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "Jane Doe\njane@example.com\n\nEXPERIENCE\nML Engineer, Acme\n- Built things\n\n"
        "EDUCATION\nBSc Physics, 2019\n\nSKILLS\nPython\n",
        "cv.txt",
    )
    by_kind = {s.kind: [doc.lines[i].text for i in s.lines] for s in doc.sections}
    assert by_kind == {
        "top": ["Jane Doe", "jane@example.com"],
        "experience": ["ML Engineer, Acme", "- Built things"],
        "education": ["BSc Physics, 2019"],
        "skills": ["Python"],
    }


def test_unknown_capitalised_heading_closes_the_previous_section(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "EXPERIENCE\nML Engineer\n\nEDUCATION\nBSc\n\nGOOD READS\nA book\n",
        "cv.txt",
    )
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION"),
        ("other", "GOOD READS"),
    ]


def test_french_pdf_sections(files: Path) -> None:
    doc = parse_resume(files / "cv_fr.pdf")
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("top", None),
        ("summary", "PROFIL"),
        ("experience", "EXPÉRIENCE PROFESSIONNELLE"),
        ("education", "FORMATION"),
        ("skills", "COMPÉTENCES"),
        ("interests", "CENTRES D'INTÉRÊT"),
    ]
    assert [(d.start, d.end, d.ongoing) for d in doc.dates] == [
        ("2021-01", None, True),
        ("2018", "2020", False),
    ]


# --- bullets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["• Built", "● Built", "▪ Built", "- Built", "* Built", "1. Built", "2) Built", "\uf0b7 Built",
     "(cid:127) Built", "– Built", "➢ Built"],
)  # fmt: skip
def test_bullet_glyphs(tmp_path: Path, line: str) -> None:
    doc = parse_text(tmp_path, f"EXPERIENCE\n{line} a parser in 3 weeks\n", "cv.txt")
    assert [(b.text, b.section, b.has_number) for b in doc.bullets] == [
        ("Built a parser in 3 weeks", "experience", True)
    ]


def test_wrapped_pdf_bullet_lines_are_joined(files: Path) -> None:
    bullets = parse_resume(files / "one_column.pdf").bullets
    assert bullets[0].text == (
        "Cut delivery-time forecast error by 18% by replacing a gradient-boosting baseline "
        "with a temporal convolution model in PyTorch, served to 40 warehouses."
    )
    assert len(bullets[0].lines) == 2
    assert [b.text for b in bullets][2:4] == [
        "Worked on the monitoring dashboard.",
        "Responsible for weekly claims reports.",
    ]


def test_indented_text_line_continues_its_bullet(tmp_path: Path) -> None:
    extraction = read_plain_text("- Trained a model on\n  40 GPUs\n- Wrote docs\nNot a bullet\n")
    doc = build_document("cv.txt", extraction)
    assert [b.text for b in doc.bullets] == ["Trained a model on 40 GPUs", "Wrote docs"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Cut latency by 30%", True),
        ("Served 2,300 users", True),
        ("Raised revenue $1.2M", True),
        ("Made inference 3x faster", True),
        ("Mentored four analysts", True),
        ("Migrated from Python 2019 stack", False),
        ("Joined in 2019 and worked on search", False),
        ("Built on AWS S3 and EC2 with GPT-4", False),
        ("Fine-tuned ResNet-50 for defects", False),
        ("Worked on the dashboard (Jan 2020 – Mar 2021)", False),
        ("Improved the model", False),
    ],
)
def test_has_number_counts_figures_not_years_or_names(text: str, number: bool) -> None:
    assert has_number(text) is number


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("Jan 2022 – Present", "2022-01", None, True),
        ("January 2022 - Current", "2022-01", None, True),
        ("2019-2021", "2019", "2021", False),
        ("2019 – 2021", "2019", "2021", False),
        ("05/2020 - 08/2021", "2020-05", "2021-08", False),
        ("2020-05 to 2021-08", "2020-05", "2021-08", False),
        ("Sept. 2018 – June 2020", "2018-09", "2020-06", False),
        ("Mar '21 – Now", "2021-03", None, True),
        ("janv. 2021 – aujourd'hui", "2021-01", None, True),
        ("03/2020 – heute", "2020-03", None, True),
        ("seit 2019", "2019", None, True),
        ("enero de 2020 – actualidad", "2020-01", None, True),
        ("März 2018 bis Mai 2019", "2018-03", "2019-05", False),
    ],
)
def test_date_ranges(text: str, start: str, end: str | None, ongoing: bool) -> None:
    (found,) = find_dates([Line(text=f"ML Engineer, Acme  {text}")])
    assert (found.start, found.end, found.ongoing) == (start, end, ongoing)


def test_single_dates_and_what_is_not_a_date() -> None:
    lines = [
        Line(index=0, text="BSc Statistics, May 2020"),
        Line(index=1, text="Phone +1 415-555-2019"),
        Line(index=2, text="- Indexed 2000 documents a day", list_item=False),
        Line(index=3, text="Python 3.11, 100 GPUs"),
    ]
    assert [(d.text, d.line) for d in find_dates(lines)] == [("May 2020", 0)]


def test_resume_without_dates_has_no_dates(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# Jo Park\n\n## Experience\n\n- Trained 12 models for 300 stores\n- Wrote the docs\n",
    )
    assert doc.dates == []


# --- contacts -------------------------------------------------------------------------------


def test_contact_links_by_kind() -> None:
    lines = [
        Line(index=0, text="jo@example.com | github.com/jo-ml | linkedin.com/in/jo-park"),
        Line(index=1, text="https://scholar.google.com/citations?user=AbC123 · jo.dev/blog"),
        Line(index=2, text="kaggle.com/jopark, huggingface.co/jo, www.jopark.io, x.com/jo"),
        Line(index=3, text="Built with Node.js and ASP.NET; see scikit-learn docs"),
    ]
    found = [(c.kind, c.url, c.line) for c in find_contacts(lines, [])]
    assert found == [
        ("email", "mailto:jo@example.com", 0),
        ("github", "https://github.com/jo-ml", 0),
        ("linkedin", "https://linkedin.com/in/jo-park", 0),
        ("scholar", "https://scholar.google.com/citations?user=AbC123", 1),
        ("blog", "https://jo.dev/blog", 1),
        ("kaggle", "https://kaggle.com/jopark", 2),
        ("huggingface", "https://huggingface.co/jo", 2),
        ("website", "https://www.jopark.io", 2),
    ]


def test_link_targets_add_only_what_the_text_lacks() -> None:
    lines = [Line(index=0, text="github.com/jo-ml")]
    targets = [("https://github.com/jo-ml/", 1), ("mailto:jo@example.com", 1),
               ("https://jo.github.io", 1)]  # fmt: skip
    found = [(c.kind, c.url, c.line) for c in find_contacts(lines, targets)]
    assert found == [
        ("github", "https://github.com/jo-ml", 0),
        ("email", "mailto:jo@example.com", None),
        ("website", "https://jo.github.io", None),
    ]


# --- nothing invented -----------------------------------------------------------------------

resume_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "EXPERIENCE",
                "Education",
                "- Built 3 models",
                "• Led a team",
                "2019 - 2021",
                "Jan 2020 – Present",
                "jo@example.com",
                "github.com/jo",
                "Skills: Python",
                "",
            ]
        ),
        st.text(alphabet=string.printable + "éüñ–—•", max_size=60),
    ),
    max_size=30,
).map("\n".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=resume_text)
def test_everything_found_is_in_the_text(text: str) -> None:
    doc = build_document("cv.txt", read_plain_text(text))
    body = doc.text
    for bullet in doc.bullets:
        for word in bullet.text.split():
            assert word in body
    for date in doc.dates:
        assert date.text in doc.lines[date.line].text
    for contact in doc.contacts:
        assert contact.line is not None
        assert contact.value in doc.lines[contact.line].text
    for section in doc.sections:
        assert all(0 <= i < len(doc.lines) for i in section.lines)


def test_text_file_the_length_of_a_book_is_refused(tmp_path: Path) -> None:
    path = write_resume(tmp_path, "Experience\n" + "- Built a model\n" * 80_000, "cv.txt")
    with pytest.raises(FileTooLarge, match=r"holds 1\.2 MB of text"):
        parse_resume(path)


def test_unforeseen_failure_inside_a_reader_is_a_clear_error(
    files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from landml.resume import parse as parse_module

    def explode(path: Path, name: str) -> None:
        raise KeyError("/Kids")

    monkeypatch.setattr(parse_module, "read_pdf", explode)
    with pytest.raises(CorruptFile, match=r"landml could not read one_column\.pdf: KeyError"):
        parse_resume(files / "one_column.pdf")


@pytest.mark.parametrize(
    "name", ["one_column.pdf", "two_column.pdf", "table_header_textbox.docx", "lebenslauf.docx"]
)
def test_damaged_copies_give_a_resume_or_a_clear_error_never_a_crash(
    files: Path, tmp_path: Path, name: str
) -> None:
    from landml.errors import LandmlError
    from landml.resume.check import check_resume

    rng = random.Random(name)
    original = (files / name).read_bytes()
    outcomes = set()
    for i in range(25):
        data = bytearray(original)
        if i % 3 == 0:
            data = data[: rng.randrange(1, len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"{i}-{name}"
        path.write_bytes(bytes(data))
        try:
            check_resume(parse_resume(path))
            outcomes.add("read")
        except LandmlError as exc:
            assert exc.message  # a message a person can act on
            outcomes.add(type(exc).__name__)
    # Any other exception would have failed the test above; truncated copies are refused.
    assert outcomes - {"read"}
