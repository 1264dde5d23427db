"""`make loadtest`: a regional deployment under load.

Two gunicorn app servers on loopback ports over one PostgreSQL database, a task worker, the demo
loaded, and simulated users (auditors saving drafts of their returns, agency leads entering the
data set's values by form and by API, readers on the executive pages, systems reading the API)
for a bounded time. It reports each page's latency beside the floor page measured in the same
run, the errors, and whether every write the service acknowledged is in the database.
See docs/loadtest.md.
"""
