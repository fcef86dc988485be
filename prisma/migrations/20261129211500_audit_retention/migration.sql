-- Retention (docs/decisions/0009-retention.md). Hand-written: no change to schema.prisma.
--
-- The audit trail stays append-only, with one narrow exception for the retention job (graphql/jobs/retention.ts):
-- inside a transaction that has set `portal.retention = 'on'` (SET LOCAL / set_config(..., true)), an UPDATE may
-- set the details of an event (before, after, ip_address) to NULL and change nothing else. Who, when, what, which
-- operation, which record and which request stay forever. Every other UPDATE, every DELETE and every TRUNCATE is
-- still refused, for everyone.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('portal.retention', true) = 'on' THEN
    -- Every column but the details must be exactly as it was (compared as a whole row, so a column added to
    -- audit_event later is protected too).
    IF (to_jsonb(NEW) - 'before' - 'after' - 'ip_address') IS DISTINCT FROM (to_jsonb(OLD) - 'before' - 'after' - 'ip_address') THEN
      RAISE EXCEPTION 'audit_event is append-only: retention may only remove the details (before, after, ip_address) of an event'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- A detail may only stay as it was or become NULL: never a new value.
    IF (NEW."before" IS NOT NULL AND NEW."before" IS DISTINCT FROM OLD."before")
       OR (NEW."after" IS NOT NULL AND NEW."after" IS DISTINCT FROM OLD."after")
       OR (NEW."ip_address" IS NOT NULL AND NEW."ip_address" IS DISTINCT FROM OLD."ip_address") THEN
      RAISE EXCEPTION 'audit_event is append-only: retention may only set details to NULL'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
