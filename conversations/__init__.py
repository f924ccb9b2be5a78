"""The pure conversation engine: understanding replies and deciding what happens next. No I/O."""
