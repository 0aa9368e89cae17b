/**
 * One CSV field as RFC 4180 writes it: quoted, with quotes doubled, only when a comma, quote, CR or LF would otherwise
 * split it. The one quoting rule every CSV the app or CLI writes uses (scores, regression fixtures).
 */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
