// An officer's photo as the workspace prepares it: any image a phone or camera
// gives, cropped to a centred square and resized in the browser to 400×400
// WebP (JPEG where the browser cannot write WebP), then uploaded to Storage's
// bucket officer-photos under a new name each time, <officer_id>/<version>.webp,
// so a new photo is a changed row that is published and kept in the history.
import type { SupabaseClient } from '@supabase/supabase-js';
import { officerPhotoBucket, officerPhotoMaxBytes } from '../../../lib/content/officerPhotos.ts';

/** The photo's side in pixels: twice the largest size the site shows it at, for sharp screens. */
export const photoSide = 400;

/** The largest file the browser is asked to open: more is not a photo of a person but a risk of running out of memory. */
export const largestChosenFile = 20 * 1024 * 1024;

export type PhotoProblem = 'notImage' | 'tooBig' | 'unreadable';

/** Why a chosen file cannot be the photo, before any work is done on it; undefined when it may be. */
export function chosenFileProblem(file: { type: string; size: number }): PhotoProblem | undefined {
  if (!file.type.startsWith('image/')) return 'notImage';
  if (file.size > largestChosenFile) return 'tooBig';
  return undefined;
}

/** A new name for an officer's photo in the bucket: a new upload never replaces what the site may still be building from. */
export function photoName(officer: string, type: string, version: string = crypto.randomUUID().replaceAll('-', '').slice(0, 16)): string {
  return `${officer}/${version}.${type === 'image/webp' ? 'webp' : 'jpg'}`;
}

/** Whether a photo name is one the workspace uploaded (a file imported from a folder is only a file name). */
export const inStorage = (photo: string | null | undefined): photo is string => typeof photo === 'string' && photo.includes('/');

/**
 * The centred square of the image, `photoSide` pixels a side, as WebP (JPEG if the browser cannot
 * write WebP). Throws 'unreadable' when the browser cannot decode the file, 'tooBig' if the result
 * would not fit the bucket (it never comes near).
 */
export async function squarePhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error('unreadable' satisfies PhotoProblem);
  }
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = photoSide;
  canvas.height = photoSide;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('unreadable' satisfies PhotoProblem);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, photoSide, photoSide);
  bitmap.close();
  const encode = (type: string) => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
  let photo = await encode('image/webp');
  // A browser that cannot write WebP writes PNG instead: JPEG is smaller for a photo.
  if (!photo || photo.type !== 'image/webp') photo = await encode('image/jpeg');
  if (!photo) throw new Error('unreadable' satisfies PhotoProblem);
  if (photo.size > officerPhotoMaxBytes) throw new Error('tooBig' satisfies PhotoProblem);
  return photo;
}

/** Uploads the prepared photo under a new name; the name, or the refusal's message. */
export async function uploadPhoto(client: SupabaseClient, officer: string, photo: Blob): Promise<{ name: string } | { refused: string }> {
  const name = photoName(officer, photo.type);
  const { error } = await client.storage.from(officerPhotoBucket).upload(name, photo, { contentType: photo.type, cacheControl: '31536000', upsert: false });
  return error ? { refused: error.message } : { name };
}

/** Removes photos the profile no longer names; a failure leaves a file no page shows, so it is not worth an error. */
export async function removePhotos(client: SupabaseClient, names: string[]): Promise<void> {
  const stored = names.filter(inStorage);
  if (stored.length > 0) await client.storage.from(officerPhotoBucket).remove(stored);
}

/** The photo as a data: address, for a preview the workspace's CSP allows wherever the API is. */
export function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The saved photo's preview: downloaded from the bucket's public address (the page may not show images from the API's origin). */
export async function savedPhotoPreview(client: SupabaseClient, name: string): Promise<string | undefined> {
  if (!inStorage(name)) return undefined;
  const response = await fetch(client.storage.from(officerPhotoBucket).getPublicUrl(name).data.publicUrl).catch(() => undefined);
  return response?.ok ? dataUrl(await response.blob()) : undefined;
}
