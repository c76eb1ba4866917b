CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now(); -- a ; inside the body
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE saved_runs (id BIGINT PRIMARY KEY, workspace_id BIGINT, published_run_id BIGINT, updated_at TIMESTAMP);
CREATE TRIGGER saved_runs_touch BEFORE UPDATE ON saved_runs FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
DO $body$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x') THEN CREATE TABLE x (id INT); END IF; END $body$;
/* a block comment; with a semicolon */
DROP TABLE IF EXISTS legacy_runs CASCADE;
