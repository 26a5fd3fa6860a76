"""Room-allocation benchmark (see __main__)."""
