ALTER TABLE "indicator_measurements" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "recorded_by" text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "authors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Revisions written before their authors were kept get them from the record: the audit log's
-- saves, corrections and submissions of each revision, its last writer and its submitter.
UPDATE "progress_reports" AS r SET "authors" = coalesce((
  SELECT array_agg(DISTINCT known.who ORDER BY known.who) FROM (
    SELECT a."actor" AS who FROM "audit_log" AS a
      WHERE a."kind" = 'WRITE' AND a."entity_type" = 'ProgressReport'
        AND a."operation" IN ('saveProgressReport', 'correctProgressReport', 'submitProgressReport')
        AND a."entity_ids"[1] = r."id"::text
    UNION SELECT r."reported_by" WHERE r."reported_by" <> 'seed'
    UNION SELECT r."submitted_by" WHERE r."submitted_by" IS NOT NULL
  ) AS known
), '{}'::text[]);
