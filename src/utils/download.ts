// Long enough for any browser to have taken the file over from the link.
const REVOKE_AFTER_MS = 1_000;

/**
 * Hands text to the browser as a file download. Made in the page (a Blob
 * behind a `download` link), so it needs nothing from the server and works
 * under a `default-src 'self'` policy.
 */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
