"""gunicorn's settings in the image (it reads this file from the working directory)."""

import os


def child_exit(server, worker):
    # Prometheus multiprocess mode: a stopped worker's gauges leave the sums /metrics shows.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
