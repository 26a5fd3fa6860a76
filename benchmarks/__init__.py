"""Benchmarks: run as python -m benchmarks.NAME; they print figures and write benchmarks/results/."""
