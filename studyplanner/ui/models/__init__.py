"""Qt item models over the plain values the services hand out."""
