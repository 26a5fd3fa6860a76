# Concierge server image. Build: docker build -t concierge .   Run: docker run -p 8080:8080 concierge
# With no DATABASE_URL the embedded PostgreSQL keeps its data in /data (mount a volume there).
FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY agent agent
COPY pipeline pipeline
COPY tools tools
COPY backoffice backoffice
# llama.cpp without ggml's AMX kernels, which crash on our Q4_K_M model (see llama_cmake_args in ./concierge).
RUN if [ "$(uname -m)" = x86_64 ]; then \
      flags="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"; \
      export CMAKE_ARGS="-DCMAKE_C_FLAGS='$flags' -DCMAKE_CXX_FLAGS='$flags'"; \
    fi; \
    pip wheel --wheel-dir /wheels ".[voice,llm]"

FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home concierge && mkdir /data && chown concierge /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER concierge
ENV CONCIERGE_DATA_DIR=/data CONCIERGE_HOST=0.0.0.0 CONCIERGE_PORT=8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz')"
CMD ["concierge", "serve"]
