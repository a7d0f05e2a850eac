"""Benchmarks: a deterministic data generator, mixed search queries, a naive
ORM baseline and the runner behind `make bench` (see bench/run.py)."""
