CREATE TYPE "public"."agenda_item_kind" AS ENUM('GOAL', 'ACTION', 'INDICATOR', 'FOLLOW_UP');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('OPEN', 'DONE');--> statement-breakpoint
CREATE TYPE "public"."meeting_state" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "agenda_item_kind" NOT NULL,
	"ref_code" text NOT NULL,
	"note" text,
	"carried_from_decision_id" text,
	CONSTRAINT "agenda_items_meeting_position" UNIQUE("meeting_id","position"),
	CONSTRAINT "agenda_items_follow_up" CHECK (("agenda_items"."kind" = 'FOLLOW_UP') = ("agenda_items"."carried_from_decision_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner_agency" "agency_code" NOT NULL,
	"due_date" date NOT NULL,
	"status" "follow_up_status" DEFAULT 'OPEN' NOT NULL,
	"done_note" text,
	"done_by" text,
	"done_at" timestamp with time zone,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decisions_meeting_position" UNIQUE("meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "due_date_revisions" (
	"action_code" text NOT NULL,
	"revision" integer NOT NULL,
	"due_date" date NOT NULL,
	"previous_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "due_date_revisions_action_code_revision_pk" PRIMARY KEY("action_code","revision"),
	CONSTRAINT "due_date_revisions_revision" CHECK ("due_date_revisions"."revision" >= 1),
	CONSTRAINT "due_date_revisions_reason" CHECK (length(trim("due_date_revisions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_snapshots" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" text NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "state" "meeting_state" DEFAULT 'CLOSED' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_carried_from_decision_id_decisions_id_fk" FOREIGN KEY ("carried_from_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "due_date_revisions" ADD CONSTRAINT "due_date_revisions_action_code_actions_code_fk" FOREIGN KEY ("action_code") REFERENCES "public"."actions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ADD CONSTRAINT "meeting_snapshots_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_owner_status" ON "decisions" USING btree ("owner_agency","status");