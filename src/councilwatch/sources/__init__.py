"""Sources put facts into the store. One module per source, each the same shape:
read -> validate -> upsert in one transaction -> report."""
