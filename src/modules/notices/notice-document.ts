/**
 * A written notice as structured content, before it becomes HTML or PDF. Both renderers read the same
 * document, so the letter a cardholder opens in the browser and the PDF they download say the same thing.
 */
export type Letterhead = {
  issuerName: string;
  addressLines: string[];
  phone: string | null;
  phoneHours: string | null;
  web: string | null;
};

export type Fact = { label: string; value: string };

export type NoticeBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; items: Fact[] }
  | { type: 'quote'; text: string };

export type NoticeDocument = {
  title: string;
  letterhead: Letterhead;
  /** Shown under the letterhead: date, case number, reference numbers. */
  reference: Fact[];
  greeting: string;
  blocks: NoticeBlock[];
  signOff: string;
  signature: { name: string; agentCode: string | null; role: string };
  footer: string;
};
