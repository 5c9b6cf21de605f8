# PostgreSQL 15 with the RUM extension the schema needs (migrations/V2__browse.sql).
# Used by compose.yml and by the tests' Testcontainers path (CatalogTestDatabase).
FROM postgres:15
RUN apt-get update \
    && apt-get install -y --no-install-recommends "postgresql-15-rum" \
    && rm -rf /var/lib/apt/lists/*
