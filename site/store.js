// @ts-check
// A small, failure-proof wrapper around localStorage: a private window, a full
// quota or a disabled storage never breaks the page, it only stops remembering.

const prefix = 'mtasts-kit:';

export class Store {
  /** @param {Storage | null} [storage] */
  constructor(storage) {
    /** @type {Storage | null} */
    this.storage = storage === undefined ? Store.defaultStorage() : storage;
  }

  /** @returns {Storage | null} */
  static defaultStorage() {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  }

  /**
   * @param {string} key
   * @returns {string | null}
   */
  get(key) {
    try {
      return this.storage?.getItem(prefix + key) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {string} value
   * @returns {boolean} false when the value could not be kept (quota, disabled)
   */
  set(key, value) {
    try {
      if (!this.storage) return false;
      // Writing the value already kept costs a round trip to the storage for nothing.
      if (this.storage.getItem(prefix + key) === value) return true;
      this.storage.setItem(prefix + key, value);
      return true;
    } catch {
      return false;
    }
  }

  /** @param {string} key */
  remove(key) {
    try {
      this.storage?.removeItem(prefix + key);
    } catch {
      // nothing to do: storage unavailable
    }
  }
}
