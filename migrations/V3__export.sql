-- Exports take their text from PostgreSQL (COPY writes the CSV); these functions make that text agree with the
-- JSON API to the character.

-- A timestamp as the API writes it (Java's Instant.toString): UTC with 'Z', the fraction only as far as needed, in
-- groups of three digits.
create function iso_instant(t timestamptz) returns text
    language sql stable strict parallel safe
    return regexp_replace(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '(\.000000|000)$', '') || 'Z';

-- OWASP's advice against CSV injection: a cell that a spreadsheet would run as a formula (it starts with =, +, -,
-- @, tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
create function spreadsheet_safe(cell text) returns text
    language sql immutable strict parallel safe
    return case when left(cell, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || cell else cell end;
