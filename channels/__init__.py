"""One adapter per channel (SMS, email, Telegram, simulated) behind one small protocol."""
