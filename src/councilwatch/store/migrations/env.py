"""Alembic environment: runs on the connection the store hands over."""

from alembic import context

from councilwatch.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` CLI use: -x url=...
    from sqlalchemy import create_engine

    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///councilwatch.sqlite")
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
