CREATE TYPE "public"."agency_code" AS ENUM('FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR');--> statement-breakpoint
CREATE TYPE "public"."coordination_level" AS ENUM('CENTRAL', 'PROVINCIAL', 'DISTRICT');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('DAY', 'MONTH');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('INCREASE', 'DECREASE', 'MAINTAIN');--> statement-breakpoint
CREATE TYPE "public"."period_type" AS ENUM('QUARTER', 'YEAR');--> statement-breakpoint
CREATE TYPE "public"."strategy_event_kind" AS ENUM('ADOPTED', 'REVISION_DECIDED', 'WORKING_GROUP_MEETING', 'WORKING_GROUP_MEETING_PLANNED', 'WORKSHOPS', 'APPROVED');--> statement-breakpoint
CREATE TYPE "public"."working_group_role" AS ENUM('COORDINATOR', 'MEMBER');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED');--> statement-breakpoint
CREATE TABLE "action_collaborators" (
	"action_code" text NOT NULL,
	"institution_code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "action_collaborators_action_code_institution_code_pk" PRIMARY KEY("action_code","institution_code")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"code" text PRIMARY KEY NOT NULL,
	"goal_code" text NOT NULL,
	"position" integer NOT NULL,
	"plan_version" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"responsible_agency" "agency_code" NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "actions_date_order" CHECK ("actions"."start_date" <= "actions"."due_date")
);
--> statement-breakpoint
CREATE TABLE "coordination_bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"level" "coordination_level" NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"province_plate_code" text,
	"district" text,
	"chair" text NOT NULL,
	"meeting_frequency" text NOT NULL,
	"secretariat" text,
	"note" text,
	"source" text NOT NULL,
	CONSTRAINT "coordination_bodies_place" UNIQUE NULLS NOT DISTINCT("level","province_plate_code","district"),
	CONSTRAINT "coordination_bodies_level_place" CHECK (("coordination_bodies"."level" = 'CENTRAL' and "coordination_bodies"."province_plate_code" is null and "coordination_bodies"."district" is null)
        or ("coordination_bodies"."level" = 'PROVINCIAL' and "coordination_bodies"."province_plate_code" is not null and "coordination_bodies"."district" is null)
        or ("coordination_bodies"."level" = 'DISTRICT' and "coordination_bodies"."province_plate_code" is not null and "coordination_bodies"."district" is not null))
);
--> statement-breakpoint
CREATE TABLE "edition_adoption_dates" (
	"edition_code" text NOT NULL,
	"date" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "edition_adoption_dates_edition_code_date_source_pk" PRIMARY KEY("edition_code","date","source")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"action_code" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"period_type" "period_type" NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"agency" "agency_code",
	"role" "working_group_role" NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "institutions_agency_unique" UNIQUE("agency")
);
--> statement-breakpoint
CREATE TABLE "legal_references" (
	"reference" text PRIMARY KEY NOT NULL,
	"document_code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"date" date,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"body_confirmed" boolean NOT NULL,
	"number" integer,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"decisions" text[] NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"plate_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "provinces_name_unique" UNIQUE("name"),
	CONSTRAINT "provinces_plate_code" CHECK ("provinces"."plate_code" ~ '^(0[1-9]|[1-7][0-9]|8[01])$')
);
--> statement-breakpoint
CREATE TABLE "strategic_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_goals" (
	"code" text PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_documents" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_editions" (
	"code" text PRIMARY KEY NOT NULL,
	"document_code" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"adoption_date_disputed" boolean NOT NULL,
	"note" text,
	CONSTRAINT "strategy_editions_period_order" CHECK ("strategy_editions"."period_start" <= "strategy_editions"."period_end")
);
--> statement-breakpoint
CREATE TABLE "strategy_events" (
	"edition_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" "strategy_event_kind" NOT NULL,
	"date_precision" date_precision NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "strategy_events_edition_code_date_kind_pk" PRIMARY KEY("edition_code","date","kind")
);
--> statement-breakpoint
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
ALTER TABLE "action_collaborators" ADD CONSTRAINT "action_collaborators_action_code_actions_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."actions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_collaborators" ADD CONSTRAINT "action_collaborators_institution_code_institutions_code_fk" FOREIGN KEY ("institution_code") REFERENCES "public"."institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_goal_code_strategic_goals_code_fk" FOREIGN KEY ("goal_code") REFERENCES "public"."strategic_goals"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_bodies" ADD CONSTRAINT "coordination_bodies_province_plate_code_provinces_plate_code_fk" FOREIGN KEY ("province_plate_code") REFERENCES "public"."provinces"("plate_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_adoption_dates" ADD CONSTRAINT "edition_adoption_dates_edition_code_strategy_editions_code_fk" FOREIGN KEY ("edition_code") REFERENCES "public"."strategy_editions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_action_code_actions_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."actions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_references" ADD CONSTRAINT "legal_references_document_code_strategy_documents_code_fk" FOREIGN KEY ("document_code") REFERENCES "public"."strategy_documents"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_coordination_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."coordination_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_goals" ADD CONSTRAINT "strategic_goals_area_code_strategic_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."strategic_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_editions" ADD CONSTRAINT "strategy_editions_document_code_strategy_documents_code_fk" FOREIGN KEY ("document_code") REFERENCES "public"."strategy_documents"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_events" ADD CONSTRAINT "strategy_events_edition_code_strategy_editions_code_fk" FOREIGN KEY ("edition_code") REFERENCES "public"."strategy_editions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_action_code_commitments_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."commitments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_action_code_commitments_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."commitments"("code") ON DELETE no action ON UPDATE no action;