"""Key derivation, key slots, signatures and password policy. No Qt, no database."""
