-- The data version the cache of rendered pages is keyed on (app/utils/page-cache.server.ts, ADR 0010).
--
-- Every statement that writes to a table a kept page can read (all tables but those listed below) takes a shared
-- advisory lock for the rest of its transaction, then moves the sequence "data_version_seq" on. "data_version()"
-- reads the sequence, then answers NULL ("cannot be kept") while any such transaction holds the lock (in this
-- database: advisory locks are per database, pg_locks shows the whole cluster's), else the
-- sequence's value. A page read after data_version() answered v is, while data_version() still answers v, exactly
-- what the database holds: a write that ended since then either moved the sequence on after v was read (so the
-- value differs), or moved it before v was read, and then held the lock while v was read (so it answered NULL).
-- Transaction locks are released after the commit becomes visible, so "no lock" means every counted write is seen.
--
-- Not counted, because no kept page reads them (tests/api/page-data-version.test.ts checks both facts): sessions
-- (the idle clock writes once a minute per signed-in person), sign-in attempts, password-reset links, API tokens
-- (their last use), the audit trail (sign-ins, downloads), notifications and the e-mail outbox. Every other table
-- must have the trigger (the same test fails for a new table without one).
CREATE SEQUENCE "data_version_seq" AS bigint;

CREATE FUNCTION "data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The lock first, then the sequence (data_version() relies on this order).
  PERFORM pg_advisory_xact_lock_shared(20261130, 1);
  PERFORM nextval('data_version_seq');
  RETURN NULL;
END;
$$;

CREATE FUNCTION "data_version"() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v bigint;
BEGIN
  -- The sequence first, then the locks (see the top of this file).
  -- 0 until the first write (nextval's first value is the sequence's start value, 1).
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO v FROM "data_version_seq";
  IF EXISTS (
    SELECT 1 FROM pg_locks
     WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = 20261130 AND objid = 1 AND objsubid = 2
  ) THEN
    RETURN NULL;
  END IF;
  RETURN v;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('_prisma_migrations', 'session', 'login_attempt', 'password_reset', 'api_token',
                              'audit_event', 'notification', 'email_outbox')
     ORDER BY table_name
  LOOP
    EXECUTE format(
      'CREATE TRIGGER "%s_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"()',
      t, t);
  END LOOP;
END;
$$;
