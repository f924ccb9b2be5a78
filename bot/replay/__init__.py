"""`rollcall replay`: scripted end-to-end conversation tests a school can run before going live."""
