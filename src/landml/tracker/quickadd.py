"""Guessing company and title when an application is added from a URL or pasted text.

Only what the input plainly says is used; when a value cannot be read, the caller
asks the person for it instead of inventing one.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Job boards whose URL path starts with the company's board name.
_BOARD_HOSTS = {
    "boards.greenhouse.io": 1,
    "job-boards.greenhouse.io": 1,
    "jobs.lever.co": 1,
    "jobs.ashbyhq.com": 1,
    "apply.workable.com": 1,
}
_SUBDOMAIN_BOARDS = (".myworkdayjobs.com", ".bamboohr.com", ".recruitee.com", ".teamtailor.com")
_GENERIC_HOSTS = {"www", "jobs", "careers", "boards", "apply", "job-boards"}


def company_from_url(url: str) -> str | None:
    """The company a job URL names, if its shape says so (ATS boards, careers.X.com)."""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower()
    if not host:
        return None
    parts = [p for p in parsed.path.split("/") if p]
    if host in _BOARD_HOSTS and parts:
        return _pretty(parts[0])
    for suffix in _SUBDOMAIN_BOARDS:
        if host.endswith(suffix):
            return _pretty(host.removesuffix(suffix).split(".")[0])
    if host.endswith(("linkedin.com", "indeed.com", "glassdoor.com", "wellfound.com")):
        return None
    labels = [p for p in host.split(".") if p not in _GENERIC_HOSTS]
    return _pretty(labels[-2]) if len(labels) >= 2 else None


def _pretty(slug: str) -> str:
    words = re.split(r"[-_]+", slug)
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words if w)


_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@|-|–|—|\|)\s+(?P<company>[^,|()]+?)\s*$")
_COMPANY_LINE = re.compile(
    r"^\s*(?:company|employer|organi[sz]ation)\s*:\s*(?P<c>.+)$", re.I | re.M
)
_TITLE_LINE = re.compile(r"^\s*(?:job title|title|position|role)\s*:\s*(?P<t>.+)$", re.I | re.M)


def company_and_title_from_text(text: str) -> tuple[str | None, str | None]:
    """Company and title from a pasted posting: labelled lines first, then a first line
    such as "Machine Learning Engineer at Acme"."""
    company = title = None
    if m := _COMPANY_LINE.search(text):
        company = m.group("c").strip()
    if m := _TITLE_LINE.search(text):
        title = m.group("t").strip()
    first = next((line.strip(" #*\t") for line in text.splitlines() if line.strip()), "")
    if first and (m := _AT.match(first)):
        title = title or m.group("title").strip()
        company = company or m.group("company").strip()
    elif first and title is None and len(first) <= 120:
        title = first
    return company, title
