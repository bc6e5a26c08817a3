"""Opening a database that is already up to date needs no Alembic; the head is read from the files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from provenance.store.repository import MIGRATIONS, current_revision, head_revision, open_store


def test_head_read_from_the_files_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine, _ = open_store(url)  # creates it: Alembic runs
    assert current_revision(engine) == head_revision()
    code = ("import sys; from provenance.store.repository import open_store; "
            f"open_store({url!r}); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_an_old_database_is_still_upgraded(tmp_path: Path) -> None:
    """One migration behind (Alembic's own downgrade): opening it applies the newest again."""
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine, _ = open_store(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    assert current_revision(engine) != head_revision()
    engine.dispose()
    engine, _ = open_store(url)
    assert current_revision(engine) == head_revision()
