-- Why a job left a record out, by message code (JSON: code, arguments), so that the page
-- says it in the reader's language; the English text stays in message for the API and logs.
ALTER TABLE job_error ADD COLUMN said text;
