-- Tokens expire (chosen per token at creation, 90 days by default), can be revoked, and show
-- when they were last used. A revoked token keeps its row, so the change log can name it.
ALTER TABLE api_token ADD COLUMN name varchar(100);
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
-- Tokens made before expiry existed keep working for the default lifetime from now.
UPDATE api_token SET expires_at = now() + interval '90 days';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE api_token ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_token ADD COLUMN revoked_at timestamptz;
CREATE INDEX api_token_by_user ON api_token (username, id);
-- A token made before the user's password last changed is refused.
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;
