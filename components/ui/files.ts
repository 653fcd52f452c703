/** Offers `text` as a file download (no downloads permission needed from an extension page). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoke later so slow browsers still read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The chosen files as names and text (UTF-8, byte-order mark kept for the parser to handle). */
export function readTextFiles(files: FileList | null): Promise<{ name: string; text: string }[]> {
  return Promise.all([...(files ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
}
