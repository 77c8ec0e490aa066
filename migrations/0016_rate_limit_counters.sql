-- Rate-limit counters shared by every instance (ADR 0015). UNLOGGED: no WAL for a row written on
-- every request; after a crash or a failover to a standby the table starts empty, which only means
-- a fresh window for everyone.
CREATE UNLOGGED TABLE "rate_limit_counters" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp (3) with time zone NOT NULL
);
