// @ts-check
// Shared steps for the validator specs: open the page the way a user does and
// read what the page shows.

import { expect } from '@playwright/test';

/** @typedef {import('@playwright/test').Page} Page */

/**
 * Opens the validator on a clean slate and waits until the kit is loaded.
 * @param {Page} page
 * @param {{ keepStorage?: boolean }} [options]
 */
export async function openValidator(page, options = {}) {
  await page.goto('/');
  if (!options.keepStorage) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
  // The views and the installed-app code loaded after the first result are in.
  await expect(page.locator('html')).toHaveAttribute('data-loaded', 'all');
}

/** @param {Page} page */
export function textBox(page) {
  return page.locator('#input');
}

/**
 * Replaces the text box's content the way a paste does (one input event);
 * much faster than typing for very large texts.
 * @param {Page} page
 * @param {string} text
 */
export async function pasteText(page, text) {
  await page.locator('#input').evaluate((el, value) => {
    const ta = /** @type {HTMLTextAreaElement} */ (el);
    ta.focus();
    ta.value = value;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** @param {Page} page */
export function summary(page) {
  return page.locator('#summary');
}

/**
 * The rule codes listed in the diagnostics panel, in order.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function listedCodes(page) {
  return page.locator('#diag-list .diag-code').allTextContents();
}

/**
 * The list item of the first diagnostic with that code.
 * @param {Page} page
 * @param {string} code
 */
export function diagnostic(page, code) {
  return page.locator(`#diag-list li[data-code="${code}"]`).first();
}

/**
 * Highlight marks (in the mirror behind the text box) whose text is exactly `text`.
 * @param {Page} page
 * @param {string} text
 */
export function markOver(page, text) {
  return page.locator('#mirror mark').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
}

/**
 * Clicks an example button by its accessible name, e.g. "Broken MTA-STS policy".
 * @param {Page} page
 * @param {string} name
 */
export async function loadExample(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * The text currently selected in the text box.
 * @param {Page} page
 */
export async function selectedText(page) {
  return page.locator('#input').evaluate((el) => {
    const ta = /** @type {HTMLTextAreaElement} */ (el);
    return ta.value.slice(ta.selectionStart, ta.selectionEnd);
  });
}

/** @param {string} s */
export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens the generator and waits until its outputs are drawn. Each test has a
 * fresh browser context, so the form starts empty.
 * @param {Page} page
 */
export async function openGenerator(page) {
  await page.goto('/#generator');
  await generatorReady(page);
}

/**
 * Waits until the kit is loaded and the generator has drawn its outputs.
 * @param {Page} page
 */
export async function generatorReady(page) {
  await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
  await expect(page.locator('#generator')).toHaveAttribute('data-generated', /\d+/);
}

/**
 * The text of a generated output block, e.g. outputText(page, 'policy').
 * @param {Page} page
 * @param {string} key
 */
export function output(page, key) {
  return page.locator(`#out-${key}-text`);
}

/**
 * The exact text of an output (CRLF kept: textContent, not innerText).
 * @param {Page} page
 * @param {string} key
 */
export async function outputText(page, key) {
  return output(page, key).evaluate((el) => el.textContent ?? '');
}
