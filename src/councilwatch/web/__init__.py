"""The web application: server-rendered pages and a JSON API over the knowledge base.

`create_app(db_url, token)` in app.py builds it; `councilwatch serve` runs it on
uvicorn. Routes are grouped by resource in routes/ and only call the library
(KnowledgeBase, record, forecast, publish, and the store functions behind
queries.py); fragments.py keeps rendered pieces that only change with their data.
"""
