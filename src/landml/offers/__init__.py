"""Offers: what each offer is worth year by year, and how to choose between offers.

Pure code, no database. The modules, from the bottom up:

- `vesting`: vesting schedules (cliff then monthly, quarterly or yearly; back-loaded
  5/15/40/40; front-loaded 40/30/20/10; custom yearly percentages or exact tranches) as
  lists of tranches.
- `equity`: RSU value by year under stock price scenarios, with refresher grants; startup
  options under dilution, a simple liquidation preference stack and exit scenarios with
  probabilities (defaults in `data/startup_outcomes.yaml`, with their sources).
- `compensation`: the `Offer` model and `offer_value`, the year-by-year rows for four
  years, first-year and four-year totals, cost-of-living adjusted totals, and `sensitivity`
  to the stock price or exit value.
- `decision`: the person's scores on what money does not show, weights, a 0-100 total per
  offer with every point attributed to a factor, the ranking, and the smallest change that
  would flip each adjacent pair.

Money is a float in the offer's currency. The engine never rounds: totals are sums of the
unrounded rows, and interfaces round for display.
"""
