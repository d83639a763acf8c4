-- Written notices (issue 4, item 6): letters rendered from templates and sent as a Secure Message Center
-- message with the PDF attached (the attachment keeps the sealed PDF in the blob store). The HTML letter as
-- issued is kept here, sealed like a message body, so the letter can be shown again exactly as it was sent
-- even after its template changes. `subject_type`/`subject_id` name what the letter is about (a complaint,
-- a dispute …) without a foreign key, so any module can issue notices.
CREATE TABLE notices (
  id                text PRIMARY KEY,
  case_id           text NOT NULL REFERENCES cases(id),
  customer_id       text NOT NULL REFERENCES customers(id),
  kind              text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,59}$'),
  template_version  integer NOT NULL CHECK (template_version > 0),
  title             text NOT NULL,
  subject_type      text,
  subject_id        text,
  message_id        text NOT NULL REFERENCES messages(id),
  attachment_id     text NOT NULL REFERENCES attachments(id),
  html              bytea NOT NULL,
  issued_by         text REFERENCES users(id),
  issued_by_name    text NOT NULL,
  issued_on         text NOT NULL CHECK (issued_on ~ '^\d{4}-\d{2}-\d{2}$'),
  issued_at         timestamptz NOT NULL,
  CHECK ((subject_type IS NULL) = (subject_id IS NULL))
);
CREATE INDEX notices_case_idx ON notices (case_id, issued_at);
CREATE INDEX notices_subject_idx ON notices (subject_type, subject_id);
