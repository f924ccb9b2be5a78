"""Background work: the school calendar, the daily runs, the dispatcher, the inbound worker."""
