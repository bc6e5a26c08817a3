"""Opening a database that is already up to date needs no Alembic; the head is read from the files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine, _ = open_store(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
        connection.exec_driver_sql("DROP INDEX ix_findings_code_usage")
        connection.exec_driver_sql("DROP INDEX ix_findings_code_image")
    engine.dispose()
    engine, _ = open_store(url)
    assert current_revision(engine) == head_revision()
