"""Facts from texts: read a document, find symbols, dates, entities, memberships, events and stances.

See docs/extraction.md. `Extractor.from_store(store).extract_file(path)` gives an
`Extraction`, whose `as_dict()` is the JSON contract of `councilwatch extract`.
"""
