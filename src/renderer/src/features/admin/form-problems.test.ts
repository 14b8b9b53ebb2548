import { problemCategorySchema } from '@core/config';
import { describe, expect, it } from 'vitest';
import { adminTranslator } from './admin-messages';
import { fieldName, issuesOf, problemKey, problemText } from './form-problems';

const words = {
  fields: { name: 'category.name', label: 'category.fieldLabel', id: 'category.fieldId' },
  items: { fields: 'category.field', options: 'category.option' },
} as const;

describe('bad fields named in the user’s language', () => {
  it.each([
    ['nn', 'name.nb', 'Namn (bokmål)'],
    ['nn', 'fields.1.label.en', 'Felt 2 › Etikett (engelsk)'],
    ['en', 'fields.0.options.2.id', 'Field 1 › Choice 3 › Id of the field'],
    ['nb', 'translations.en.title', 'title (engelsk)'],
  ] as const)('%s %s → %s', (locale, path, expected) => {
    expect(fieldName(path, adminTranslator(locale), words)).toBe(expected);
  });

  it.each([
    ['the Nynorsk text must not be empty', 'problem.required'],
    ['Too small: expected string to have >=1 characters', 'problem.required'],
    ['unknown placeholder {telefon}', 'problem.placeholder'],
    ['duplicate field id "model"', 'problem.duplicate'],
    ['must be a kebab-case id such as "molde" or "ny-brukar"', 'problem.kebabId'],
    ['a select field needs options', 'problem.options'],
    ['not a consultant: 123', 'problem.notConsultant'],
    ['validTo must be after validFrom', 'problem.endBeforeStart'],
    ['something odd', 'problem.invalid'],
  ])('%s → %s', (message, key) => {
    expect(problemKey(message).key).toBe(key);
  });

  it('checks a form with core’s schema and says what is wrong where', () => {
    const issues = issuesOf(problemCategorySchema, {
      id: 'Nettbrett',
      name: { nn: 'Nettbrett', nb: '', en: 'Tablet' },
      description: { nn: 'x', nb: 'x', en: 'x' },
      fields: [],
    });
    const t = adminTranslator('nn');
    expect(issues.map((i) => problemText(i, t, words)).sort()).toEqual([
      'Id for feltet: berre små bokstavar, tal og bindestrek (til dømes «ny-kommune»)',
      'Namn (bokmål): må fyllast ut',
    ]);
  });
});
