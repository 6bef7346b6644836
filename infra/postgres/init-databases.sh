#!/usr/bin/env bash
# Creates one login role and one database per agency subgraph, and makes each database reachable
# only by its own role. Runs from /docker-entrypoint-initdb.d of the postgres image (first start
# of an empty volume), and can be re-run by hand against any server: it is idempotent.
#
# Names:     role <prefix><slug>, database <prefix><slug>_db (family -> family / family_db).
# Passwords: <SLUG>_DB_PASSWORD (FAMILY_DB_PASSWORD, ...); the default "<slug>-local-only" is for
#            a developer's machine only. Set real passwords anywhere else. A re-run re-applies the
#            password from the environment.
# Server:    the usual libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD). Unset, it
#            uses the image's POSTGRES_USER / POSTGRES_DB over the local socket.
# Prefix:    DB_NAME_PREFIX (default empty) is put before every role and database name; tests use it
#            to create throwaway names such as ckp_test_1a2b_family.
set -euo pipefail

readonly AGENCIES=(family justice health education interior)

DB_NAME_PREFIX="${DB_NAME_PREFIX:-}"
if [[ -n "$DB_NAME_PREFIX" && ! "$DB_NAME_PREFIX" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "init-databases: DB_NAME_PREFIX=\"$DB_NAME_PREFIX\" must be lower-case letters, digits and underscores, not starting with a digit." >&2
  exit 64
fi

admin_user="${PGUSER:-${POSTGRES_USER:-postgres}}"
admin_db="${PGDATABASE:-${POSTGRES_DB:-$admin_user}}"

run_sql() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --no-password --username "$admin_user" --dbname "$admin_db" "$@"
}

for slug in "${AGENCIES[@]}"; do
  role="${DB_NAME_PREFIX}${slug}"
  database="${DB_NAME_PREFIX}${slug}_db"
  password_variable="${slug^^}_DB_PASSWORD"
  password="${!password_variable:-${slug}-local-only}"

  # psql passes :'name' as a quoted literal and format() quotes identifiers (%I) and literals (%L),
  # so no password or name reaches SQL unescaped.
  # CREATE DATABASE cannot run inside a DO block, hence the SELECT ... \gexec pattern.
  run_sql -v role="$role" -v database="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'role') \gexec
SQL
  echo "init-databases: role ${role} owns database ${database}"
done

# Belt and braces: no agency role keeps any privilege on another agency's database, even one
# granted by hand since the last run.
for slug in "${AGENCIES[@]}"; do
  others=()
  for other in "${AGENCIES[@]}"; do
    if [[ "$other" != "$slug" ]]; then others+=("${DB_NAME_PREFIX}${other}_db"); fi
  done
  run_sql -v role="${DB_NAME_PREFIX}${slug}" -v others="$(IFS=,; echo "${others[*]}")" <<'SQL'
SELECT format('REVOKE ALL ON DATABASE %I FROM %I', datname, :'role')
FROM pg_database WHERE datname = ANY (string_to_array(:'others', ',')) \gexec
SQL
done
