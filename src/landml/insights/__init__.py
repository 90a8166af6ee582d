"""Insights: what the tracker's ledger says about the job hunt.

The funnel (how far applications get, overall and by channel, company kind and role
family), time spent in each stage (Kaplan–Meier estimates that count applications still
waiting instead of dropping them), weekly activity against the daily goal, rejection
reasons and the skills they named, and the charts that show them.

The computing modules are pure and take plain `ApplicationHistory` values built from the
ledger (`funnel`, `durations`, `activity`); `charts` turns their results into Vega-Lite
specifications rendered offline by vl-convert; `service` reads the workspace and glues
them together for the CLI (`landml stats`) and the web dashboard.
"""
