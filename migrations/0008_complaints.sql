-- Formal complaints (cardholder, phone, mail) and regulator (CFPB portal) complaints, each with its clocks.
-- Due dates are calendar dates in the issuer's time zone ('YYYY-MM-DD' text: sorts as text, no zone drift);
-- the instants stay in *_at. The narrative lives on the linked case as an encrypted message, never here.
CREATE TABLE complaints (
  id                   text PRIMARY KEY,
  customer_id          text NOT NULL REFERENCES customers(id),
  case_id              text NOT NULL REFERENCES cases(id),
  source               text NOT NULL CHECK (source IN ('cardholder', 'staff', 'regulator')),
  channel              text NOT NULL CHECK (channel IN ('secure_message', 'phone', 'mail', 'regulator')),
  category             text NOT NULL,
  product_line         text NOT NULL,
  desired_outcome      text,
  status               text NOT NULL CHECK (status IN ('received', 'acknowledged', 'responded', 'closed')),
  received_at          timestamptz NOT NULL,
  received_on          text NOT NULL CHECK (received_on ~ '^\d{4}-\d{2}-\d{2}$'),
  ack_due_on           text CHECK (ack_due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  response_due_on      text NOT NULL CHECK (response_due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  final_due_on         text NOT NULL CHECK (final_due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  acknowledged_at      timestamptz,
  acknowledged_on      text,
  responded_at         timestamptz,
  responded_on         text,
  response_message_id  text REFERENCES messages(id),
  closed_at            timestamptz,
  closed_on            text,
  root_cause           text,
  portal_complaint_id  text UNIQUE,
  regulator_product    text,
  regulator_response   text,
  recorded_by          text REFERENCES users(id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (status <> 'closed' OR (response_message_id IS NOT NULL AND root_cause IS NOT NULL))
);
CREATE INDEX complaints_status_idx ON complaints (status, response_due_on);
CREATE INDEX complaints_customer_idx ON complaints (customer_id, received_at DESC);

-- A complaint's cases: the one opened or linked for it, plus (regulator complaints) the customer's related cases.
CREATE TABLE complaint_cases (
  complaint_id  text NOT NULL REFERENCES complaints(id),
  case_id       text NOT NULL REFERENCES cases(id),
  PRIMARY KEY (complaint_id, case_id)
);
CREATE INDEX complaint_cases_case_idx ON complaint_cases (case_id);
