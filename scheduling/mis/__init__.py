"""The school's MIS, both ways: connectors that pull its data and push confirmed reasons back,
the sync that writes pulls into the store, and the job that works the push queue."""
