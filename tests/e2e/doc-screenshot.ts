/**
 * Where an e2e test saves a screenshot: into docs/screenshots (shown in the README) only when
 * asked with `npm run screenshots`, so that an ordinary test run leaves the work tree clean.
 */
export function docScreenshot(fileName: string): string {
  const folder =
    process.env.SAKSBORD_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  return `${folder}/${fileName}`;
}
