-- Repair of 0008's backfill (issue 12 item 7). 0008 filled family_name_key for existing clients with
-- an SQL approximation that kept accents (and, in a C-locale database, dropped non-ASCII letters and
-- left leading particles such as "'t"), while the application strips accents: "Özdemir" got "özdemir"
-- (or "zdemir"), so a search for "Ozdemir" or "Özdemir" (both searched as "ozdemir") missed them.
-- The exact key is the application's normaliseName (Unicode NFD, marks removed), which PostgreSQL
-- cannot reproduce on every server and not at all on PGlite (no unaccent, locale-dependent lower()).
-- So this migration only forgets every key; the same start-up transaction then fills each missing
-- key with the application's own function (fillFamilyNameKeys, run by migrate() under the lock):
-- no instance ever sees the forgotten keys (ADR 0016).
UPDATE "family_members" SET "family_name_key" = NULL;
