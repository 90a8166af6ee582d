"""Resumes: reading PDF, DOCX, Markdown, plain text and JSON Resume files into one model,
and checking them against what ML hiring pipelines and readers reward.

`parse.parse_resume(path)` gives a `document.ResumeDocument`: lines in reading order with
their pages, sections, bullets, dates, contact links and the layout facts an applicant
tracking system trips on (columns, photos, tables, text boxes). `check.check_resume(doc)`
turns it into findings, each with a rule id, a severity, the evidence and a fix, and a
score that is nothing but a summary of those findings. Both are pure code over files: no
database, no network.
"""
