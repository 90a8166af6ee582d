"""The market view: what the postings in the workspace ask for and pay (top skills, rising
and falling skills, salary ranges by role and place) and sector profiles (pay, equity,
stability, pace, interview loop, what to emphasise) whose every figure names its source.

`analytics` computes over plain rows and never touches the database; `service` reads the
postings and assembles a `MarketReport`; `profiles` reads the sourced data file in
`data/`; `charts` draws the report as Vega-Lite specifications.
"""
