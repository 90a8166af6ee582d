"""The application tracker: companies, applications and their stage ledger, contacts,
interactions, interviews and notes. It replaces the job-hunt spreadsheet."""
