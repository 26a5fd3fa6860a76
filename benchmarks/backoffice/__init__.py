"""Back-office benchmark (see __main__)."""
