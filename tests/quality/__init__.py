"""How much of the team's reading of the corpus (tests/gold/) the index knows, class by class."""
