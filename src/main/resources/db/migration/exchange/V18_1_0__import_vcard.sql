-- A .vcf file is imported as the rows of its cards (docs/import.md, "vCard").
ALTER TABLE import DROP CONSTRAINT import_format_valid;
ALTER TABLE import ADD CONSTRAINT import_format_valid CHECK (format IN ('CSV', 'XLSX', 'VCARD'));
