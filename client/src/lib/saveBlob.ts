/** Saves a blob the browser made (a PNG drawn from a figure) as a download with this file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // revoked later: some browsers start the download only after the click handler returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
