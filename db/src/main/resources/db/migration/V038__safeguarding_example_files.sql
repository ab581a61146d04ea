-- The shipped safeguarding examples now come in more than one file (ordinary care histories were added in a
-- later release, ADR 48), and each file is loaded once: the first time a node that ships it starts. One row per
-- file loaded, so a file added later reaches a database that already has the earlier ones, and an example the
-- lead removed does not come back.
CREATE TABLE safeguarding_example_file (
    file      text        PRIMARY KEY,
    loaded_at timestamptz NOT NULL
);

-- A database that has the first file has its marker already.
INSERT INTO safeguarding_example_file (file, loaded_at)
SELECT 'safeguarding/examples.tsv', seeded_at FROM safeguarding_example_seed;

-- safeguarding_example_seed stays for this release (expand, then contract: the release before this one still
-- reads it, and this one still writes it for the first file); it can be dropped once no node of that release
-- is left.
