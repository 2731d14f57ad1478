-- The other system a write came from (X-Source-System), kept with each change it made and
-- each change the sync carried from it.
ALTER TABLE change_log ADD COLUMN source_system varchar(40);
-- A coupling is logged as the field externalIds.<system>, with a system name of up to 40.
ALTER TABLE change_log ALTER COLUMN field TYPE varchar(60);
