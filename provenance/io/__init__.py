"""[edge] Input and output at the edge: fetching URLs behind one guard."""
