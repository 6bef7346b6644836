CREATE TYPE "public"."audit_kind" AS ENUM('WRITE', 'READ');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"kind" "audit_kind" NOT NULL,
	"actor" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_agency" text,
	"client_id" text NOT NULL,
	"operation" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_ids" text[] NOT NULL,
	"before_version" integer,
	"after_version" integer,
	"detail" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_prev_hash" UNIQUE("prev_hash"),
	CONSTRAINT "audit_log_hash" UNIQUE("hash"),
	CONSTRAINT "audit_log_prev_hash_hex" CHECK ("audit_log"."prev_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_log_hash_hex" CHECK ("audit_log"."hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "audit_log_kind_seq" ON "audit_log" USING btree ("kind","seq");