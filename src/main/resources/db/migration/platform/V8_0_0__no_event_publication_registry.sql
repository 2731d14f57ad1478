-- Spring Modulith's event publication registry was declared but no listener ever
-- published through it, so the table stayed empty. Work that must happen after a commit
-- will have a mechanism of its own, chosen with the work that needs it.
DROP TABLE IF EXISTS event_publication;
