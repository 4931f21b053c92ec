/** Saves text as a file through the browser's own download, named `name`. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the blob to the download; the page need not keep it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
