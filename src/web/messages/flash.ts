/**
 * A message for the next page, e.g. "your case number is …" or the removal notice after sending: kept in
 * memory (never in the URL, where it could be forged) and read once by the page it is for.
 */
export type Flash = { caseId: string; sent: boolean; notice: string | null };

let pending: Flash | null = null;

export function setFlash(flash: Flash): void {
  pending = flash;
}

export function takeFlash(caseId: string): Flash | null {
  if (pending?.caseId !== caseId) return null;
  const flash = pending;
  setTimeout(() => {
    if (pending === flash) pending = null; // later, not now: a development double render reads it twice
  }, 0);
  return flash;
}
