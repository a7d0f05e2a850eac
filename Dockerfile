# Production image: gunicorn serving marketplace.wsgi, static files collected at
# build time and served by WhiteNoise. Configuration comes from the environment
# (see .env.example and docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=marketplace.settings.production

WORKDIR /app

RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

# Runtime requirements only, from the lock file: pip checks every download against its
# hashes. psycopg[binary] ships libpq, every pin but the pure-Python sdist django-haystack
# has a manylinux wheel, so no compiler is needed.
COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

# gettext's msgfmt compiles the translation catalogues below (build time only).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

COPY . .

# The key below exists only for this build step (the settings refuse to load
# without one); it is not kept in the image's environment.
RUN SECRET_KEY=collectstatic-build-only-not-a-secret python manage.py collectstatic --noinput -v0 \
    && SECRET_KEY=translations-build-only-not-a-secret python manage.py translations_build \
    && mkdir -p /app/media /app/private-media \
    && chown app:app /app/media /app/private-media

USER app
EXPOSE 8000
# With several workers, each writes its metrics to PROMETHEUS_MULTIPROC_DIR and /metrics adds them up; the
# folder is emptied at each start (prometheus_client's multiprocess mode; gunicorn.conf.py marks dead workers).
ENV PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus
CMD ["sh", "-c", "rm -rf \"$PROMETHEUS_MULTIPROC_DIR\" && mkdir -p \"$PROMETHEUS_MULTIPROC_DIR\" && exec gunicorn marketplace.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
