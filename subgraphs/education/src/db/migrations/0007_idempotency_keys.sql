CREATE TYPE "public"."idempotency_state" AS ENUM('PENDING', 'DONE');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"caller_subject" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" "idempotency_state" NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_caller_subject_key_pk" PRIMARY KEY("caller_subject","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at" ON "idempotency_keys" USING btree ("created_at");