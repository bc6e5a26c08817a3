"""Decoders from raw metadata blocks (already read from a file by
provenance.reader) to Evidence. Pure: tag tables are data, decoding is here."""
