"""The attendance store: everything rollcall persists and the repositories over it."""
