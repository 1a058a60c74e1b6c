"""Regenerate the initial migration from store/schema.py.

Until the first release the schema has one migration, 0001, generated from the
tables; after a change to schema.py run `python tools/regen_migration.py`.
After the first release, add new revisions instead (alembic revision --autogenerate).
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

versions = ROOT / "src/councilwatch/store/migrations/versions"
for old in versions.glob("0001_*.py"):
    old.unlink()
with tempfile.TemporaryDirectory() as tmp:
    engine = create_engine(f"sqlite:///{tmp}/empty.sqlite")
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "src/councilwatch/store/migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
print("regenerated", next(versions.glob("0001_*.py")).name)
