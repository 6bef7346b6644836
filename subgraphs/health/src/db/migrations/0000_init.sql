CREATE TYPE "public"."action_status" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED');--> statement-breakpoint
CREATE TABLE "commitments" (
	"code" text PRIMARY KEY NOT NULL,
	"plan_version" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"as_of" date,
	"province_plate_code" text,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "indicator_measurements_natural_key" UNIQUE NULLS NOT DISTINCT("indicator_code","period","province_plate_code","source"),
	CONSTRAINT "indicator_measurements_period_format" CHECK ("indicator_measurements"."period" ~ '^[0-9]{4}-Q[1-4]$'),
	CONSTRAINT "indicator_measurements_plate_code" CHECK ("indicator_measurements"."province_plate_code" ~ '^(0[1-9]|[1-7][0-9]|8[01])$')
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_code" text NOT NULL,
	"period" text NOT NULL,
	"status" "action_status" NOT NULL,
	"percent_complete" integer NOT NULL,
	"narrative" text NOT NULL,
	"source" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_action_period" UNIQUE("action_code","period"),
	CONSTRAINT "progress_reports_percent_range" CHECK ("progress_reports"."percent_complete" between 0 and 100),
	CONSTRAINT "progress_reports_period_format" CHECK ("progress_reports"."period" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "service_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" text NOT NULL,
	"label_tr" text NOT NULL,
	"label_en" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"note" text,
	CONSTRAINT "service_figures_natural_key" UNIQUE("metric","as_of","source")
);
--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_action_code_commitments_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."commitments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_action_code_commitments_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."commitments"("code") ON DELETE no action ON UPDATE no action;