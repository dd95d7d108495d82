import type { ImageMeta, ImageRef } from '../model/index.js';
import { imageMeta } from './catalogue/lookup.js';
import { normalizeImage } from './reference/index.js';

/** An image outside any pod (e.g. `docker run ubuntu`): its normalized reference and what the catalogue knows. */
export function lookupImage(image: string): { ref: ImageRef | null; meta: ImageMeta } {
  const r = normalizeImage(image);
  const ref = r.ok ? r.ref : null;
  return { ref, meta: imageMeta(ref, null) };
}
