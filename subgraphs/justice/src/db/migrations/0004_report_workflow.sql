CREATE TYPE "public"."report_state" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');--> statement-breakpoint
ALTER TABLE "progress_reports" DROP CONSTRAINT "progress_reports_action_period";--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "state" "report_state" DEFAULT 'APPROVED' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "submitted_by" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_action_period_revision" UNIQUE("action_code","period","revision");