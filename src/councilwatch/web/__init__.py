"""The web application: server-rendered pages and a JSON API over the knowledge base.

`create_app(db_url, token)` in app.py builds it; `councilwatch serve` runs it on
uvicorn. Routes are grouped by resource in routes/; the parts other modules
provide (forecasts, briefs, documents and claims) are reached through
providers.py, which answers 503 "not available yet" while a module is absent.
"""
