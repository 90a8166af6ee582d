"""Getting postings in and making them comparable.

The engines here are pure code with no database:

- `titles`: a job title to a role family (mle, ds, rs, as, data_eng, analyst, swe, other)
  and a seniority, with the rule or O*NET title that decided it;
- `salary`: salary text ("$53K-$91K (Glassdoor est.)", "€60k", "$25/hr") to min, max,
  currency and period, never inventing a number;
- `location`: location text to city, region, country and remote / hybrid / onsite;
- `company_kind`: a source's company fields (size, ownership, sector) to a company kind;
- `dedupe`: canonical URLs, identity keys, MinHash description fingerprints and a
  `DuplicateIndex` that groups the same job seen twice or reposted with small edits.
"""
