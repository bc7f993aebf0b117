/**
 * A recording keytar for the boot test: an in-memory keychain that counts every call. BOOT_KEYTAR=hang makes every
 * read wait until the driver calls `__keytar.release()` (a keychain waiting on its unlock prompt).
 */
'use strict';
const entries = new Map();
const state = {
  calls: [],
  hang: process.env.BOOT_KEYTAR === 'hang',
  waiting: [],
  release() {
    state.hang = false;
    for (const go of state.waiting.splice(0)) go();
  },
};
const gate = () => (state.hang ? new Promise((r) => state.waiting.push(r)) : Promise.resolve());
const key = (service, account) => `${service}\u0000${account}`;

module.exports = {
  __keytar: state,
  async getPassword(service, account) {
    state.calls.push(`getPassword ${account}`);
    await gate();
    return entries.get(key(service, account)) ?? null;
  },
  async setPassword(service, account, password) {
    state.calls.push(`setPassword ${account}`);
    await gate();
    entries.set(key(service, account), password);
  },
  async deletePassword(service, account) {
    state.calls.push(`deletePassword ${account}`);
    await gate();
    return entries.delete(key(service, account));
  },
  async findCredentials(service) {
    state.calls.push('findCredentials');
    await gate();
    return [...entries]
      .filter(([k]) => k.startsWith(`${service}\u0000`))
      .map(([k, password]) => ({ account: k.slice(service.length + 1), password }));
  },
};
