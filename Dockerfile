# souq-signals worker image.
#   docker build -t souq-signals:dev .
#   docker run --rm -e SOUQ_KAFKA_BOOTSTRAP_SERVERS=kafka:9092 -p 6066:6066 souq-signals:dev
# The default command runs a worker; `souq topics create` creates the topics.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system --gid 10001 souq \
 && useradd --system --uid 10001 --gid souq --home-dir /app --shell /usr/sbin/nologin souq \
 && mkdir -p /app /var/lib/souq/state \
 && chown -R souq:souq /var/lib/souq

WORKDIR /app
COPY pyproject.toml README.md ./
COPY models ./models
COPY streams ./streams
RUN pip install . && rm -rf build ./*.egg-info

USER souq
ENV SOUQ_WEB_HOST=0.0.0.0 \
    SOUQ_WEB_PORT=6066 \
    SOUQ_STATE_DIR=/var/lib/souq/state
VOLUME ["/var/lib/souq/state"]
EXPOSE 6066

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('SOUQ_WEB_PORT', '6066')}/metrics\", timeout=4)"]

CMD ["souq", "worker"]
