"""The records and name helpers every layer shares; nothing here does I/O."""
