"""The rollcall application: settings, the FastAPI app, the CLI, and the wiring between them."""
