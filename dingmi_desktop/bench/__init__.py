"""`dingmi bench`: each area contributes figures from its own module (INTERFACES.md, benchmark output)."""
