/**
 * A picture as a `data:` URL, to show in an `<img>`: the kiosk's content security policy allows
 * images from the kiosk itself and `data:`, never `blob:` URLs.
 */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}
