#!/bin/sh
# Run by the postgres image once, on the first start with an empty data volume (mounted as
# /docker-entrypoint-initdb.d). POSTGRES_USER stays the server's superuser, for its administrators only; the
# service logs in as CATALOG_DB_USER, a plain role that owns the catalog database and nothing else. Flyway runs
# the migrations as that owner: they need no superuser and no extension.
set -e
: "${CATALOG_DB_PASSWORD:?set CATALOG_DB_PASSWORD}"
user=${CATALOG_DB_USER:-catalog_app}
database=${CATALOG_DB_NAME:-catalog}
# psql quotes the values itself (:"name" as an identifier, :'name' as a literal); the password comes from the
# environment (\getenv), not the command line, where ps would show it
export CATALOG_DB_PASSWORD
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
    -v user="$user" -v database="$database" <<'SQL'
\getenv password CATALOG_DB_PASSWORD
create role :"user" login nosuperuser nocreatedb nocreaterole password :'password';
create database :"database" owner :"user";
-- nobody but its owner (and superusers) may connect to it
revoke all on database :"database" from public;
SQL
