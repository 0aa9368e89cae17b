/** Saves bytes, text or a Blob as a file through a temporary object URL (nothing leaves the machine). */
export function download(data: Uint8Array | string | Blob, fileName: string, type: string): void {
  const part = typeof data === 'string' || data instanceof Blob ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoke later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
