/**
 * The category form's answers to show beside the description. Cases reported before the forms
 * stopped asking "Kva skjedde?" carry the description a second time as a form answer; it is
 * shown once, as the description.
 */
export function formEntriesBesideDescription(
  formValues: Readonly<Record<string, string | number | boolean>>,
  description: string,
): Array<[string, string | number | boolean]> {
  const text = description.trim();
  return Object.entries(formValues).filter(
    ([, value]) => !(text !== '' && typeof value === 'string' && value.trim() === text),
  );
}
