"""Reading postings out of what a person brings: pasted text, HTML pages (schema.org
JobPosting JSON-LD when present, the readable main text otherwise), the public
job-board APIs of Greenhouse, Lever, Ashby and Workable, and CSV files (JobSpy's
layout, Glassdoor's layout, or any layout with a column mapping).

Every reader is pure: it takes text or decoded JSON and returns `RawPosting`
records, exactly as the source states them. Normalising and storing happen later.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from landml.errors import InvalidInput
from landml.tracker.quickadd import company_and_title_from_text


@dataclass
class RawPosting:
    """A posting as its source states it (nothing inferred yet)."""

    source: str
    external_id: str
    title: str
    description: str
    company: str | None = None
    location: str | None = None
    url: str | None = None
    description_html: str | None = None
    salary_text: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    posted_at: datetime | None = None
    remote: bool | None = None
    # Fields some sources give about the company (Glassdoor: Size, Type of ownership...).
    company_facts: dict[str, str] = field(default_factory=dict)


def content_id(*parts: str | None) -> str:
    """A stable id for a source that has none (sha1 of the identifying parts)."""
    digest = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return digest.hexdigest()[:20]


# --- text -------------------------------------------------------------------------


def from_text(text: str, *, name: str | None = None) -> RawPosting:
    """A pasted posting: title and company from labelled lines or a first line such as
    "ML Engineer at Acme"; the whole text is the description."""
    if not text.strip():
        raise InvalidInput("The posting text is empty.")
    company, title = company_and_title_from_text(text)
    if not title:
        raise InvalidInput(
            "Could not find a title in the posting text.",
            hint="Put the job title on the first line.",
        )
    return RawPosting(
        source="text",
        external_id=content_id(text),
        title=title,
        company=company,
        description=text.strip(),
    )


# --- HTML ---------------------------------------------------------------------------

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
)
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "pre",
}


def html_to_text(fragment: str) -> str:
    """Readable plain text of an HTML fragment, keeping paragraphs and list items apart."""
    tree = HTMLParser(fragment)
    root = tree.body or tree.root
    if root is None:
        return ""
    for tag in ("script", "style", "noscript", "template"):
        for node in root.css(tag):
            node.decompose()
    lines: list[str] = []
    _collect_text(root, lines)
    text = "".join(lines)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _collect_text(node: Node, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(child.text_content or "")
            continue
        block = child.tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if child.tag == "li":
            out.append("- ")
        _collect_text(child, out)
        if block and child.tag != "li":
            out.append("\n")


def _json_ld_blocks(tree: HTMLParser) -> Iterator[Any]:
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True, separator="", strip=False)
        try:
            yield json.loads(raw)
        except json.JSONDecodeError:
            continue


def _find_job_postings(data: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _find_job_postings(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            yield data
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in data:
                yield from _find_job_postings(data[key])


def _text_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _text_of(value.get("name"))
    if isinstance(value, list) and value:
        return _text_of(value[0])
    return None


def _ld_location(posting: Mapping[str, Any]) -> str | None:
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names: list[str] = []
    for place in places:
        if not isinstance(place, dict):
            continue
        address = place.get("address")
        if isinstance(address, str):
            names.append(address)
        elif isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion")]
            country = _text_of(address.get("addressCountry"))
            label = ", ".join(str(p) for p in [*parts, country] if p)
            if label:
                names.append(label)
    return "; ".join(dict.fromkeys(names)) or None


_UNIT_PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


def _ld_salary(raw: RawPosting, posting: Mapping[str, Any]) -> None:
    salary = posting.get("baseSalary") or posting.get("estimatedSalary")
    if isinstance(salary, list):
        salary = salary[0] if salary else None
    if not isinstance(salary, dict):
        return
    value = salary.get("value")
    raw.salary_currency = _text_of(salary.get("currency"))
    if isinstance(value, dict):
        lo = _number(value.get("minValue", value.get("value")))
        hi = _number(value.get("maxValue", value.get("value")))
        raw.salary_min, raw.salary_max = lo, hi
        unit = str(value.get("unitText") or salary.get("unitText") or "").upper()
        raw.salary_period = _UNIT_PERIODS.get(unit)
    elif value is not None:
        raw.salary_min = raw.salary_max = _number(value)
        unit = str(salary.get("unitText") or "").upper()
        raw.salary_period = _UNIT_PERIODS.get(unit)


def _number(value: Any) -> float | None:
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def parse_datetime(value: Any) -> datetime | None:
    """An ISO date or time, an epoch in seconds or milliseconds; UTC when no zone is given."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10_000_000_000 else value
        return datetime.fromtimestamp(seconds, UTC)
    text = str(value).strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_json_ld(posting: Mapping[str, Any], *, source: str, url: str | None) -> RawPosting:
    title = _text_of(posting.get("title")) or _text_of(posting.get("name"))
    if not title:
        raise InvalidInput("The page's JobPosting data has no title.")
    description_html = str(posting.get("description") or "")
    # Many sites HTML-escape the description inside JSON-LD.
    if "&lt;" in description_html and "<" not in description_html:
        description_html = html.unescape(description_html)
    identifier = posting.get("identifier")
    ident = (
        _text_of(identifier)
        if not isinstance(identifier, dict)
        else str(identifier.get("value") or "")
    )
    raw = RawPosting(
        source=source,
        external_id=ident or url or content_id(title, description_html),
        title=title,
        company=_text_of(posting.get("hiringOrganization")),
        location=_ld_location(posting),
        url=_text_of(posting.get("url")) or url,
        description=html_to_text(description_html),
        description_html=description_html or None,
        posted_at=parse_datetime(posting.get("datePosted")),
        remote=True if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE" else None,
    )
    _ld_salary(raw, posting)
    return raw


def from_html(page: str, *, url: str | None = None, source: str = "html") -> list[RawPosting]:
    """Postings in an HTML page: its JobPosting JSON-LD, else its readable main text."""
    tree = HTMLParser(page)
    found = [
        from_json_ld(p, source=source, url=url)
        for block in _json_ld_blocks(tree)
        for p in _find_job_postings(block)
    ]
    if found:
        return found
    return [_from_main_text(tree, url=url, source=source)]


def _from_main_text(tree: HTMLParser, *, url: str | None, source: str) -> RawPosting:
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = title_node.text(strip=True) if title_node else ""
    site = tree.css_first('meta[property="og:site_name"]')
    company = site.attributes.get("content") if site else None
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    main = tree.css_first("main") or tree.css_first("article") or _densest(tree)
    text = html_to_text(main.html or "") if main is not None else ""
    if not text:
        raise InvalidInput("The page has no readable text.")
    if not title:
        title = company_and_title_from_text(text)[1] or ""
    if not title:
        raise InvalidInput("Could not find the job title on the page.")
    return RawPosting(
        source=source,
        external_id=url or content_id(text),
        title=title,
        company=company,
        url=url,
        description=text,
    )


def _densest(tree: HTMLParser) -> Node | None:
    """The block holding the most paragraph text: the main content on most job pages."""
    best: Node | None = tree.body
    best_len = 0
    for node in tree.css("div, section"):
        length = sum(len(p.text(strip=True)) for p in node.css("p, li"))
        if length > best_len * 1.2:
            best, best_len = node, length
    return best


# --- job-board APIs -------------------------------------------------------------------


def board_api_url(kind: str, board: str) -> str:
    """The public, keyless job-board API URL for a board name."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", board):
        raise InvalidInput(f"{board!r} is not a job-board name (letters, digits, . _ - only).")
    urls = {
        "greenhouse": f"https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true",
        "lever": f"https://api.lever.co/v0/postings/{board}?mode=json",
        "ashby": f"https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true",
        "workable": f"https://apply.workable.com/api/v1/widget/accounts/{board}?details=true",
    }
    if kind not in urls:
        raise InvalidInput(
            f"Unknown job board {kind!r}.",
            hint="Use greenhouse:BOARD, lever:SITE, ashby:BOARD or workable:ACCOUNT.",
        )
    return urls[kind]


def from_greenhouse(data: Any, board: str) -> list[RawPosting]:
    jobs = _require_list(data.get("jobs") if isinstance(data, dict) else None, "Greenhouse")
    out = []
    for job in jobs:
        content = html.unescape(str(job.get("content") or ""))
        out.append(
            RawPosting(
                source="greenhouse",
                external_id=f"{board}:{job.get('id')}",
                title=str(job.get("title") or "").strip(),
                company=str(job.get("company_name") or "").strip() or board,
                location=_text_of(job.get("location")),
                url=job.get("absolute_url"),
                description=html_to_text(content),
                description_html=content or None,
                posted_at=parse_datetime(job.get("first_published") or job.get("updated_at")),
            )
        )
    return out


def from_lever(data: Any, site: str) -> list[RawPosting]:
    jobs = _require_list(data, "Lever")
    out = []
    for job in jobs:
        parts = [str(job.get("descriptionPlain") or "")]
        for section in job.get("lists") or []:
            parts.append(str(section.get("text") or ""))
            parts.append(html_to_text(str(section.get("content") or "")))
        parts.append(str(job.get("additionalPlain") or ""))
        categories = job.get("categories") or {}
        salary = job.get("salaryRange") or {}
        interval = str(salary.get("interval") or "")
        raw = RawPosting(
            source="lever",
            external_id=f"{site}:{job.get('id')}",
            title=str(job.get("text") or "").strip(),
            company=site,
            location=categories.get("location"),
            url=job.get("hostedUrl"),
            description="\n\n".join(p.strip() for p in parts if p.strip()),
            posted_at=parse_datetime(job.get("createdAt")),
            remote=True if job.get("workplaceType") == "remote" else None,
            salary_min=_number(salary.get("min")),
            salary_max=_number(salary.get("max")),
            salary_currency=salary.get("currency"),
            salary_period={
                "per-year-salary": "year",
                "per-hour-wage": "hour",
                "per-month-salary": "month",
            }.get(interval),
        )
        out.append(raw)
    return out


def from_ashby(data: Any, board: str) -> list[RawPosting]:
    jobs = _require_list(data.get("jobs") if isinstance(data, dict) else None, "Ashby")
    out = []
    for job in jobs:
        description_html = str(job.get("descriptionHtml") or "")
        compensation = job.get("compensation") or {}
        out.append(
            RawPosting(
                source="ashby",
                external_id=f"{board}:{job.get('id')}",
                title=str(job.get("title") or "").strip(),
                company=board,
                location=_text_of(job.get("location")),
                url=job.get("jobUrl"),
                description=str(job.get("descriptionPlain") or "")
                or html_to_text(description_html),
                description_html=description_html or None,
                posted_at=parse_datetime(job.get("publishedAt")),
                remote=True if job.get("isRemote") else None,
                salary_text=compensation.get("compensationTierSummary"),
            )
        )
    return out


def from_workable(data: Any, account: str) -> list[RawPosting]:
    if not isinstance(data, dict):
        raise InvalidInput("The Workable answer is not a job list.")
    jobs = _require_list(data.get("jobs"), "Workable")
    company = str(data.get("name") or account)
    out = []
    for job in jobs:
        location = ", ".join(str(job.get(k)) for k in ("city", "state", "country") if job.get(k))
        description_html = str(job.get("description") or "")
        out.append(
            RawPosting(
                source="workable",
                external_id=f"{account}:{job.get('shortcode')}",
                title=str(job.get("title") or "").strip(),
                company=company,
                location=location or None,
                url=job.get("url") or job.get("shortlink"),
                description=html_to_text(description_html),
                description_html=description_html or None,
                posted_at=parse_datetime(job.get("published_on") or job.get("created_at")),
                remote=True if job.get("telecommuting") else None,
            )
        )
    return out


BOARD_READERS = {
    "greenhouse": from_greenhouse,
    "lever": from_lever,
    "ashby": from_ashby,
    "workable": from_workable,
}


def _require_list(value: Any, who: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InvalidInput(f"The {who} answer is not a job list (the board may not exist).")
    return value


# --- CSV ----------------------------------------------------------------------------------

JOBSPY_COLUMNS = {"site", "job_url", "title", "company", "description"}
GLASSDOOR_COLUMNS = {"Job Title", "Salary Estimate", "Job Description", "Company Name"}
FIELDS = ("title", "company", "description", "location", "url", "salary", "posted_at", "id")


def read_csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    # Glassdoor descriptions hold huge quoted cells.
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    rows = [dict(r) for r in reader]
    return list(reader.fieldnames or []), rows


def from_csv(text: str, *, mapping: Mapping[str, str] | None = None) -> list[RawPosting]:
    """Postings from a CSV: JobSpy or Glassdoor layouts are recognised by their columns;
    any other layout needs `mapping` from our fields (title, company, description,
    location, url, salary, posted_at, id) to its column names."""
    columns, rows = read_csv_rows(text)
    if mapping:
        return _from_mapped(columns, rows, mapping)
    if set(columns) >= JOBSPY_COLUMNS:
        return [_jobspy_row(r) for r in rows if any(v for v in r.values())]
    if set(columns) >= GLASSDOOR_COLUMNS:
        return [_glassdoor_row(i, r) for i, r in enumerate(rows) if any(v for v in r.values())]
    raise InvalidInput(
        "This CSV layout is not recognised (neither JobSpy nor Glassdoor).",
        hint="Map its columns, e.g. --map title=Position --map company=Employer "
        "--map description=Text.",
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value in ("", "-1", "nan", "NaN", "None") else value


def _jobspy_row(row: Mapping[str, str]) -> RawPosting:
    interval = (_clean(row.get("interval")) or "").lower()
    remote = _clean(row.get("is_remote"))
    return RawPosting(
        source=f"jobspy:{_clean(row.get('site')) or 'unknown'}",
        external_id=_clean(row.get("id"))
        or _clean(row.get("job_url"))
        or content_id(row.get("title"), row.get("company"), row.get("description")),
        title=_clean(row.get("title")) or "",
        company=_clean(row.get("company")),
        location=_clean(row.get("location")),
        url=_clean(row.get("job_url")),
        description=_clean(row.get("description")) or "",
        salary_min=_number(_clean(row.get("min_amount"))),
        salary_max=_number(_clean(row.get("max_amount"))),
        salary_currency=_clean(row.get("currency")),
        salary_period={
            "yearly": "year",
            "monthly": "month",
            "weekly": "week",
            "daily": "day",
            "hourly": "hour",
        }.get(interval),
        posted_at=parse_datetime(_clean(row.get("date_posted"))),
        remote=None if remote is None else remote.lower() in ("true", "1", "yes"),
        company_facts={
            k: v for k in ("company_industry", "company_num_employees") if (v := _clean(row.get(k)))
        },
    )


def _glassdoor_row(index: int, row: Mapping[str, str]) -> RawPosting:
    # Glassdoor's "Company Name" cell carries the rating on a second line ("Acme\n3.8").
    company = (_clean(row.get("Company Name")) or "").split("\n")[0].strip() or None
    facts = {
        k: v
        for k in ("Size", "Type of ownership", "Industry", "Sector", "Revenue")
        if (v := _clean(row.get(k)))
    }
    row_id = _clean(row.get("")) or _clean(row.get("index")) or str(index)
    return RawPosting(
        source="glassdoor",
        external_id=row_id,
        title=_clean(row.get("Job Title")) or "",
        company=company,
        location=_clean(row.get("Location")),
        description=_clean(row.get("Job Description")) or "",
        salary_text=_clean(row.get("Salary Estimate")),
        company_facts=facts,
    )


def _from_mapped(
    columns: list[str], rows: Iterable[Mapping[str, str]], mapping: Mapping[str, str]
) -> list[RawPosting]:
    unknown = set(mapping) - set(FIELDS)
    if unknown:
        raise InvalidInput(
            f"Unknown field(s) in the mapping: {', '.join(sorted(unknown))}.",
            hint=f"Fields: {', '.join(FIELDS)}.",
        )
    missing = [c for c in mapping.values() if c not in columns]
    if missing:
        raise InvalidInput(
            f"Column(s) not in the file: {', '.join(missing)}.",
            hint=f"Its columns: {', '.join(columns)}.",
        )
    if "title" not in mapping:
        raise InvalidInput("The mapping must name the title column (--map title=COLUMN).")
    out = []
    for row in rows:
        if not any(v for v in row.values()):
            continue

        def get(name: str, row: Mapping[str, str] = row) -> str | None:
            return _clean(row.get(mapping[name])) if name in mapping else None

        out.append(
            RawPosting(
                source="csv",
                external_id=get("id")
                or get("url")
                or content_id(get("title"), get("company"), get("location"), get("description")),
                title=get("title") or "",
                company=get("company"),
                location=get("location"),
                url=get("url"),
                description=get("description") or "",
                salary_text=get("salary"),
                posted_at=parse_datetime(get("posted_at")),
            )
        )
    return out
