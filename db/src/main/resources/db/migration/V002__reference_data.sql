-- The review's seven themes, three dilemmas, England's nine regions and the ten deep-dive areas.
CREATE TABLE theme (
    code        text    PRIMARY KEY,
    position    integer NOT NULL UNIQUE,
    name        text    NOT NULL,
    description text    NOT NULL
);

INSERT INTO theme (code, position, name, description) VALUES
    ('SUPPORT',                1, 'Support',                'What support children referred to or involved with social care need'),
    ('STRENGTHENING_FAMILIES', 2, 'Strengthening families', 'Helping children stay safely with their families; balancing protection with the right to family life'),
    ('SAFETY',                 3, 'Safety',                 'Children who need care get there quickly and are safe there'),
    ('CARE',                   4, 'Care',                   'A positive, stable experience of care; long-term alternative families; returning home safely'),
    ('DELIVERY',               5, 'Delivery',               'Workforce, leadership, partnerships: what makes change deliverable'),
    ('SUSTAINABILITY',         6, 'Sustainability',         'The most sustainable, cost-effective way to deliver services'),
    ('ACCOUNTABILITY',         7, 'Accountability',         'Oversight of how the state and local areas discharge their duties');

CREATE TABLE dilemma (
    code        text    PRIMARY KEY,
    position    integer NOT NULL UNIQUE,
    name        text    NOT NULL,
    description text    NOT NULL
);

INSERT INTO dilemma (code, position, name, description) VALUES
    ('HELP_AND_PROTECTION',        1, 'Continuum of help and protection', 'Should the same professionals both help families and protect children?'),
    ('LOCAL_REGIONAL_NATIONAL',    2, 'Local, regional, national',        'Which parts belong at which level?'),
    ('FREEDOM_AND_RESPONSIBILITY', 3, 'Freedom and responsibility',       'Less prescription versus the risk of removing safeguards');

CREATE TABLE region (
    code     text    PRIMARY KEY,
    position integer NOT NULL UNIQUE,
    name     text    NOT NULL
);

INSERT INTO region (code, position, name) VALUES
    ('NORTH_EAST',               1, 'North East'),
    ('NORTH_WEST',               2, 'North West'),
    ('YORKSHIRE_AND_THE_HUMBER', 3, 'Yorkshire and the Humber'),
    ('EAST_MIDLANDS',            4, 'East Midlands'),
    ('WEST_MIDLANDS',            5, 'West Midlands'),
    ('EAST_OF_ENGLAND',          6, 'East of England'),
    ('LONDON',                   7, 'London'),
    ('SOUTH_EAST',               8, 'South East'),
    ('SOUTH_WEST',               9, 'South West');

-- The attributes the review chose areas by are recorded per area; unknown values stay empty.
CREATE TABLE area (
    id                        uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug                      text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                      text        NOT NULL,
    region                    text        NOT NULL REFERENCES region (code),
    population                integer,
    deprivation               text,
    urban_rural               text,
    ofsted_rating             text,
    spend_per_child           numeric(12, 2),
    children_entering_care    integer,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);

INSERT INTO area (slug, name, region) VALUES
    ('cumbria',                       'Cumbria',                      'NORTH_WEST'),
    ('camden',                        'Camden',                       'LONDON'),
    ('darlington',                    'Darlington',                   'NORTH_EAST'),
    ('nottinghamshire',               'Nottinghamshire',              'EAST_MIDLANDS'),
    ('peterborough',                  'Peterborough',                 'EAST_OF_ENGLAND'),
    ('north-lincolnshire',            'North Lincolnshire',           'YORKSHIRE_AND_THE_HUMBER'),
    ('enfield',                       'Enfield',                      'LONDON'),
    ('southampton',                   'Southampton',                  'SOUTH_EAST'),
    ('bath-and-north-east-somerset',  'Bath and North East Somerset', 'SOUTH_WEST'),
    ('wolverhampton',                 'Wolverhampton',                'WEST_MIDLANDS');
