import { describe, expect, it } from 'vitest';
import { chosenFileProblem, inStorage, photoName } from './officerPhoto.ts';

describe('officerPhoto', () => {
  it('takes any image up to 20 MB, and says why another file is refused before working on it', () => {
    expect(chosenFileProblem({ type: 'image/jpeg', size: 5_000_000 })).toBeUndefined();
    expect(chosenFileProblem({ type: 'image/heic', size: 5_000_000 })).toBeUndefined();
    expect(chosenFileProblem({ type: 'application/pdf', size: 1_000 })).toBe('notImage');
    expect(chosenFileProblem({ type: '', size: 1_000 })).toBe('notImage');
    expect(chosenFileProblem({ type: 'image/png', size: 20 * 1024 * 1024 + 1 })).toBe('tooBig');
  });

  it('names each upload anew in the officer’s folder, with the extension of what the browser wrote', () => {
    expect(photoName('ana-lopez', 'image/webp', 'v1')).toBe('ana-lopez/v1.webp');
    expect(photoName('ana-lopez', 'image/jpeg', 'v2')).toBe('ana-lopez/v2.jpg');
    expect(photoName('ana-lopez', 'image/webp')).not.toBe(photoName('ana-lopez', 'image/webp'));
    expect(photoName('ana-lopez', 'image/webp')).toMatch(/^ana-lopez\/[0-9a-f]{16}\.webp$/);
  });

  it('tells a photo in Storage from a file name imported from a content folder', () => {
    expect(inStorage('ana-lopez/v1.webp')).toBe(true);
    expect(inStorage('ana-lopez.jpg')).toBe(false);
    expect(inStorage(null)).toBe(false);
  });
});
