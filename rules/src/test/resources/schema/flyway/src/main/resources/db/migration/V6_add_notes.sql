-- One underscore after the version: Flyway does not take this for a migration.
ALTER TABLE accounts ADD COLUMN notes TEXT;
