"""The 定密 rules as pure Python: no Qt, no SQLAlchemy, no I/O."""
