/** The browser saves a sync file where the admin chooses (a USB stick): a download of its text. */
export function saveSyncFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it started
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The text of a file picked from a USB stick; the picker is cleared so the same file can be picked again. */
export async function pickedFileText(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  const text = await file.text();
  input.value = '';
  return { name: file.name, text };
}
