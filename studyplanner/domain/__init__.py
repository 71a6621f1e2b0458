"""Pure domain logic: no Qt, no SQL; every "now" is a parameter."""
