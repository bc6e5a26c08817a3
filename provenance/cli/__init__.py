"""[edge] The command line: `provenance check|explain|audit|report|serve|db|catalog`."""
