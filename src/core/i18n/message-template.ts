/**
 * Message templates with `{name}` placeholders, shared by every catalogue (renderer, portal,
 * SLA board, rule messages), so they fill and check placeholders the same way.
 */

const placeholderPattern = /\{(\w+)\}/g;

/** Values for a template's placeholders. */
export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

/**
 * `template` with its placeholders filled, each value passed through `show` (for example to
 * localise a status code). A placeholder without a value stays as `{name}`, so a missing
 * parameter is visible rather than silently blank.
 */
export function fillTemplate(
  template: string,
  params: TemplateParams | undefined,
  show: (name: string, value: string | number) => string = (_name, value) => String(value),
): string {
  if (!params) return template;
  return template.replace(placeholderPattern, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : show(name, value);
  });
}

/** The placeholders a template uses, sorted (for catalogue consistency checks). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(placeholderPattern)].map((match) => match[1]!).sort();
}
