/** FNV-1a over UTF-16 code units: stable choices (pull times, image sizes, generated names). */
export function fnvHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
