/**
 * Opens the browser's file picker and hands the chosen file to `onFile`. The input is made on each call and never
 * joins the page, so the page keeps one file input of its own (Load CSV).
 */
export function pickFile(accept: string, onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  }, { once: true });
  input.click();
}
