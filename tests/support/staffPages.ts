// Signing in to the staff workspace in the browser tests, as a member would: the
// seeded accounts (supabase/seed.sql) and their password, from the test stack.
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export async function signIn(page: Page, email: string, password = inject('stack').staffPassword) {
  await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new browser context on `path`, signed in as `email`. */
export async function signedInPage(browser: Browser, email: string, path = '/staff', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${inject('stack').url}${path}`);
  await signIn(page, email);
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  return page;
}
