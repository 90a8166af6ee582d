"""Skills: the shipped taxonomy (ESCO + O*NET + landml's ML layer) and the extractor.

- `landml.skills.taxonomy`: `load_taxonomy()`, lookups by id or alias, parents,
  ancestors and `related(a, b)`.
- `landml.skills.extract`: `extract_skills(text, posting=...)` -> `FoundSkill` mentions
  with offsets, required/preferred and years; `distinct_skills`; `extract_spans`.
- `landml.skills.sections`: headings, cue words and "N+ years" in postings.
- `landml.skills.matcher`, `tagger`, `tokens`: the lookup, the CRF span tagger and the
  tokenizer they share.
"""
