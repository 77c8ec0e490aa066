CREATE TABLE "care_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"referral_id" uuid,
	"consent_id" uuid,
	"legal_ground" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"postcode" text,
	"registered_by_organisation_id" uuid NOT NULL,
	"contact_channel" text DEFAULT 'phone' NOT NULL,
	"contact_language" text DEFAULT 'nl' NOT NULL,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"phone" text,
	"email" text,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"role" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"search_name" text NOT NULL,
	"birth_date" date,
	"bsn" text,
	"sex" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pregnancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"parity" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'ongoing' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"given_by" text NOT NULL,
	"representative_name" text,
	"receiver_organisation_id" uuid NOT NULL,
	"purposes" text[] NOT NULL,
	"data_categories" text[] NOT NULL,
	"form" text NOT NULL,
	"given_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by_id" uuid NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"reason" text,
	"actor_id" uuid,
	"organisation_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"response_working_days" integer DEFAULT 5 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"sender_organisation_id" uuid NOT NULL,
	"sender_person_id" uuid NOT NULL,
	"receiver_organisation_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"status_before_hold" text,
	"outcome" text,
	"consent_id" uuid,
	"legal_ground" text,
	"justification" text,
	"reason" text NOT NULL,
	"factor_keys" text[] DEFAULT '{}' NOT NULL,
	"screening_id" uuid,
	"requested_at" timestamp with time zone,
	"respond_by" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"assigned_to_id" uuid,
	"forwarded_from_id" uuid,
	"forwarded_to_id" uuid,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"resource" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"profile" jsonb,
	"support_tier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care_pathways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text NOT NULL,
	"factor_key" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caseload_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nurse_id" uuid,
	"tier" text NOT NULL,
	"suggested_tier" text,
	"judgement" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nurse_id" uuid,
	"kind" text NOT NULL,
	"planned_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"referral_id" uuid,
	"nurse_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reason_not_held" text,
	"held_on" date,
	"gestational_week" integer,
	"findings" jsonb,
	"follow_up" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"intervention_key" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"enrolled_by_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"drop_out_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "birth_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"pregnancy_id" uuid,
	"child_id" uuid,
	"birth_date" date NOT NULL,
	"gestational_age_days" integer NOT NULL,
	"birth_weight_grams" integer NOT NULL,
	"sex" text NOT NULL,
	"multiple_birth" boolean DEFAULT false NOT NULL,
	"live_born" boolean DEFAULT true NOT NULL,
	"preterm" boolean NOT NULL,
	"small_for_gestational_age" boolean NOT NULL,
	"big2" boolean NOT NULL,
	"reference_key" text NOT NULL,
	"maternity_care_received" boolean,
	"maternity_care_hours" integer,
	"organisation_id" uuid NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "two_year_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid,
	"measured_on" date NOT NULL,
	"age_months" integer,
	"speech_language_result" text,
	"weight_grams" integer,
	"length_cm" numeric(5, 1),
	"bmi" numeric(5, 2),
	"overweight" boolean,
	"obesity" boolean,
	"child_protection_measure" text,
	"child_protection_from" date,
	"child_protection_until" date,
	"out_of_home_placement_from" date,
	"out_of_home_placement_until" date,
	"organisation_id" uuid NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_reviewed_by_id_people_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_registered_by_organisation_id_organisations_id_fk" FOREIGN KEY ("registered_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pregnancies" ADD CONSTRAINT "pregnancies_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_id_people_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_settings" ADD CONSTRAINT "referral_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sender_organisation_id_organisations_id_fk" FOREIGN KEY ("sender_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sender_person_id_people_id_fk" FOREIGN KEY ("sender_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assigned_to_id_people_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_entries" ADD CONSTRAINT "caseload_entries_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_entries" ADD CONSTRAINT "caseload_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_entries" ADD CONSTRAINT "caseload_entries_nurse_id_people_id_fk" FOREIGN KEY ("nurse_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_nurse_id_people_id_fk" FOREIGN KEY ("nurse_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_nurse_id_people_id_fk" FOREIGN KEY ("nurse_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_enrolled_by_id_people_id_fk" FOREIGN KEY ("enrolled_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_outcomes" ADD CONSTRAINT "birth_outcomes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_outcomes" ADD CONSTRAINT "birth_outcomes_pregnancy_id_pregnancies_id_fk" FOREIGN KEY ("pregnancy_id") REFERENCES "public"."pregnancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_outcomes" ADD CONSTRAINT "birth_outcomes_child_id_family_members_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_outcomes" ADD CONSTRAINT "birth_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birth_outcomes" ADD CONSTRAINT "birth_outcomes_recorded_by_id_people_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_year_outcomes" ADD CONSTRAINT "two_year_outcomes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_year_outcomes" ADD CONSTRAINT "two_year_outcomes_child_id_family_members_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_year_outcomes" ADD CONSTRAINT "two_year_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_year_outcomes" ADD CONSTRAINT "two_year_outcomes_recorded_by_id_people_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_relationships_organisation_idx" ON "care_relationships" USING btree ("organisation_id","family_id");--> statement-breakpoint
CREATE INDEX "care_relationships_family_idx" ON "care_relationships" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "emergency_accesses_person_idx" ON "emergency_accesses" USING btree ("person_id","family_id");--> statement-breakpoint
CREATE INDEX "families_municipality_idx" ON "families" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "family_members_family_idx" ON "family_members" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "family_members_bsn_idx" ON "family_members" USING btree ("bsn");--> statement-breakpoint
CREATE INDEX "family_members_name_idx" ON "family_members" USING btree ("search_name","birth_date");--> statement-breakpoint
CREATE INDEX "family_members_search_name_prefix_idx" ON "family_members" USING btree ("search_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pregnancies_family_idx" ON "pregnancies" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "consents_family_idx" ON "consents" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_idempotency_unique" ON "referrals" USING btree ("sender_person_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "referrals_receiver_idx" ON "referrals" USING btree ("receiver_organisation_id","status","respond_by");--> statement-breakpoint
CREATE INDEX "referrals_sender_idx" ON "referrals" USING btree ("sender_organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "referrals_family_idx" ON "referrals" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "referrals_municipality_idx" ON "referrals" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_url_version_unique" ON "questionnaires" USING btree ("url","version");--> statement-breakpoint
CREATE INDEX "screenings_family_idx" ON "screenings" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_pathways_scope_factor_unique" ON "care_pathways" USING btree ("scope_kind","scope_code","factor_key");--> statement-breakpoint
CREATE INDEX "caseload_entries_organisation_idx" ON "caseload_entries" USING btree ("organisation_id","nurse_id");--> statement-breakpoint
CREATE INDEX "caseload_entries_family_idx" ON "caseload_entries" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "contact_moments_family_idx" ON "contact_moments" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "contact_moments_nurse_idx" ON "contact_moments" USING btree ("organisation_id","nurse_id","planned_on");--> statement-breakpoint
CREATE INDEX "home_visits_family_idx" ON "home_visits" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "enrolments_family_idx" ON "enrolments" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "birth_outcomes_family_idx" ON "birth_outcomes" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "two_year_outcomes_family_idx" ON "two_year_outcomes" USING btree ("family_id");