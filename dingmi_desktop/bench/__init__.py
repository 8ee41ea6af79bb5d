"""`dingmi bench`: each area contributes figures from its own module (docs/interfaces.md, benchmark)."""
