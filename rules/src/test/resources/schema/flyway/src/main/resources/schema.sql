-- Spring Boot runs this before Flyway: reference data every environment needs.
CREATE TABLE currencies (
    code CHAR(3) PRIMARY KEY,
    name VARCHAR(64) NOT NULL
);
