import Papa from 'papaparse';

/**
 * Calls `onRecord` with the fields of each record in `text` (whole records, ending with a newline). Text without a
 * quote character is split directly, which is several times faster; quoted text goes through papaparse. Blank lines
 * are skipped. `onRecord` must not keep the array it is given: it may be reused for the next record.
 */
export function forEachRecord(text: string, delimiter: string, onRecord: (fields: string[]) => void): void {
  if (text.indexOf('"') < 0) {
    // One fields array is reused for every record (the callback must not keep it), which spares the GC a million arrays.
    const fields: string[] = [];
    const d = delimiter.charCodeAt(0);
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (stop > start) {
        fields.length = 0;
        let a = start;
        for (let i = start; i < stop; i++) {
          if (text.charCodeAt(i) === d) {
            fields.push(text.slice(a, i));
            a = i + 1;
          }
        }
        fields.push(text.slice(a, stop));
        onRecord(fields);
      }
      start = end + 1;
    }
    return;
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  for (const fields of parsed.data) onRecord(fields);
}
