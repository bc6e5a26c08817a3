"""[edge] `python -m provenance` runs the CLI."""

from provenance.cli.main import main

main()
