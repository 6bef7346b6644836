CREATE TYPE "public"."part_acceptance" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED');--> statement-breakpoint
CREATE TABLE "action_parts" (
	"action_code" text PRIMARY KEY NOT NULL,
	"responsible_agency" text NOT NULL,
	"acceptance" "part_acceptance" DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"contribution_status" "action_status" DEFAULT 'NOT_STARTED' NOT NULL,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text DEFAULT 'seed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_parts_declined_with_reason" CHECK ("action_parts"."acceptance" <> 'DECLINED' or ("action_parts"."reason" is not null and btrim("action_parts"."reason") <> ''))
);
