import { describe, expect, it, vi } from 'vitest';
import { siteUrl } from './siteUrl.ts';

describe('siteUrl', () => {
  it('uses PUBLIC_SITE_URL, without a trailing slash, and keeps a path the site is served under', () => {
    expect(siteUrl('Alderbrook', { PUBLIC_SITE_URL: 'https://police.alderbrook.example/' })).toBe('https://police.alderbrook.example');
    expect(siteUrl('Alderbrook', { PUBLIC_SITE_URL: 'https://city.example/police/' })).toBe('https://city.example/police');
  });

  it('refuses a PUBLIC_SITE_URL that is not a URL, rather than print it on every flyer', () => {
    expect(() => siteUrl('Alderbrook', { PUBLIC_SITE_URL: 'police.alderbrook.example' })).toThrow(/PUBLIC_SITE_URL is not a URL/);
  });

  it('falls back to the jurisdiction under .example, and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(siteUrl('Alderbrook', {})).toBe('https://alderbrook.example');
    expect(siteUrl('San José del Valle', {})).toBe('https://san-jose-del-valle.example');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/PUBLIC_SITE_URL is not set/);
    warn.mockRestore();
  });
});
