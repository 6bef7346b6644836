ALTER TABLE "progress_reports" ADD COLUMN "reported_by" text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;