CREATE TABLE "meeting_snapshot_actions" (
	"meeting_id" text NOT NULL,
	"action_code" text NOT NULL,
	"responsible_agency" "agency_code" NOT NULL,
	"status" text NOT NULL,
	"due_date" date NOT NULL,
	"overdue" boolean NOT NULL,
	CONSTRAINT "meeting_snapshot_actions_meeting_id_action_code_pk" PRIMARY KEY("meeting_id","action_code")
);
--> statement-breakpoint
ALTER TABLE "meeting_snapshot_actions" ADD CONSTRAINT "meeting_snapshot_actions_meeting_id_meeting_snapshots_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting_snapshots"("meeting_id") ON DELETE no action ON UPDATE no action;