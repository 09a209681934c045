-- How the scanner reaches a target: STARTTLS protocol, and every resolved address or just one.
alter table scan_target
    add column starttls      varchar(10) not null default 'NONE'
        check (starttls in ('NONE', 'SMTP', 'IMAP', 'POP3', 'FTP', 'LDAP', 'POSTGRES')),
    add column all_addresses boolean     not null default false;
