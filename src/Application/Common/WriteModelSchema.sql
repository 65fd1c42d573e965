-- Write-side tables outside the event log: id sequences and unique-name reservations.
CREATE TABLE IF NOT EXISTS unique_names (
    kind    text    NOT NULL,
    name    text    NOT NULL,
    owner   bigint  NOT NULL,
    PRIMARY KEY (kind, name)
);
