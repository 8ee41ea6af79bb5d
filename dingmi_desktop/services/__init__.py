"""Use cases over the store: permissions, one transaction, the audit record, a small result."""
