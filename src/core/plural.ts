/** A count with its noun: "1 row", "3 rows"; `many` for nouns whose plural is not noun + "s". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
