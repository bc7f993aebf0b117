/**
 * Module resolution hook for the boot test (registered by driver.cjs with module.register): the app loads keytar
 * with a dynamic import(), which goes through the ESM loader, not Module._resolveFilename. `keytar` and `electron`
 * resolve to the recording stand-ins beside this file.
 */
const replaced = {
  electron: new URL('./fake-electron.cjs', import.meta.url).href,
  keytar: new URL('./fake-keytar.cjs', import.meta.url).href,
};

export async function resolve(specifier, context, next) {
  if (Object.hasOwn(replaced, specifier))
    return { url: replaced[specifier], format: 'commonjs', shortCircuit: true };
  return next(specifier, context);
}
