create sequence dataset_version_seq start with 1 increment by 50;

create table dataset_version (
    id          bigint primary key,
    name        varchar(64)  not null,
    version     integer      not null,
    sha256      char(64)     not null,
    size_bytes  bigint       not null,
    rows        bigint       not null,
    schema      jsonb        not null,
    created_by  varchar(255),
    created_at  timestamptz  not null,
    constraint dataset_version_name_version unique (name, version)
);
create index dataset_version_name_sha on dataset_version (name, sha256);

-- Messages written in the same transaction as the state that implies them; a relay sends and deletes them.
create table outbox (
    id          bigserial primary key,
    topic       varchar(255) not null,
    message_key varchar(255) not null,
    payload     text         not null,
    created_at  timestamptz  not null default now()
);
