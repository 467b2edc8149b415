-- Run once by the postgres image's entrypoint, on the first start with an empty data directory
-- (docker-entrypoint-initdb.d), as POSTGRES_USER. That user owns all four databases; each service runs
-- its own Flyway migrations in its database at start.
-- Not exercised by the automated tests: no Docker engine exists where they run.
CREATE DATABASE router;
CREATE DATABASE gateway;
CREATE DATABASE webhook;
CREATE DATABASE slack;
