"""Hardening: bad input, faults and who may do what, each with the figures RELIABILITY.md cites."""
